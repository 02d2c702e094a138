package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestClauseBoundariesAsLexicon: the boundaries xiaoer.found_pattern_hits
// knows are lib/lexicon.rego's.
func TestClauseBoundariesAsLexicon(t *testing.T) {
	t.Parallel()
	pq := prepareBeside(t, "", "x := data.xiaoer.lib.lexicon.boundaries")[0]
	got, want := clauseBoundaries.String(), answer(context.Background(), pq, ast.NewObject())
	if got != want {
		t.Errorf("clauseBoundaries = %s, lexicon.boundaries = %s", got, want)
	}
}

// TestFoundPatternHitsAsPatternHits: xiaoer.found_pattern_hits of a
// table's found runs answers as xiaoer.pattern_hits of its heads, its
// words (none where the runs have no pattern_words, as the engine leaves
// them out) and lexicon.boundaries, for the examples of every pattern of
// the tables, with the words found, without them, and with the title
// skipped.
func TestFoundPatternHitsAsPatternHits(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, "",
		`x := xiaoer.found_pattern_hits(input.found, data.tables[input.table], input.listing, input.skip)`,
		`x := xiaoer.pattern_hits(input.found.pattern_heads, object.get(input.found, "pattern_words", []),
			data.tables[input.table], input.listing, data.xiaoer.lib.lexicon.boundaries, input.skip)`,
		`x := {"pattern_heads": data.xiaoer.lib.lexicon.found(input.table, "pattern_heads"),
			"pattern_words": data.xiaoer.lib.lexicon.found(input.table, "pattern_words")}`)
	now, want, found := pqs[0], pqs[1], pqs[2]
	hits, tables := 0, policyTables(t)
	for table, texts := range patternExamples(tables) {
		words := tableWords(tables[table])
		for _, text := range texts {
			for _, skip := range []string{`{}`, `{"title": true}`} {
				input := patternDoc(table, skip, wordCut(text, words), charCut(text))
				runs := ast.MustParseTerm(answer(ctx, found, input)).Value.(ast.Object)
				headsOnly := ast.NewObject(ast.Item(keyHeads, runs.Get(keyHeads)))
				for _, f := range []ast.Object{runs, headsOnly} {
					input.Insert(ast.StringTerm("found"), ast.NewTerm(f))
					compareHits(t, ctx, now, want, input, &hits)
				}
			}
		}
	}
	if hits < 200 {
		t.Errorf("the examples gave %d hits: want more than 200", hits)
	}
}

// TestPatternHitSetShadowed: patternHitSet with a span test is the whole
// set of hits less those whose field, s and e it names (here the spans
// that start at an even offset), for the examples of every pattern of the
// tables.
func TestPatternHitSetShadowed(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	found := prepareBeside(t, "",
		`x := {"pattern_heads": data.xiaoer.lib.lexicon.found(input.table, "pattern_heads"),
			"pattern_words": data.xiaoer.lib.lexicon.found(input.table, "pattern_words")}`)[0]
	evenStart := func(_, s, _ *ast.Term) bool {
		n, ok := intOf(s)
		return ok && n%2 == 0
	}
	dropped, tables := 0, policyTables(t)
	for table, texts := range patternExamples(tables) {
		words := tableWords(tables[table])
		for _, text := range texts {
			input := patternDoc(table, `{}`, wordCut(text, words), charCut(text))
			runs := ast.MustParseTerm(answer(ctx, found, input))
			ops := foundPatternOperands([]*ast.Term{runs, tableTerm(t, tables[table]), input.Get(ast.StringTerm("listing")), ast.ObjectTerm()})
			all, errA := patternHitSet(ops, nil)
			kept, errK := patternHitSet(ops, evenStart)
			if errA != nil || errK != nil {
				t.Fatalf("%s: %v, %v", text, errA, errK)
			}
			want := ast.NewSet()
			all.Foreach(func(h *ast.Term) {
				if evenStart(get(h, keyField), get(h, keyS), get(h, keyE)) {
					dropped++
				} else {
					want.Add(h)
				}
			})
			if ast.Compare(kept, want) != 0 {
				t.Errorf("%s: shadowed hits %v, want %v", text, kept, want)
			}
		}
	}
	if dropped < 50 {
		t.Errorf("the examples shadowed %d hits: want more than 50", dropped)
	}
}

// tableTerm is a policy table as a term.
func tableTerm(t *testing.T, table map[string]any) *ast.Term {
	t.Helper()
	return ast.MustParseTerm(mustJSON(table))
}
