package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// hitListings are listings that reach each of ad-unsourced-claim's
// candidate bodies: crowds after a figure in 万, counts before a figure
// or one in words, words after a figure (a price share too), patterns,
// an aspiration, a course's endorsement, another family's metric, the
// English "of" and a comparison with a model code of its own.
func hitListings() []*listings.Listing {
	titles := []string{
		"30万猫主人的选择 10万人戴了都说转运 3亿人",
		"好评10万+ 收藏10万+ 好评5个 年销百万条 卖出了二十万台",
		"10万+人已买 99%的买家选择 96%猫咪爱用 15斤以内猫咪",
		"三千万女性信赖 八成妈妈推荐 每10个人有8个选择",
		"致力于销量第一 力争全网第一 全国第一",
		"北大教授推荐 少儿编程课",
		"收益上涨300% 销量10万件 成绩提升50%",
		"99% of users love it, sales over 100000",
		"比X10提升20% 比上一代提升20% 满意度调查显示九十九点五分",
		"抑菌率99% 返单率80% 好评如潮4.9分 月销1w+ 已售5000件",
	}
	// figures of the attributes make no hit (30万人 there would be a crowd)
	attrs := [][]listings.Attribute{nil, {{Name: "品牌", Value: "好评率99%"}}, {{Name: "人群", Value: "30万人"}}}
	return crossListings("hits", attrs, titles)
}

// TestUnsourcedHitsAsRego: on the engine's documents (skip as the gate
// has it) of the claim and hit listings, the fixture and corpus listings
// and the labelled texts, xiaoer.unsourced_hits, where it answers, gives
// the hits of ad-unsourced-claim's candidate bodies (the Rego every
// document built by hand takes); it leaves some listings to them (a
// doctor's recommendation, the English "of") and answers none without
// the engine's lists.
func TestUnsourcedHitsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	c := checker(t)
	call := "xiaoer.unsourced_hits(data.tables.ad_unsourced_claim, " +
		"data.tables.ad_absolute.contexts, data.tables.ad_education_guarantee, " + rule + "figure_entry, " +
		rule + "skip, "
	direct := packQuery(t, "x := "+call+"input)")
	handBuilt := packQuery(t, `x := `+call+`object.remove(input, ["listing"]))`)
	walked := packQuery(t, "x := data.xiaoer.lib.lexicon.longest("+rule+"candidates | "+rule+"pattern_candidates)")
	ctx := c.Engine.withExposures(context.Background())
	ls := append(append(claimListings(), hitListings()...), stemListings(t)...)
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		ls = append(ls, labelledListings(t)...)
	}
	answered, left := 0, 0
	for _, l := range ls {
		in, err := c.Engine.Input(c.Builder.Build(l))
		if err != nil {
			t.Fatal(err)
		}
		want := answerIn(t, ctx, walked, in)
		got := answerIn(t, ctx, direct, in)
		if got == nil {
			if want != nil && members(want) > 0 {
				left++
			}
			continue
		}
		if want == nil || ast.Compare(got, want) != 0 {
			t.Fatalf("%s %s %q: unsourced_hits %v, bodies %v", l.Source, l.ID, l.Title, got, want)
		}
		if members(got) > 0 {
			answered++
		}
		if by := answerIn(t, ctx, handBuilt, in); by != nil {
			t.Fatalf("%s %s: answered without the listing: %v", l.Source, l.ID, by)
		}
	}
	if answered < 50 || left < 2 {
		t.Errorf("%d listings with hits answered, %d left to the bodies: want more", answered, left)
	}
	t.Logf("%d listings with hits answered, %d left to the bodies", answered, left)
}

// members is the length of an array or set (0 otherwise).
func members(v ast.Value) int {
	if c, ok := v.(interface{ Len() int }); ok {
		return c.Len()
	}
	return 0
}
