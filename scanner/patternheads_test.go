package scanner

import (
	"context"
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// TestPatternHeadsChangeNoHit: the pattern ids the engine gives with each
// head run (input.listing.lexicon.found.<table>.pattern_heads[_].patterns,
// a shortcut that also leaves out patterns whose next word class the
// listing lacks, or whose second part is not in reach of the head) give the same pattern hits as the library's own lookup
// without them, for every table, over every labelled set, fixture and,
// when the corpus is there, every real title.
func TestPatternHeadsChangeNoHit(t *testing.T) {
	t.Parallel()
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pq, err := rego.New(rego.Query(`x := {t: data.xiaoer.lib.pattern.hits(t, {}) | some t; data.tables[t].patterns}`),
		rego.ParsedBundle("xiaoer", b), rego.SetRegoVersion(ast.RegoV1), rego.StoreReadAST(true)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Every rule judging every listing, the input has the heads of every
	// table a rule reads (a listing's leaves out the tables only skipped
	// rules read).
	all := newChecker(t, engine.Options{EvaluateAll: true})
	ls := knownListings(t)
	compared, hits, narrowed := 0, 0, 0
	for _, l := range ls {
		in, err := all.Engine.Input(all.Builder.Build(l))
		if err != nil {
			t.Fatal(err)
		}
		plain, heads, left := withoutPatternIDs(t, b.Data, in)
		if heads == 0 {
			continue // no head: nothing to compare
		}
		compared++
		narrowed += left
		got, want := patternHits(t, pq, in), patternHits(t, pq, plain)
		if !got.Equal(want) {
			t.Errorf("%s %s: pattern hits differ\n with the engine's ids: %v\n  with the library's: %v", l.Source, l.ID, got, want)
		}
		got.Value.(ast.Object).Foreach(func(_, found *ast.Term) { hits += found.Value.(*ast.Array).Len() }) // sets come back as arrays
	}
	t.Logf("%d listings with pattern heads compared (%d patterns left out by the engine), %d pattern hits", compared, narrowed, hits)
	if compared < 100 || hits == 0 || narrowed == 0 {
		t.Errorf("%d listings with heads, %d hits, %d patterns left out: want hundreds, some hits and some left out", compared, hits, narrowed)
	}
}

func patternHits(t *testing.T, pq rego.PreparedEvalQuery, in ast.Value) *ast.Term {
	t.Helper()
	rs, err := pq.Eval(context.Background(), rego.EvalParsedInput(in))
	if err != nil || len(rs) != 1 {
		t.Fatalf("pattern hits: %v (%d results)", err, len(rs))
	}
	v, err := ast.InterfaceToValue(rs[0].Bindings["x"])
	if err != nil {
		t.Fatal(err)
	}
	return ast.NewTerm(v)
}

// withoutPatternIDs is input in without the patterns of its head runs, as
// a document built by hand has them, and how many ids the engine left out
// of its head runs against the library's full list of each.
func withoutPatternIDs(t *testing.T, data map[string]any, in ast.Value) (ast.Value, int, int) {
	t.Helper()
	doc, err := ast.JSON(in)
	if err != nil {
		t.Fatal(err)
	}
	listing, _ := doc.(map[string]any)["listing"].(map[string]any)
	lexicon, _ := listing["lexicon"].(map[string]any)
	found, _ := lexicon["found"].(map[string]any)
	heads, left := 0, 0
	for table, lexicons := range found {
		runs, _ := lexicons.(map[string]any)["pattern_heads"].([]any)
		for _, r := range runs {
			run := r.(map[string]any)
			ids, ok := run["patterns"].([]any)
			if !ok {
				t.Fatalf("a head run of %s without patterns: %v", table, run)
			}
			heads++
			left += len(startingAll(data, table, run["key"].(string))) - len(ids)
			delete(run, "patterns")
		}
	}
	if heads == 0 {
		return in, 0, 0
	}
	out, err := ast.InterfaceToValue(doc)
	if err != nil {
		t.Fatal(err)
	}
	return out, heads, left
}

// startingAll are the ids of every pattern of table whose first part is a
// class of head word key.
func startingAll(data map[string]any, table, key string) []string {
	tables, _ := data["tables"].(map[string]any)
	tab, _ := tables[table].(map[string]any)
	heads, _ := tab["pattern_heads"].(map[string]any)
	head, _ := heads[key].(map[string]any)
	classes, _ := head["classes"].([]any)
	patterns, _ := tab["patterns"].(map[string]any)
	var ids []string
	for id, p := range patterns {
		parts, _ := p.(map[string]any)["parts"].([]any)
		if len(parts) > 0 && slices.Contains(classes, parts[0]) {
			ids = append(ids, id)
		}
	}
	return ids
}
