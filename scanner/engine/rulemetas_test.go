package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestRuleMetasAreTheRules: the metas the engine gives the builtins by
// package (Metas) are every embedded rule package's meta as Rego
// evaluates it, and there are none for a package that is not one.
func TestRuleMetasAreTheRules(t *testing.T) {
	t.Parallel()
	memo := checker(t).Engine.exposures
	emb := checker(t).Engine.judged.byKind["listing"]
	if len(emb) < 10 {
		t.Fatalf("%d listing rules; want the embedded ones", len(emb))
	}
	for _, pkg := range emb {
		want := answerIn(t, t.Context(), packQuery(t, "x := data.xiaoer.rules."+pkg+".meta"), ast.NewObject())
		got := memo.Meta(pkg)
		if got == nil || want == nil || ast.Compare(got.Value, want) != 0 {
			t.Errorf("Meta(%q) = %v; want %v", pkg, got, want)
		}
	}
	if got := memo.Meta("no_such_rule"); got != nil {
		t.Errorf("Meta of a package that is none = %v; want nil", got)
	}
}
