package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A pattern that hits twice in one call gives both hits the entry it
// makes once (entryOf): the hits are still what the Rego gave, for every
// pattern's examples said twice in one title.
func TestPatternHitsTwiceAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, patternHitsInRego,
		"x := data.xiaoer.lib.pattern.hits(input.table, input.skip)",
		"x := data.xiaoer.was.pattern.hits(input.table, input.skip)")
	now, was := pqs[0], pqs[1]
	hits, twice, tables := 0, 0, policyTables(t)
	for table, texts := range patternExamples(tables) {
		words := tableWords(tables[table])
		for _, text := range texts {
			doubled := text + "。" + text
			input := patternDoc(table, `{}`, wordCut(doubled, words), charCut(doubled))
			compareHits(t, ctx, now, was, input, &hits)
			if samePatternTwice(answer(ctx, now, input)) {
				twice++
			}
		}
	}
	if twice < 10 {
		t.Errorf("%d calls had a pattern hit twice: want at least 10", twice)
	}
}

// samePatternTwice: two hits of the answer share their entry's pattern.
func samePatternTwice(answer string) bool {
	v, err := ast.ParseTerm(answer)
	s, ok := valueOf(v).(ast.Set)
	if err != nil || !ok {
		return false
	}
	seen, twice := map[string]bool{}, false
	s.Foreach(func(h *ast.Term) {
		id := get(get(h, keyEntry), keyPattern).String()
		twice = twice || seen[id]
		seen[id] = true
	})
	return twice
}
