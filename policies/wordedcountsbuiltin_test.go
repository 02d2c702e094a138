package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// wordedCountsQueries are the rule's worded_counts now, the comprehension
// that is its fallback, and the builtin called directly.
func wordedCountsQueries(t *testing.T) (now, was, direct rego.PreparedEvalQuery) {
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	pqs := prepareBeside(t, "", "x := "+rule+"worded_counts",
		"x := [[num, first] | some num in "+rule+"figures; "+rule+"counted(num); "+rule+"big(num); first := data.xiaoer.lib.lexicon.figure_first(num); not "+rule+"digit(num.field, first)]",
		"x := xiaoer.worded_counts("+rule+"figures, data.tables.ad_unsourced_claim.count_units, input.listing.fields)")
	return pqs[0], pqs[1], pqs[2]
}

// wordedInput is a listing whose description has tokens 0: 12, 1: 万,
// 2: (empty), 3: 三千 and whose figures are the given ones.
func wordedInput(figures []string) ast.Value {
	return ast.MustParseTerm(`{"kind": "listing", "listing": {
		"fields": {"description": {"tokens": [{"t": "12"}, {"t": "万"}, {"t": ""}, {"t": "三千"}]}},
		"numbers": [` + strings.Join(figures, ", ") + `]}}`).Value
}

// TestWordedCountsAsRego: the worded counts, which xiaoer.worded_counts
// picks, are the Rego's, for figures of every kind of unit (a count unit,
// %, none, another), value (small, big, ten thousand), plus or not, first
// token (a digit, words, empty text, none, out of the tokens, -1) and
// field (one without tokens, the skipped attributes); and the builtin
// answers for them.
func TestWordedCountsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := wordedCountsQueries(t)
	var figures []string
	for _, unit := range []string{"件", "%", "", "米"} {
		for _, value := range []string{"5", "1000", "20000"} {
			for _, plus := range []string{"", `"plus": true, `} {
				for _, ti := range []int{0, 1, 2, 3, 9, -1} {
					for _, field := range []string{"description", "title", "attributes"} {
						figures = append(figures, fmt.Sprintf(`{"value": %s, "unit": %q, %s"field": %q, "s": 0, "e": 3, "ti": %d, "tl": %d, "tn": -1}`, value, unit, plus, field, ti, ti))
					}
				}
			}
		}
	}
	input := wordedInput(figures)
	got, want := answer(ctx, now, input), answer(ctx, was, input)
	if got != want || strings.Count(want, `"ti"`) < 10 {
		t.Fatalf("worded counts\n got %s\nwant %s", got, want)
	}
	if by := answer(ctx, direct, input); by != want {
		t.Fatalf("xiaoer.worded_counts = %s; want %s", by, want)
	}
	t.Logf("%d figures, %d kept", len(figures), strings.Count(want, `"ti"`))
}

// TestWordedCountsOddAsRego: figures that are not the engine's shape (no
// first token or one that is not a number, a value or unit of another
// type, a token text that is not a string) get the Rego's answer, and the builtin leaves them to it.
func TestWordedCountsOddAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := wordedCountsQueries(t)
	cases := []string{
		`{"value": 20000, "unit": "件", "field": "description", "s": 0, "e": 3}`,
		`{"value": "20000", "unit": "件", "field": "description", "s": 0, "e": 3, "ti": 3, "tl": 3, "tn": -1}`,
		`{"value": 20000, "unit": 1, "field": "description", "s": 0, "e": 3, "ti": 3, "tl": 3, "tn": -1}`,
		`{"value": 20000, "unit": "件", "field": "title2", "s": 0, "e": 3, "ti": 0, "tl": 0, "tn": -1}`,
		`{"value": 20000, "unit": "件", "field": "description", "s": 0, "e": 3, "ti": "3", "tl": 3, "tn": -1}`,
	}
	for _, c := range cases {
		input := wordedInput([]string{c}).(ast.Object)
		if strings.Contains(c, "title2") {
			input.Get(ast.StringTerm("listing")).Value.(ast.Object).Get(ast.StringTerm("fields")).Value.(ast.Object).
				Insert(ast.StringTerm("title2"), ast.MustParseTerm(`{"tokens": [{"t": 1}]}`))
		}
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("worded counts of %s\n got %s\nwant %s", c, got, want)
		}
		if by := answer(ctx, direct, input); by != "undefined" {
			t.Errorf("xiaoer.worded_counts(%s) = %s; want undefined", c, by)
		}
	}
}
