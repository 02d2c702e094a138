package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// constantModule has constants read whole, in part and in a with, and
// rules that are no constants.
const constantModule = `package p

skip := {"attributes": true}
messages := {"click": "a %s", "other": "b %s"}
fields := object.get(input, "fields", {})
twice := 1
twice := 1 if input.x
replaced := 3

answer := [skip, messages.click, fields, twice, replaced, sprintf(messages.other, [input.w])]

swapped := x if {
	x := skip with input as {}
}

test_replaced if replaced == 4 with data.p.replaced as 4
`

// compiledConstants compiles constantModule with the stage, or without.
func compiledConstants(t *testing.T, stage bool) *ast.Compiler {
	t.Helper()
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	if stage {
		c = c.WithStageAfterID(ast.StageSetRuleTree, engineConstantRules)
	}
	if c.Compile(map[string]*ast.Module{"p.rego": ast.MustParseModuleWithOpts(constantModule, ast.ParserOptions{RegoVersion: ast.RegoV1})}); c.Failed() {
		t.Fatal(c.Errors)
	}
	return c
}

// TestConstantRulesWrittenInPlace: the references to skip and messages
// (whole and messages.click, messages.other) are gone from answer; those
// to a computed value (fields), a rule of two definitions (twice) and
// one replaced by a with (replaced) stay.
func TestConstantRulesWrittenInPlace(t *testing.T) {
	t.Parallel()
	refs := map[string]bool{}
	for _, r := range compiledConstants(t, true).GetRulesExact(ast.MustParseRef("data.p.answer")) {
		ast.WalkRefs(r, func(ref ast.Ref) bool {
			refs[ref.String()] = true
			return false
		})
	}
	for _, gone := range []string{"data.p.skip", "data.p.messages", "data.p.messages.click", "data.p.messages.other"} {
		if refs[gone] {
			t.Errorf("%s is still referred to: %v", gone, refs)
		}
	}
	for _, kept := range []string{"data.p.fields", "data.p.twice", "data.p.replaced"} {
		if !refs[kept] {
			t.Errorf("%s is no longer referred to: %v", kept, refs)
		}
	}
}

// TestConstantRulesKeepAnswers: answer, the with and the rule test give
// the same with the stage as without.
func TestConstantRulesKeepAnswers(t *testing.T) {
	t.Parallel()
	for _, query := range []string{"data.p.answer", "data.p.swapped", "data.p.test_replaced"} {
		var answers [2]string
		for i, stage := range []bool{false, true} {
			rs, err := rego.New(rego.Compiler(compiledConstants(t, stage)), rego.Query(query),
				rego.Input(map[string]any{"fields": map[string]any{"t": 1}, "x": true, "w": "z"})).Eval(context.Background())
			if err != nil || len(rs) != 1 {
				t.Fatalf("%s: %v %v", query, rs, err)
			}
			answers[i] = ast.MustInterfaceToValue(rs[0].Expressions[0].Value).String()
		}
		if answers[0] != answers[1] {
			t.Errorf("%s: %s with the stage, %s without", query, answers[1], answers[0])
		}
	}
}

// TestConstantRulesInThePack: the pack's engine compilation has written
// ad-pressure's skip and messages in place (the references it evaluated
// in every evaluation that reached the rule), and its Rego keeps both.
func TestConstantRulesInThePack(t *testing.T) {
	t.Parallel()
	plain, inlined := compiledPack(t, false), compiledPack(t, true)
	for _, name := range []string{"data.xiaoer.rules.ad_pressure.skip", "data.xiaoer.rules.ad_pressure.messages"} {
		ref := ast.MustParseRef(name)
		if n := countRefs(plain, ref); n == 0 {
			t.Errorf("the pack refers to %s nowhere", name)
		}
		if n := countRefs(inlined, ref); n != 0 {
			t.Errorf("%d references to %s left", n, name)
		}
	}
}

// countRefs counts the references to ref (or below it) in modules.
func countRefs(modules map[string]*ast.Module, ref ast.Ref) int {
	n := 0
	for _, m := range modules {
		ast.WalkRefs(m, func(r ast.Ref) bool {
			if r.HasPrefix(ref) {
				n++
			}
			return false
		})
	}
	return n
}
