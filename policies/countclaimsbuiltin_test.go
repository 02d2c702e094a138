package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// claimTokens are a description with count words before counts: a
// figure (10万件), a run of digits (5|0|0|0), a model (卖出233xx), a count
// past a clause mark (已售,8件), a figure that does not count (2年) and one of
// people (1万人).
var claimTokens = []string{"销量", "突破", "10", "万", "件", ",", "月销", "5", "0", "0", "0", ",",
	"卖出", "233", "xx", ",", "已售", ",", "8", "件", "销售", "保", "2", "年", "已有", "1", "万", "人"}

// countInput is a listing with claimTokens in its description (the last
// token's text replaced by last, when given) and the figures given.
func countInput(figures []string, last string) ast.Value {
	toks := make([]string, len(claimTokens))
	s := 0
	for k, t := range claimTokens {
		text := fmt.Sprintf("%q", t)
		if k == len(claimTokens)-1 && last != "" {
			text = last
		}
		toks[k] = fmt.Sprintf(`{"t": %s, "s": %d, "e": %d}`, text, s, s+len(t))
		s += len(t)
	}
	return ast.MustParseTerm(`{"kind": "listing", "listing": {
		"fields": {"description": {"tokens": [` + strings.Join(toks, ", ") + `]}},
		"numbers": [` + strings.Join(figures, ", ") + `]}}`).Value
}

// countFigure is a figure of the description over tokens ti..tl.
func countFigure(ti, tl int, unit, value, extra string) string {
	s := 0
	for _, t := range claimTokens[:ti] {
		s += len(t)
	}
	return fmt.Sprintf(`{"field": "description", "s": %d, "e": %d, "unit": %s, "value": %s, "ti": %d, "tl": %d, "tn": -1%s}`,
		s, s+9, unit, value, ti, tl, extra)
}

// TestCountClaimsAsRego: the count claims, which xiaoer.count_claims
// picks, are the comprehension's for the engine's figures (counted or
// not, a digit run, a model, a clause mark); and where a figure or a
// token is of another shape (no last token, tl -1, a unit or a value of
// another type, a token text that is no string), the builtin is
// undefined and the rule gives the comprehension's answer still.
func TestCountClaimsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	pqs := prepareBeside(t, "", "x := "+rule+"count_claims",
		"x := [c | some g in "+rule+"found; g.entry.metric == \"count\"; name := g.field; i := g.i; after := i + g.n; "+
			"some at in xiaoer.numbers_at(input.listing.fields, name, "+rule+"figures, after, after + 2, data.xiaoer.lib.lexicon.boundaries); "+
			"[last, e] := "+rule+"count_end(name, at); c := "+rule+"figure_hit(name, i, (last - i) + 1, g.s, e)]",
		"x := xiaoer.count_claims("+rule+"found, input.listing.fields, "+rule+"figures, data.xiaoer.lib.lexicon.boundaries, data.tables.ad_unsourced_claim.count_units, "+rule+"figure_entry)")
	now, was, direct := pqs[0], pqs[1], pqs[2]
	engine := []string{
		countFigure(2, 4, `"件"`, "100000", ""), countFigure(22, 23, `"年"`, "2", ""),
		countFigure(25, 27, `"人"`, "10000", ""), countFigure(18, 19, `"件"`, "8", ""),
	}
	cases := []struct {
		name    string
		figures []string
		last    string
		engine  bool
	}{
		{"engine figures", engine, "", true},
		{"no figures", nil, "", true},
		{"plus without unit", []string{countFigure(2, 3, `""`, "10", `, "plus": true`)}, "", true},
		{"no last token", []string{strings.Replace(countFigure(2, 4, `"件"`, "100000", ""), `"tl": 4, `, "", 1)}, "", false},
		{"tl -1", []string{countFigure(2, 4, `"件"`, "100000", ""), countFigure(25, -1, `"人"`, "10000", "")}, "", true},
		{"unit a number", []string{countFigure(2, 4, "1", "100000", "")}, "", false},
		{"value a string", []string{countFigure(2, 4, `"件"`, `"many"`, "")}, "", false},
		{"text no string", engine, "7", false},
	}
	for _, tc := range cases {
		input := countInput(tc.figures, tc.last)
		got, want, by := answer(ctx, now, input), answer(ctx, was, input), answer(ctx, direct, input)
		if got != want {
			t.Errorf("%s: count_claims\n got %s\nwant %s", tc.name, got, want)
		}
		// a text that is no string fails the lexicon's matches already
		if tc.engine && by != want || !tc.engine && by != "undefined" && by != want {
			t.Errorf("%s: xiaoer.count_claims = %s; want %s", tc.name, by, want)
		}
		if tc.name == "engine figures" && strings.Count(want, `"word"`) != 4 {
			t.Errorf("%s: want four claims (销量突破10万件, 突破10万件, 月销5000, 已有1万人), got %s", tc.name, want)
		}
	}
}
