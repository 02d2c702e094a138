package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// countEndsInRego is the search after a count word of ad-unsourced-claim
// as it was before xiaoer.numbers_at: the counts starting 0 to 2 tokens
// after token after, as [last token, end offset].
const countEndsInRego = `package xiaoer.was.counts

import data.xiaoer.lib.lexicon
import data.xiaoer.rules.ad_unsourced_claim as u

count_ends(name, after) := {[last, e] |
	some p in numbers.range(after, after + 2)
	digit(name, p)
	not digit(name, p - 1)
	not lexicon.boundary_between(name, after, p - 1)
	[last, e] := figure_end(name, p)
}

digit(name, i) if regex.match(` + "`^[0-9]`" + `, input.listing.fields[name].tokens[i].t)

figure_end(name, i) := e if {
	some num in u.figures
	num.field == name
	num.s == input.listing.fields[name].tokens[i].s
	u.counted(num)
	e := [lexicon.figure_last(num), num.e]
} else := e if {
	not figure_at(name, i)
	toks := input.listing.fields[name].tokens
	run := [k |
		some k in numbers.range(1, 12)
		every m in numbers.range(i, (i + k) - 1) {
			regex.match(` + "`^[0-9][0-9.]*$|^\\.$`" + `, toks[m].t)
		}
	]
	last := (i + max(run)) - 1
	not u.letter_at(name, last + 1)
	e := [last, toks[last].e]
}

figure_at(name, i) if {
	some num in u.figures
	num.field == name
	num.s == input.listing.fields[name].tokens[i].s
}
`

// countEndsNow is the same search as the rule makes it now.
const countEndsNow = `x := {[last, e] |
	some at in xiaoer.numbers_at(input.listing.fields, input.name, data.xiaoer.rules.ad_unsourced_claim.figures, input.a, input.a + 2, data.xiaoer.lib.lexicon.boundaries)
	[last, e] := data.xiaoer.rules.ad_unsourced_claim.count_end(input.name, at)
}`

// countTokens are the tokens of a field as t|t|…, each s its index
// times ten and e five more; a t of "-" is a token without t, one of "@"
// a token without s.
func countTokens(ts string) string {
	var toks []string
	for k, t := range strings.Split(ts, "|") {
		switch t {
		case "-":
			toks = append(toks, fmt.Sprintf(`{"s": %d, "e": %d}`, 10*k, 10*k+5))
		case "@":
			toks = append(toks, fmt.Sprintf(`{"t": "7", "e": %d}`, 10*k+5))
		default:
			toks = append(toks, fmt.Sprintf(`{"t": %q, "s": %d, "e": %d}`, t, 10*k, 10*k+5))
		}
	}
	return `{"tokens": [` + strings.Join(toks, ", ") + `]}`
}

// countListing: counts in digits, split (5|0|0|0) or whole, with and
// without a figure fact, counted or not (5年), before a letter (1w,
// 233xx), after a clause mark, beyond 12 tokens, in a token without s or
// t; figures of another field at the same offsets, one written by hand
// (no ti, tl: found by offset), one whose s is a float.
var countListing = `{"fields": {
	"title": ` + countTokens("已售|5|0|0|0|件|,|月销|1|w|热销|233|xx|销量|10|万件|突破|3.5|.|5|年|。|99|%|-|8|人|@|6") + `,
	"description": ` + countTokens("1|1|1|1|1|1|1|1|1|1|1|1|1|1|好评|2|0|.|5|万|售|3|.5|件") + `,
	"attributes": ` + countTokens("已售|5000|件") + `},
	"numbers": [
		{"field": "title", "s": 140, "e": 155, "value": 100000, "unit": "件", "ti": 14, "tl": 15, "tn": 16},
		{"field": "title", "s": 190, "e": 205, "value": 5, "unit": "年"},
		{"field": "title", "s": 220, "e": 235, "value": 99, "unit": "%"},
		{"field": "title", "s": 250.0, "e": 255, "value": 8, "unit": "人", "ti": 25, "tl": 25, "tn": 26},
		{"field": "description", "s": 10, "e": 15, "value": 1, "unit": "件", "ti": 1, "tl": 1, "tn": 2},
		{"field": "description", "s": 150, "e": 195, "value": 205000, "unit": "", "ti": 15, "tl": 19, "tn": -1},
		{"field": "attributes", "s": 10, "e": 25, "value": 5000, "unit": "件", "ti": 1, "tl": 2, "tn": -1}
	]}`

// TestNumbersAtBuiltinAsRego: the counts after a count word are the ones
// the Rego found, for a count word ending before every token of the
// fields, and for a field the listing lacks.
func TestNumbersAtBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, countEndsInRego, countEndsNow, "x := data.xiaoer.was.counts.count_ends(input.name, input.a)")
	now, was := pqs[0], pqs[1]
	found := 0
	for _, name := range []string{"title", "description", "attributes", "nowhere"} {
		for a := -2; a <= 30; a++ {
			input := ast.MustParseTerm(fmt.Sprintf(`{"name": %q, "a": %d, "listing": %s}`, name, a, countListing)).Value
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want {
				t.Errorf("counts of %s after token %d = %s, want %s", name, a, got, want)
			}
			if want != "set()" {
				found++
			}
		}
	}
	if found < 15 {
		t.Errorf("only %d positions have counts after them: the listing tests too little", found)
	}
}

// TestNumbersAtOperands: a call whose range ends are no integers fails,
// as numbers.range did; figures that are no array are refused.
func TestNumbersAtOperands(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, "", `x := xiaoer.numbers_at(input.listing.fields, "title", input.figures, input.a, 3, {","})`)
	for _, c := range []string{`"a": 1.5, "figures": []`, `"a": "1", "figures": []`, `"a": 1, "figures": {}`} {
		input := ast.MustParseTerm(fmt.Sprintf(`{%s, "listing": %s}`, c, countListing)).Value
		if got := answer(ctx, pqs[0], input); got != "error" {
			t.Errorf("numbers_at with %s = %s, want an error", c, got)
		}
	}
}
