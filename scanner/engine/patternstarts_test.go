package engine

import (
	"context"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
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

// TestHeadsLeaveOutSuffixPartsOutOfReach: a treatment word (缓解) keeps
// the pattern whose second part is a disease suffix (~condition) only
// where such a suffix follows within the pattern's reach: 缓解腹痛 keeps
// it, 缓解疲劳 (no disease suffix after it) does not.
func TestHeadsLeaveOutSuffixPartsOutOfReach(t *testing.T) {
	t.Parallel()
	c := checker(t)
	for title, want := range map[string]bool{"热敷腰带 缓解腹痛": true, "按摩椅 缓解疲劳 舒适 透气 加厚 款式": false} {
		in, err := c.Engine.input(c.Builder.Build(&listings.Listing{ID: "1", Source: "t.txt", Title: title}), nil)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ast.JSON(in)
		if err != nil {
			t.Fatal(err)
		}
		lexicon := doc.(map[string]any)["listing"].(map[string]any)["lexicon"].(map[string]any)
		heads, _ := lexicon["found"].(map[string]any)["ad_medical_claim"].(map[string]any)["pattern_heads"].([]any)
		seen := false
		for _, h := range heads {
			run := h.(map[string]any)
			if run["key"] != "缓解" {
				continue
			}
			seen = true
			if got := slices.Contains(run["patterns"].([]any), any("treat_condition")); got != want {
				t.Errorf("%s: head 缓解 has treat_condition %v, want %v (patterns %v)", title, got, want, run["patterns"])
			}
		}
		if !seen {
			t.Errorf("%s: no head run 缓解 among %v", title, heads)
		}
	}
}
