package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// claimListings are listings with ad-unsourced-claim's claims: counts,
// rates (a laboratory one, which needs no period), rankings and
// endorsements, with and without a period figure in the claim's field,
// an evidence marker, a brand that may exempt, a test on people and a
// medical product.
func claimListings() []*listings.Listing {
	titles := []string{
		"销量第一 好评率99% 已售10万件 月销1w+",
		"2023年销量第一 好评率99%",
		"抑菌率99% 10万+人已买 回购率80%",
		"销量突破10万件（数据来源：京东，统计周期2023年1-6月）",
		"专家推荐 三千万女性信赖 累计售出五百万套",
		"受试者32人，使用4周后提升27% 满意度98分",
		"医生推荐 降压 磁疗手环 93%的用户反馈失眠明显改善",
		"全网销量第一 12月好评如潮4.9分",
	}
	attrs := [][]listings.Attribute{nil, {{Name: "品牌", Value: "销量第一"}}, {{Name: "生产日期", Value: "2024年"}}}
	return crossListings("claims", attrs, titles)
}

// TestUnsourcedFindingsAsRego: ad-unsourced-claim's findings, made by
// xiaoer.unsourced_findings of the unregistered hits in plain listings
// (plain_claims), are walked_findings' (see findingsAsWalked).
func TestUnsourcedFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	findingsAsWalked(t, rule, rule+"plain_claims",
		"xiaoer.unsourced_findings(\"ad_unsourced_claim\", "+rule+"unregistered, "+rule+"claim_period_fields, "+rule+"message_format, input)",
		claimListings())
}

// TestPressureFindingsAsRego: ad-pressure's findings, made by
// xiaoer.pressure_findings of the unregistered hits, are
// walked_findings' (see findingsAsWalked).
func TestPressureFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_pressure."
	findingsAsWalked(t, rule, "true",
		"xiaoer.pressure_findings(\"ad_pressure\", "+rule+"unregistered, data.tables.ad_pressure, "+rule+"messages, input)",
		pressureListings())
}

// pressureListings are listings with ad-pressure's words: timed words
// with and without a date (a figure, a date word), clicks, prices, a
// raffle's props beside a use, a brand that may exempt.
func pressureListings() []*listings.Listing {
	titles := []string{
		"限时抢购 仅此一次 随时涨价 最后一波",
		"限时特价 12月31日截止 今日特价 倒计时",
		"点击领奖 恭喜中奖 红包已到账",
		"亏本甩卖 清仓价 万人疯抢 双十一限时",
		"砸金蛋 道具 年会 抽奖 活动马上截止",
		"今天截止 20点开抢 仅剩3件",
	}
	attrs := [][]listings.Attribute{nil, {{Name: "品牌", Value: "仅此一次"}}}
	return crossListings("pressure", attrs, titles)
}

// findingsAsWalked: on the engine's documents of the listings given, the
// fixture and corpus listings and the labelled texts, the
// findings of rule (a package path ending in a dot), which its builtin
// makes where plain holds, are its walked_findings (the Rego every other
// document takes), with the engine's Exposures; without them the builtin
// (the query direct) is undefined.
func findingsAsWalked(t *testing.T, rule, plain, direct string, ls []*listings.Listing) {
	t.Helper()
	c := checker(t)
	plainQ := packQuery(t, "x := "+plain)
	unexempting := packQuery(t, "x := data.xiaoer.lib.lexicon.unexempting")
	engine := c.Engine.withExposures(context.Background())
	answered, named := 0, 0
	eachWalked(t, rule, direct, ls, func(in, want ast.Value) {
		if answerIn(t, engine, plainQ, in) != nil && want.(*ast.Array).Len() > 0 {
			answered++
			if answerIn(t, engine, unexempting, in) == nil {
				named++ // registered asked per hit (unregistered)
			}
		}
	})
	if answered < 20 || named < 5 {
		t.Errorf("%d plain listings with findings, %d of them with names: want more", answered, named)
	}
	t.Logf("%d plain listings with findings, %d of them with names", answered, named)
}

// eachWalked: on the engine's documents of the listings given, the
// fixture and corpus listings and the labelled texts, the findings of
// rule (a package path ending in a dot) are its walked_findings (the
// Rego every document the builtin does not answer takes), with the
// engine's Exposures; without them the builtin (the query direct) is
// undefined (see answersAgree). seen is given each document and its
// walked findings.
func eachWalked(t *testing.T, rule, direct string, ls []*listings.Listing, seen func(in, want ast.Value)) {
	t.Helper()
	answersAgree(t, ls, rule+"findings", rule+"walked_findings", direct, func(in ast.Value, want *ast.Array, _ bool) {
		seen(in, want)
	})
}
