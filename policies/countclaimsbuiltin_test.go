package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// claimTokens are a description with count words before counts: a
// figure (10万件), a run of digits (5|0|0|0), a model (卖出233xx), a count
// past a clause mark (已售,8件), a figure that does not count (2年) and one of
// people (1万人).
var claimTokens = []string{"销量", "突破", "10", "万", "件", ",", "月销", "5", "0", "0", "0", ",",
	"卖出", "233", "xx", ",", "已售", ",", "8", "件", "销售", "保", "2", "年", "已有", "1", "万", "人"}

// claimInput is a listing with tokens in its description (the last
// token's text replaced by last, when given) and the figures given.
func claimInput(tokens, figures []string, last string) ast.Value {
	toks := make([]string, len(tokens))
	s := 0
	for k, t := range tokens {
		text := fmt.Sprintf("%q", t)
		if k == len(tokens)-1 && last != "" {
			text = last
		}
		toks[k] = fmt.Sprintf(`{"t": %s, "s": %d, "e": %d}`, text, s, s+len(t))
		s += len(t)
	}
	return ast.MustParseTerm(`{"kind": "listing", "listing": {
		"fields": {"description": {"tokens": [` + strings.Join(toks, ", ") + `]}},
		"numbers": [` + strings.Join(figures, ", ") + `]}}`).Value
}

// claimFigure is a figure of the description over tokens ti..tl.
func claimFigure(tokens []string, ti, tl int, unit, value, extra string) string {
	s := 0
	for _, t := range tokens[:ti] {
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
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	pqs := prepareBeside(t, "", "x := "+rule+"count_claims",
		"x := [c | some g in "+rule+"found; g.entry.metric == \"count\"; name := g.field; i := g.i; after := i + g.n; "+
			"some at in xiaoer.numbers_at(input.listing.fields, name, "+rule+"figures, after, after + 2, data.xiaoer.lib.lexicon.boundaries); "+
			"[last, e] := "+rule+"count_end(name, at); c := "+rule+"figure_hit(name, i, (last - i) + 1, g.s, e)]",
		"x := xiaoer.count_claims("+rule+"found, input.listing.fields, "+rule+"figures, data.xiaoer.lib.lexicon.boundaries, data.tables.ad_unsourced_claim.count_units, "+rule+"figure_entry)")
	now, was, direct := pqs[0], pqs[1], pqs[2]
	engine := []string{
		claimFigure(claimTokens, 2, 4, `"件"`, "100000", ""), claimFigure(claimTokens, 22, 23, `"年"`, "2", ""),
		claimFigure(claimTokens, 25, 27, `"人"`, "10000", ""), claimFigure(claimTokens, 18, 19, `"件"`, "8", ""),
	}
	cases := []claimCase{
		{"engine figures", engine, "", true},
		{"no figures", nil, "", true},
		{"plus without unit", []string{claimFigure(claimTokens, 2, 3, `""`, "10", `, "plus": true`)}, "", true},
		{"no last token", []string{strings.Replace(claimFigure(claimTokens, 2, 4, `"件"`, "100000", ""), `"tl": 4, `, "", 1)}, "", false},
		{"tl -1", []string{claimFigure(claimTokens, 2, 4, `"件"`, "100000", ""), claimFigure(claimTokens, 25, -1, `"人"`, "10000", "")}, "", true},
		{"unit a number", []string{claimFigure(claimTokens, 2, 4, "1", "100000", "")}, "", false},
		{"value a string", []string{claimFigure(claimTokens, 2, 4, `"件"`, `"many"`, "")}, "", false},
		{"text no string", engine, "7", false},
	}
	for _, tc := range cases {
		want := agreeing(t, tc.name, claimInput(claimTokens, tc.figures, tc.last), tc.engine, now, was, direct)
		if tc.name == "engine figures" && strings.Count(want, `"word"`) != 4 {
			t.Errorf("%s: want four claims (销量突破10万件, 突破10万件, 月销5000, 已有1万人), got %s", tc.name, want)
		}
	}
}

// claimCase is a listing for the claims' tests: its figures, the text of
// its last token (when given), and whether the builtin answers for it.
type claimCase struct {
	name    string
	figures []string
	last    string
	engine  bool
}

// agreeing checks that the rule's answer now is the comprehension's (was)
// for input, and that the builtin (direct) gives it where engine says so
// and is undefined elsewhere; it returns the comprehension's answer.
func agreeing(t *testing.T, name string, input ast.Value, engine bool, now, was, direct rego.PreparedEvalQuery) string {
	t.Helper()
	ctx := context.Background()
	got, want, by := answer(ctx, now, input), answer(ctx, was, input), answer(ctx, direct, input)
	if got != want {
		t.Errorf("%s: the rule\n got %s\nwant %s", name, got, want)
	}
	// a text that is no string fails the lexicon's matches already
	if engine && by != want || !engine && by != "undefined" && by != want {
		t.Errorf("%s: the builtin gives %s; want %s", name, by, want)
	}
	return want
}
