package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// stubExposures answers xiaoer.exposure with answer (nil: undefined) and
// notes the operands it was asked with.
type stubExposures struct {
	answer *ast.Term
	asked  [][3]*ast.Term
	metas  map[string]*ast.Term // Metas, by package
}

func (s *stubExposures) Meta(pkg string) *ast.Term { return s.metas[pkg] }

// ruleMetas are the metas of rule packages pkgs, as the policies give them.
func ruleMetas(t *testing.T, pkgs ...string) map[string]*ast.Term {
	t.Helper()
	out := map[string]*ast.Term{}
	for _, pkg := range pkgs {
		pq := prepareBeside(t, "", "x := data.xiaoer.rules."+pkg+".meta")[0]
		rs, err := pq.Eval(context.Background(), asAST)
		if err != nil || len(rs) == 0 {
			t.Fatalf("meta of %s: %v", pkg, err)
		}
		out[pkg] = ast.NewTerm(rs[0].Bindings["x"].(ast.Value))
	}
	return out
}

func (s *stubExposures) Exposure(_ topdown.BuiltinContext, x, hit, input *ast.Term) (*ast.Term, error) {
	s.asked = append(s.asked, [3]*ast.Term{x, hit, input})
	return s.answer, nil
}

// lib.finding takes a finding's exposure from the Exposures its
// evaluation was started with, asked with meta.exposure, the hit's
// platform figures and the input; where they have no answer, and where
// there are none (policy tests, other tools), it works exposure out
// inline, as before.
func TestFindingExposureFromContext(t *testing.T) {
	pq := prepareBeside(t, "", `x := data.xiaoer.lib.finding(`+metaFull+`, {"message": "m", "s": 1, "platform_cny": 3})`)[0]
	input := ast.MustParseTerm(`{"kind": "listing", "listing": {"price": {"amount": 100}}}`)
	inline := answer(context.Background(), pq, input.Value)
	if inline == "undefined" || inline == "error" {
		t.Fatalf("lib.finding inline: %s", inline)
	}
	none := &stubExposures{}
	if got := answer(WithExposures(context.Background(), none), pq, input.Value); got != inline {
		t.Errorf("no answer: got\n%s\nwant (inline)\n%s", got, inline)
	}
	if len(none.asked) != 1 {
		t.Fatalf("asked %d times, want once", len(none.asked))
	}
	want := [3]string{`{"points": "misdescription_material", "punitive": true}`, `{"platform_cny": 3}`, input.String()}
	for i, op := range none.asked[0] {
		if op.String() != want[i] {
			t.Errorf("operand %d: %v, want %s", i+1, op, want[i])
		}
	}
	marked := &stubExposures{answer: ast.StringTerm("remembered")}
	got := answer(WithExposures(context.Background(), marked), pq, input.Value)
	f := ast.MustParseTerm(got).Value.(ast.Object)
	if e := f.Get(ast.StringTerm("exposure")); e == nil || e.String() != `"remembered"` {
		t.Errorf("exposure %v, want the Exposures' answer", e)
	}
}

// xiaoer.exposure asks the Exposures with the operands lib.exposure
// gives exposure_of (meta.exposure, the hit's platform_keys), for every
// argument a policy can pass lib.finding; where there is no answer,
// lib.finding gives what it gives inline, undefined and errors included.
func TestExposureOperandsAsRego(t *testing.T) {
	pqs := prepareBeside(t, "", "x := data.xiaoer.lib.finding(input.meta, input.hit)",
		`x := [object.get(input.meta, "exposure", {}), object.filter(input.hit, data.xiaoer.lib.platform_keys)]`)
	now, operands := pqs[0], pqs[1]
	asked := 0
	for _, c := range findingCases {
		input := findingCaseInput(c)
		stub := &stubExposures{}
		got, want := answer(WithExposures(context.Background(), stub), now, input), answer(context.Background(), now, input)
		if got != want {
			t.Errorf("finding(%s, %s) without an answer\n got %s\nwant %s (inline)", c[0], c[1], got, want)
		}
		for _, ops := range stub.asked {
			asked++
			if got, want := ast.ArrayTerm(ops[0], ops[1]).String(), answer(context.Background(), operands, input); got != want {
				t.Errorf("finding(%s, %s) asked with %s, want %s", c[0], c[1], got, want)
			}
		}
	}
	if asked < len(findingCases)/2 {
		t.Errorf("asked %d times for %d cases", asked, len(findingCases))
	}
}

// xiaoer.exposed_finding is xiaoer.finding of xiaoer.exposure nested, for
// every argument a policy can pass lib.finding, with an answer, without
// one (undefined) and without Exposures: the same finding, undefined and
// errors, and the Exposures asked with the same operands.
func TestExposedFindingAsNested(t *testing.T) {
	pqs := prepareBeside(t, "", "x := xiaoer.exposed_finding(input.meta, input.hit, input)",
		"x := xiaoer.finding(input.meta, input.hit, xiaoer.exposure(input.meta, input.hit, input))")
	one, nested := pqs[0], pqs[1]
	defined := 0
	for _, c := range findingCases {
		input := findingCaseInput(c)
		for _, answerWith := range []*ast.Term{nil, ast.StringTerm("remembered")} {
			a, b := &stubExposures{answer: answerWith}, &stubExposures{answer: answerWith}
			got, want := answer(WithExposures(context.Background(), a), one, input), answer(WithExposures(context.Background(), b), nested, input)
			if got != want {
				t.Errorf("exposed_finding(%s, %s), answer %v:\n got %s\nwant %s (nested)", c[0], c[1], answerWith, got, want)
			}
			if got != "undefined" && got != "error" {
				defined++
			}
			if ast.NewArray(flat(a.asked)...).String() != ast.NewArray(flat(b.asked)...).String() {
				t.Errorf("exposed_finding(%s, %s) asked with %v, nested with %v", c[0], c[1], a.asked, b.asked)
			}
		}
		if got, want := answer(context.Background(), one, input), answer(context.Background(), nested, input); got != want {
			t.Errorf("exposed_finding(%s, %s) without Exposures: got %s, want %s", c[0], c[1], got, want)
		}
	}
	if defined < len(findingCases)/2 {
		t.Errorf("%d defined answers for %d cases", defined, len(findingCases))
	}
}

func flat(asked [][3]*ast.Term) []*ast.Term {
	var out []*ast.Term
	for _, ops := range asked {
		out = append(out, ops[:]...)
	}
	return out
}

// findingCaseInput is a listing's input holding a finding case's meta
// and hit, as lib.finding is asked with them.
func findingCaseInput(c [2]string) ast.Object {
	return ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
		ast.Item(ast.StringTerm("meta"), ast.MustParseTerm(c[0])),
		ast.Item(ast.StringTerm("hit"), ast.MustParseTerm(c[1])),
	)
}
