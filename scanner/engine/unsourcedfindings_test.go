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

// TestUnsourcedFindingsAsRego: on the engine's documents of realistic
// listings ad-unsourced-claim's findings, made by xiaoer.unsourced_findings
// in plain listings, are walked_findings' (the Rego every other document
// takes), with the engine's Exposures and without them, where the builtin
// is undefined.
func TestUnsourcedFindingsAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	findings := packQuery(t, "x := "+rule+"findings")
	walked := packQuery(t, "x := "+rule+"walked_findings")
	plain := packQuery(t, "x := "+rule+"plain_claims")
	direct := packQuery(t, "x := xiaoer.unsourced_findings("+rule+"meta, "+rule+"hits, "+rule+"claim_period_fields, "+rule+"message_format, input)")
	engine := c.Engine.withExposures(context.Background())
	answered := 0
	for _, l := range append(append(claimListings(), labelledListings(t)...), stemListings(t)...) {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		got, want := answerIn(t, engine, findings, in), answerIn(t, engine, walked, in)
		if got == nil || want == nil || ast.Compare(got, want) != 0 {
			t.Fatalf("%s %s %q: findings %v, walked %v", l.Source, l.ID, l.Title, got, want)
		}
		if answerIn(t, engine, plain, in) != nil && want.(*ast.Array).Len() > 0 {
			answered++
		}
		if by := answerIn(t, context.Background(), direct, in); by != nil {
			t.Fatalf("%s %s: xiaoer.unsourced_findings without Exposures = %v; want undefined", l.Source, l.ID, by)
		}
	}
	if answered < 20 {
		t.Errorf("%d plain listings with findings: want more", answered)
	}
	t.Logf("%d plain listings with findings", answered)
}
