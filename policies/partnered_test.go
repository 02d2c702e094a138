package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// partneredWalked is ad-absolute's partnered as it read before it asked
// xiaoer.in_context itself: lexicon.in_context for a word with needs.
const partneredWalked = `package xiaoer.was.partnered

import data.xiaoer.lib.lexicon

partnered(c) if not c.entry.needs

partnered(c) if lexicon.in_context("ad_absolute", c.entry.needs, c)
`

// TestPartneredAsInContext: ad-absolute's partnered, which asks
// xiaoer.in_context where it answers and lexicon.in_context elsewhere,
// keeps the candidates the walk through lexicon.in_context kept, for
// words without needs and with plain, conjunct, cancelled and unknown
// partner contexts, held or not (contextHelds) or on a document without
// held (built by hand), around hits at and beside the held token and hits
// lacking parts.
func TestPartneredAsInContext(t *testing.T) {
	t.Parallel()
	pqs := prepareBeside(t, partneredWalked,
		"data.xiaoer.rules.ad_absolute.partnered(input.c); x := true",
		"data.xiaoer.was.partnered.partnered(input.c); x := true")
	entries := []string{`{}`, `{"needs": "best_claim"}`, `{"needs": "goal"}`, `{"needs": "self_comparison"}`, `{"needs": "nope"}`}
	helds := append(append([]string{}, contextHelds...), "")
	cases := map[string]int{}
	ctx := context.Background()
	for _, held := range helds {
		for _, entry := range entries {
			for _, hit := range contextHits {
				c := strings.Replace(hit, "{", fmt.Sprintf(`{"entry": %s, `, entry), 1)
				// no held: a document built by hand
				input := ast.MustParseTerm(fmt.Sprintf(`{"c": %s, "listing": {"fields": %s}}`, c, contextFields)).Value
				if held != "" {
					input = contextInput("ad_absolute", "names", `[]`, c, fmt.Sprintf(`{"ad_absolute": %s}`, held), `{}`, contextFields)
				}
				got, want := answer(ctx, pqs[0], input), answer(ctx, pqs[1], input)
				if got != want {
					t.Errorf("partnered(%s) with held %q = %s, want %s", c, held, got, want)
				}
				cases[want]++
			}
		}
	}
	if cases["true"] < 20 || cases["undefined"] < 20 {
		t.Errorf("answers %v: want both kept and dropped candidates", cases)
	}
}
