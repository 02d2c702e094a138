package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/xiaoer-dev/xiaoer/listings"
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

// TestAbsoluteHitsAsRego: ad-absolute's hits, which xiaoer.absolute_hits
// makes where every candidate is a word hit, are the longest of its
// candidates less names (see answersAgree), over listings with each kind of
// candidate and with partnered words besides.
func TestAbsoluteHitsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_absolute."
	answered, left := 0, 0
	answersAgree(t, append(absoluteCandidateListings(), partnerListings()...), rule+"hits",
		"{c | some c in xiaoer.longest("+rule+"candidates); not c.entry.name}",
		"xiaoer.absolute_hits(input.listing.lexicon, data.tables.ad_absolute, input.listing, "+rule+"skip)",
		func(_ ast.Value, want *ast.Array, byBuiltin bool) {
			if byBuiltin {
				answered += want.Len()
			} else {
				left += want.Len()
			}
		})
	t.Logf("%d hits made by the builtin, %d left to the Rego", answered, left)
	if answered < 100 || left < 10 {
		t.Errorf("%d hits made by the builtin, %d left to the Rego: want more of each", answered, left)
	}
}
