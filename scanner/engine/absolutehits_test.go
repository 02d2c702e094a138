package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// absoluteCandidateListings are titles with each kind of ad-absolute's
// candidates the builtin leaves to the Rego (a prefix token 最X, a
// guarantee after a figure, a peer mark) and figures it passes (99%, a
// percentage in the attributes), beside a plain word.
func absoluteCandidateListings() []*listings.Listing {
	titles := []string{
		"最热销 连衣裙 最好的面料", "最 保暖 羽绒服", "100%正品 最好", "99%正品 最好", "百分百原装 行货",
		"顶配中的顶配 笔记本", "战斗机中的战斗机", "最好 纯棉T恤",
	}
	attrs := [][]listings.Attribute{nil, {{Name: "成分", Value: "100%棉 最好"}}}
	return crossListings("absolute", attrs, titles)
}

// TestAbsoluteHitsAsRego: on the engine's documents ad-absolute's hits,
// which xiaoer.absolute_hits makes where every candidate is a word hit,
// are the longest of its candidates less names (the else, which
// documents built by hand and the other listings take), with the
// engine's Exposures, over listings with each kind of candidate, with
// partnered words, the fixture, corpus and labelled listings; without
// Exposures the builtin is undefined.
func TestAbsoluteHitsAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	const rule = "data.xiaoer.rules.ad_absolute."
	hits := packQuery(t, "x := "+rule+"hits")
	walked := packQuery(t, "x := {c | some c in xiaoer.longest("+rule+"candidates); not c.entry.name}")
	direct := packQuery(t, "x := xiaoer.absolute_hits(input.listing.lexicon, data.tables.ad_absolute, input.listing, "+rule+"skip)")
	engine := c.Engine.withExposures(context.Background())
	ls := append(append(absoluteCandidateListings(), partnerListings()...), stemListings(t)...)
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		ls = append(ls, labelledListings(t)...) // else among stemListings
	}
	answered, left := 0, 0
	for _, l := range ls {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		got, want := answerIn(t, engine, hits, in), answerIn(t, engine, walked, in)
		if got == nil || want == nil || ast.Compare(got, want) != 0 {
			t.Fatalf("%s %s %q: hits %v, longest of candidates %v", l.Source, l.ID, l.Title, got, want)
		}
		switch {
		case answerIn(t, engine, direct, in) != nil:
			answered += want.(*ast.Array).Len()
		default:
			left += want.(*ast.Array).Len()
		}
		if by := answerIn(t, context.Background(), direct, in); by != nil {
			t.Fatalf("%s %s: xiaoer.absolute_hits without Exposures = %v; want undefined", l.Source, l.ID, by)
		}
	}
	t.Logf("%d hits made by the builtin, %d left to the Rego", answered, left)
	if answered < 100 || left < 10 {
		t.Errorf("%d hits made by the builtin, %d left to the Rego: want more of each", answered, left)
	}
}
