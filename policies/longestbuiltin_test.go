package policies

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// longestInRego is lexicon.longest as it was before xiaoer.longest: the
// hits ranked and sorted, each pair looked at once. lexicon.longest must
// answer as it did.
const longestInRego = `package xiaoer.ranked

longest(hits) := hits if {
	count(hits) < 2
} else := {hit |
	rs := sort([[[e - s, 0 - s, object.get(c.entry, "pattern", false) == false], [f, s], [f, e], c] |
		some c in hits
		s := c.s
		e := c.e
		f := c.field
	])
	some k, [_, _, _, hit] in rs
	not outranked(rs, k)
}

outranked(rs, k) if {
	[rank, start, end, _] := rs[k]
	some [q_rank, q_start, q_end, _] in array.slice(rs, k + 1, count(rs))
	q_start < end
	start < q_end
	q_rank > rank
}
`

// longestCases are hit sets (Rego terms) to compare: words over words,
// words over patterns of the same span, equal ranks, other fields, hits
// that only touch, hits lacking fields, arrays, offsets that are not
// numbers, and offsets that are fractions or too large to compare as ints
// (alone and beside ints).
var longestCases = []string{
	`set()`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 9, "entry": {}, "key": "最低价"}, {"field": "title", "s": 3, "e": 9, "entry": {}, "key": "低价"}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 0, "e": 6, "entry": {"pattern": "p"}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {"pattern": false}}, {"field": "title", "s": 0, "e": 6, "entry": {"pattern": null}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}, "k": 1}, {"field": "title", "s": 0, "e": 6, "entry": {}, "k": 2}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 3, "e": 9, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 6, "e": 9, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "description", "s": 0, "e": 9, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 0, "e": 9}, {"s": 0, "e": 9, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, "hit", 7}`,
	`[{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 2, "e": 12, "entry": {}}]`,
	`[{"field": "title", "s": 0, "e": 6, "entry": {}}]`,
	`{{"field": "title", "s": 0, "e": 6.0, "entry": {}}, {"field": "title", "s": 1e0, "e": 7, "entry": {}}}`,
	`{{"field": "title", "s": "0", "e": 6, "entry": {}}, {"field": "title", "s": 1, "e": 7, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 0.5, "e": 6.5, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": {}}, {"field": "title", "s": 2.5, "e": 9, "entry": {}}}`,
	`{{"field": "title", "s": 9007199254740990, "e": 9007199254740996, "entry": {}}, {"field": "title", "s": 9007199254740993, "e": 9007199254741000, "entry": {}}}`,
	`{{"field": "title", "s": 3, "e": 9, "entry": {}}, {"field": "title", "s": 4503599627370494, "e": 4503599627370500, "entry": {}}, {"field": "title", "s": 4503599627370497, "e": 4503599627370502, "entry": {}}}`,
	`{{"field": "title", "s": 0, "e": 6, "entry": "word"}, {"field": "title", "s": 1, "e": 7, "entry": {}}}`,
	`{{"field": 1, "s": 0, "e": 6, "entry": {}}, {"field": 1, "s": 1, "e": 9, "entry": {}}}`,
}

// TestLongestBuiltinAsRego: lexicon.longest, which xiaoer.longest ranks,
// keeps what the Rego kept, for the cases above and for random sets of
// hits in two fields (many overlapping, of equal and unequal length).
func TestLongestBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, longestInRego, "x := data.xiaoer.lib.lexicon.longest(input.hits)", "x := data.xiaoer.ranked.longest(input.hits)")
	now, was := pqs[0], pqs[1]
	cases := append([]string{}, longestCases...)
	rng := rand.New(rand.NewSource(13))
	for range 300 {
		cases = append(cases, randomHits(rng))
	}
	dropped := 0
	for _, c := range cases {
		input := ast.NewObject(ast.Item(ast.StringTerm("hits"), ast.MustParseTerm(c)))
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("longest(%s)\n got %s\nwant %s", c, got, want)
		}
		if want != "error" && strings.Count(want, `"field"`) < strings.Count(c, `"field"`) {
			dropped++
		}
	}
	if dropped < 100 {
		t.Errorf("only %d cases drop a hit: the cases do not test the ranking", dropped)
	}
}

// randomHits is a set of 2 to 7 hits with short spans in one of two
// fields, words or patterns.
func randomHits(rng *rand.Rand) string {
	var hits []string
	for k := range 2 + rng.Intn(6) {
		s := rng.Intn(8) * 3
		entry := "{}"
		if rng.Intn(3) == 0 {
			entry = `{"pattern": "p"}`
		}
		hits = append(hits, fmt.Sprintf(`{"field": %q, "s": %d, "e": %d, "entry": %s, "k": %d}`,
			[]string{"title", "description"}[rng.Intn(2)], s, s+3*(1+rng.Intn(3)), entry, k))
	}
	return "{" + strings.Join(hits, ", ") + "}"
}

// TestLongestBuiltinOddArguments: a policy calling xiaoer.longest with
// something that is no collection gets an error; nothing panics.
func TestLongestBuiltinOddArguments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pq, err := rego.New(rego.Query("x := xiaoer.longest(input.s)"), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pq.Eval(ctx, rego.EvalInput(map[string]any{"s": "text"})); err == nil || !strings.Contains(err.Error(), "operand 1 must be") {
		t.Errorf("xiaoer.longest(\"text\"): err %v, want an operand error", err)
	}
	if _, err := rego.New(rego.Query(`x := xiaoer.longest("text")`)).PrepareForEval(ctx); err == nil {
		t.Error(`xiaoer.longest("text") compiled; want a type error`)
	}
}
