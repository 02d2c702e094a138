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
