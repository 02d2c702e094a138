package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// TestPlainUnsourcedFindingsAsRego: where xiaoer.plain_unsourced_findings
// answers in a listing without names (lexicon.unexempting: ad-unsourced-
// claim's findings ask it there first), plain_claims holds and it gives
// walked_findings (the Rego every document built by hand takes), claims
// beside a period figure in their field (2023年销量第一) too; it leaves
// the listings where ad-medical-claim is not skipped to the bodies after
// it (so, every document of the engine with no skip list, which the test
// of unsourced_findings takes).
func TestPlainUnsourcedFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	c := checker(t)
	direct := packQuery(t, "data.xiaoer.lib.lexicon.unexempting; x := xiaoer.plain_unsourced_findings(\"ad_unsourced_claim\", data.tables.ad_unsourced_claim, data.tables.ad_absolute.contexts, data.tables.ad_education_guarantee, "+rule+"figure_entry, "+rule+"skip, "+rule+"message_format, input)")
	walked := packQuery(t, "x := "+rule+"walked_findings")
	plain := packQuery(t, "x := "+rule+"plain_claims")
	periodField := packQuery(t, `x := [h | some h in `+rule+`hits; `+rule+`claim_period_fields[h.field]]`)
	engine := c.Engine.withExposures(context.Background())
	ls := append(append(claimListings(), stemListings(t)...), periodListings()...)
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		ls = append(ls, labelledListings(t)...)
	}
	answered, periods := 0, map[bool]int{}
	for _, l := range ls {
		in, err := c.Engine.Input(c.Builder.Build(l)) // skip as the gate has it
		if err != nil {
			t.Fatal(err)
		}
		got := answerIn(t, engine, direct, in)
		if got == nil {
			continue
		}
		want := answerIn(t, engine, walked, in)
		if answerIn(t, engine, plain, in) == nil || want == nil || ast.Compare(got, want) != 0 {
			t.Fatalf("%s %s %q: plain_unsourced_findings %v, walked %v", l.Source, l.ID, l.Title, got, want)
		}
		if want.(*ast.Array).Len() > 0 {
			answered++
			if nonEmpty(answerIn(t, engine, periodField, in)) {
				periods[periodStatedIn(want.(*ast.Array))]++
			}
		}
		if by := answerIn(t, context.Background(), direct, in); by != nil {
			t.Fatalf("%s %s: answered without Exposures: %v", l.Source, l.ID, by)
		}
	}
	if answered < 20 || periods[true] < 2 || periods[false] < 2 {
		t.Errorf("%d listings with findings answered, beside a period figure %v (stated or not): want more", answered, periods)
	}
	t.Logf("%d listings with findings answered, %v beside a period figure (stated or not)", answered, periods)
}

// periodListings have claims beside a period figure in their field: in
// the claim's sentence or in another, before or after it, a year and a
// month, a year out of range, a claim that needs no period; with a claim
// in the attributes too.
func periodListings() []*listings.Listing {
	titles := []string{
		"2023年销量第一 面膜",
		"2024年新款。销量突破10万件",
		"销量突破10万件，好评率99%。2023年款 3月上市",
		"1800年 销量第一 12月发货",
		"2023年 抑菌率99% 全网销量第一",
	}
	// a claim in the attributes, which the rule skips
	attrs := [][]listings.Attribute{nil, {{Name: "卖点", Value: "销量第一"}}}
	return crossListings("periods", attrs, titles)
}

// periodStatedIn: some finding of fs lacks its source only (its claim's
// sentence stated a period).
func periodStatedIn(fs *ast.Array) bool {
	stated := false
	fs.Foreach(func(f *ast.Term) {
		missing, _ := f.Value.(ast.Object).Find(ast.Ref{ast.StringTerm("details"), ast.StringTerm("missing")})
		if a, ok := missing.(*ast.Array); ok && a.Len() == 1 {
			stated = true
		}
	})
	return stated
}

// nonEmpty: v is an array with members.
func nonEmpty(v ast.Value) bool {
	a, ok := v.(*ast.Array)
	return ok && a.Len() > 0
}
