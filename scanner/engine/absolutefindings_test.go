package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// absoluteFindingsQuery is xiaoer.absolute_findings of ad-absolute's
// unregistered hits, as its findings ask it.
const absoluteFindingsQuery = "xiaoer.absolute_findings(\"ad_absolute\", " +
	"data.xiaoer.rules.ad_absolute.unregistered, data.tables.ad_absolute, " +
	"data.xiaoer.rules.ad_absolute.message_format, input.listing.lexicon, input.listing.fields, input)"

// TestAbsoluteFindingsAsRego: ad-absolute's findings, made by
// xiaoer.absolute_findings of the unregistered hits, are
// walked_findings' (see findingsAsWalked).
func TestAbsoluteFindingsAsRego(t *testing.T) {
	t.Parallel()
	findingsAsWalked(t, "data.xiaoer.rules.ad_absolute.", "true", absoluteFindingsQuery, absoluteListings())
}

// TestAbsoluteFindingsAnswers: the builtin answers, with findings, for
// the usual listings (so the test above compares its answers, not only
// the Rego's with itself), and leaves a fact's or a specification's hit
// (第一, 最大) to the Rego.
func TestAbsoluteFindingsAnswers(t *testing.T) {
	t.Parallel()
	c := checker(t)
	direct := packQuery(t, "x := "+absoluteFindingsQuery)
	engine := c.Engine.withExposures(context.Background())
	answers := map[string]int{}
	for _, l := range absoluteListings() {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		switch got := answerIn(t, engine, direct, in); {
		case got == nil:
			answers["undefined"]++
		case got.(*ast.Array).Len() > 0: // a set, as the bindings give it
			answers["findings"]++
		default:
			answers["none"]++
		}
	}
	t.Logf("answers %v", answers)
	if answers["findings"] < 6 || answers["undefined"] < 2 || answers["none"] < 1 {
		t.Errorf("answers %v: want findings from 6 listings, 2 left to the Rego, 1 without findings", answers)
	}
}

// absoluteListings are listings with ad-absolute's words: the usual 最好,
// a word beside one of its allow contexts, a partnered word, facts and
// specifications (第一, 最大功率65W), a guarantee after a figure, a
// brand that may exempt.
func absoluteListings() []*listings.Listing {
	titles := []string{
		"最好的T恤 顶级面料",
		"国家级 首选 绝对舒适",
		"至尊享受 豪华按摩椅",
		"销量第一 全网最低价",
		"最大功率65W 快充头",
		"100%正品 原装进口",
		"我们的目标是做最好的产品",
		"纯棉短袖 夏季新款",
	}
	attrs := [][]listings.Attribute{nil, {{Name: "品牌", Value: "顶级"}}}
	return crossListings("absolute", attrs, titles)
}
