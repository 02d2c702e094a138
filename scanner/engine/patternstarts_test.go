package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// TestPatternStartsAgreeWithTheLibrary: the pattern ids the engine gives
// with every head run are the ones the library computes for documents
// built by hand (pattern.starting without head.patterns), for every head
// word of every table, so the engine's shortcut changes no pattern hit.
func TestPatternStartsAgreeWithTheLibrary(t *testing.T) {
	t.Parallel()
	b, err := policies.Load(policies.FS(), "xiaoer", false)
	if err != nil {
		t.Fatal(err)
	}
	starts := newPatternStarts(b.Data)
	pq, err := rego.New(rego.Query(`x := {t: {w: data.xiaoer.lib.pattern.starting(t, {"key": w}) | some w, _ in data.tables[t].pattern_heads} |
		some t
		data.tables[t].pattern_heads
	}`), rego.ParsedBundle("xiaoer", b), rego.SetRegoVersion(ast.RegoV1), rego.StoreReadAST(true)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(ast.NewObject()))
	if err != nil || len(rs) != 1 {
		t.Fatalf("evaluate pattern.starting: %v (%d results)", err, len(rs))
	}
	want, err := ast.InterfaceToValue(rs[0].Bindings["x"])
	if err != nil {
		t.Fatal(err)
	}
	heads := 0
	want.(ast.Object).Foreach(func(table, words *ast.Term) {
		words.Value.(ast.Object).Foreach(func(word, ids *ast.Term) {
			heads++
			var got *ast.Term
			if pt := starts[string(table.Value.(ast.String))]; pt != nil {
				got = stringsTerm(pt.heads[string(word.Value.(ast.String))])
			}
			if got == nil || !got.Equal(ids) {
				t.Errorf("%v %v: engine gives %v, the library %v", table, word, got, ids)
			}
		})
	})
	if heads < 100 {
		t.Errorf("only %d head words compared: are the pattern tables loaded?", heads)
	}
}
