package policies

import (
	"strings"
	"testing"
)

// rateTokens are a description with rate words before figures: a rate
// (好评率高达99%), a score (满意度98分), a laboratory's rate (抑菌率99.9%),
// a rate past a clause mark (回购率,80%), a shorter word under a longer
// (好评|率 90%: 好评率 is nearer) and points after a word that is no
// score (推荐率5分).
var rateTokens = []string{"好评率", "高达", "99", "%", ",", "满意度", "98", "分", ",", "抑菌率", "99.9", "%", ",",
	"回购率", ",", "80", "%", ",", "好评", "率", "90", "%", "推荐率", "5", "分"}

// TestRateClaimsAsRego: the rate claims, which xiaoer.rate_claims picks,
// are the comprehension's for the engine's figures; where a figure or a
// token is of another shape, the builtin is undefined and the rule gives
// the comprehension's answer still.
func TestRateClaimsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	pqs := prepareBeside(t, "", "x := "+rule+"rate_claims",
		"x := [c | some m in "+rule+"metric_runs(\"rate\"); name := m.field; "+
			"some [first, num] in xiaoer.figures_at(input.listing.fields, name, "+rule+"figures, m.i + m.n, m.i + 5, data.xiaoer.lib.lexicon.boundaries); "+
			"num.unit in {\"%\", \"分\"}; not "+rule+"nearer_rate(m, name, first); "+rule+"rate_unit(num.unit, m.entry); "+
			"n := (data.xiaoer.lib.lexicon.figure_last(num) - m.i) + 1; "+
			"c := {\"field\": name, \"i\": m.i, \"n\": n, \"s\": m.s, \"e\": num.e, \"word\": data.xiaoer.lib.lexicon.key_at(name, m.i, n), \"entry\": "+rule+"rate_entry(m.entry)}]",
		"x := xiaoer.rate_claims("+rule+"found, input.listing.fields, "+rule+"figures, data.xiaoer.lib.lexicon.boundaries, "+rule+"figure_entry, "+rule+"lab_entry)")
	now, was, direct := pqs[0], pqs[1], pqs[2]
	fig := func(ti, tl int, unit, value string) string { return claimFigure(rateTokens, ti, tl, unit, value, "") }
	engine := []string{fig(2, 3, `"%"`, "99"), fig(6, 7, `"分"`, "98"), fig(10, 11, `"%"`, "99.9"),
		fig(15, 16, `"%"`, "80"), fig(20, 21, `"%"`, "90"), fig(23, 24, `"分"`, "5")}
	cases := []claimCase{
		{"engine figures", engine, "", true},
		{"no figures", nil, "", true},
		{"tl -1", []string{fig(2, -1, `"%"`, "99")}, "", true},
		{"no last token", []string{strings.Replace(fig(2, 3, `"%"`, "99"), `"tl": 3, `, "", 1)}, "", false},
		{"unit a number", []string{fig(2, 3, "1", "99")}, "", false},
		{"text no string", engine, "7", false},
	}
	for _, tc := range cases {
		want := agreeing(t, tc.name, claimInput(rateTokens, tc.figures, tc.last), tc.engine, now, was, direct)
		if tc.name == "engine figures" && (strings.Count(want, `"word"`) != 4 || !strings.Contains(want, `"needs": ["source"]`)) {
			t.Errorf("%s: want four claims (好评率高达99%%, 满意度98分, 抑菌率99.9%% of a lab, 好评率90%%), got %s", tc.name, want)
		}
	}
}
