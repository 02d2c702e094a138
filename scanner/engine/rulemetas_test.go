package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestRuleMetasAreTheRules: the metas the engine gives the builtins by
// package (Metas) are the embedded rule packages' metas as Rego
// evaluates them, where it has one; it has one for each package whose
// builtin asks for it, and none for a package that is not one.
func TestRuleMetasAreTheRules(t *testing.T) {
	t.Parallel()
	memo := checker(t).Engine.exposures
	emb := checker(t).Engine.judged.byKind["listing"]
	if len(emb) < 10 {
		t.Fatalf("%d listing rules; want the embedded ones", len(emb))
	}
	for _, pkg := range emb {
		got := memo.Meta(pkg)
		if got == nil {
			continue // not a constant (counterfeit_wording's reads a table)
		}
		want := answerIn(t, t.Context(), packQuery(t, "x := data.xiaoer.rules."+pkg+".meta"), ast.NewObject())
		if want == nil || ast.Compare(got.Value, want) != 0 {
			t.Errorf("Meta(%q) = %v; want %v", pkg, got, want)
		}
	}
	for _, pkg := range []string{"material_fiber", "promise_guarantee", "ad_pressure", "ad_absolute", "ad_unsourced_claim"} {
		if memo.Meta(pkg) == nil {
			t.Errorf("Meta(%q) = nil; its findings builtin asks for it", pkg)
		}
	}
	if got := memo.Meta("no_such_rule"); got != nil {
		t.Errorf("Meta of a package that is none = %v; want nil", got)
	}
}

// TestRuleMetasOnlyConstants: only a rule package's meta written as one
// constant is read off the modules; one that reads input or has a body,
// and a meta outside data.xiaoer.rules, are left to Rego.
func TestRuleMetasOnlyConstants(t *testing.T) {
	t.Parallel()
	c := ast.MustCompileModules(map[string]string{
		"a.rego": "package xiaoer.rules.a\nmeta := {\"id\": \"a\", \"basis\": [\"广告法\"]}",
		"b.rego": "package xiaoer.rules.b\nmeta := {\"id\": input.id}",
		"c.rego": "package xiaoer.rules.c\nmeta := {\"id\": \"c\"} if input.x",
		"d.rego": "package xiaoer.lib.d\nmeta := {\"id\": \"d\"}",
	})
	got := ruleMetas(c)
	want := ast.MustParseTerm(`{"id": "a", "basis": ["广告法"]}`)
	if len(got) != 1 || got["a"] == nil || !got["a"].Equal(want) {
		t.Errorf("ruleMetas = %v; want only a's %v", got, want)
	}
}
