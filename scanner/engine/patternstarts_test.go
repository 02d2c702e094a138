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

// TestHeadsLeaveOutPartsOutOfReach: a head keeps a pattern only where
// its second part can follow within the pattern's gap: a disease suffix
// (~condition) after 缓解 in 缓解腹痛, not in 缓解疲劳; a word of the class
// break right after 销量 (metric_break_big, gap 1) in 销量突破10万件, not
// when 突破 comes four words later; metric_big wants a big figure word
// (万件) right after 销量, which 突破 is not.
func TestHeadsLeaveOutPartsOutOfReach(t *testing.T) {
	t.Parallel()
	c := checker(t)
	for _, tc := range []struct {
		title, table, head, pattern string
		want                        bool
	}{
		{"热敷腰带 缓解腹痛", "ad_medical_claim", "缓解", "treat_condition", true},
		{"按摩椅 缓解疲劳 舒适 透气 加厚 款式", "ad_medical_claim", "缓解", "treat_condition", false},
		{"销量突破10万件 透气", "ad_unsourced_claim", "销量", "metric_break_big", true},
		{"销量突破10万件 透气", "ad_unsourced_claim", "销量", "metric_big", false},
		{"销量 透气 舒适 款式 突破 10万件", "ad_unsourced_claim", "销量", "metric_break_big", false},
	} {
		ids, ok := headPatternIDs(t, c, tc.title, tc.table, tc.head)
		if !ok {
			t.Errorf("%s: no head run %s of %s", tc.title, tc.head, tc.table)
			continue
		}
		if got := slices.Contains(ids, any(tc.pattern)); got != tc.want {
			t.Errorf("%s: head %s has %s %v, want %v (patterns %v)", tc.title, tc.head, tc.pattern, got, tc.want, ids)
		}
	}
}

// headPatternIDs are the patterns the engine gives head run key of table
// in a title listing.
func headPatternIDs(t *testing.T, c *judge, title, table, key string) ([]any, bool) {
	t.Helper()
	in, err := c.Engine.input(c.Builder.Build(&listings.Listing{ID: "1", Source: "t.txt", Title: title}), nil)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ast.JSON(in)
	if err != nil {
		t.Fatal(err)
	}
	lexicon := doc.(map[string]any)["listing"].(map[string]any)["lexicon"].(map[string]any)
	found, _ := lexicon["found"].(map[string]any)[table].(map[string]any)
	heads, _ := found["pattern_heads"].([]any)
	for _, h := range heads {
		if run := h.(map[string]any); run["key"] == key {
			ids, _ := run["patterns"].([]any)
			return ids, true
		}
	}
	return nil, false
}
