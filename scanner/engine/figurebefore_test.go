package engine

import "testing"

// A metric word of ad-unsourced-claim (已售, 好评率, 收藏: before_figure 5
// for entries of kind metric) sends the rule the listing only where a
// figure or a digit token starts on one of the five tokens after it: 畅销书籍
// and 收藏级 are skipped. Each kind of candidate the rule builds from a
// metric is still judged and found: a count from a digit token that is no
// figure (月销5000), a count figure (已售5000件), a count in words
// (年销百万条), a big figure right after (收藏10万+), a rate or a score five
// tokens on (好评率|一直|是|高|达|99%), and a ranking, which needs no
// figure (销量第一). A digit model code is judged and found to be none.
func TestGateCountsAMetricBeforeAFigureOnlyThere(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"畅销书籍 儿童绘本", "", "ad_unsourced_claim", "", false},
		{"收藏级 紫砂壶", "", "ad_unsourced_claim", "", false},
		{"好评率一直都是高达99%", "", "ad_unsourced_claim", "", false},
		{"月销5000 爆款卫衣", "", "ad_unsourced_claim", "月销5000", true},
		{"2024新款卫衣 月销5000", "", "ad_unsourced_claim", "月销5000", true},
		{"已售5000件 纯棉T恤", "", "ad_unsourced_claim", "已售5000件", true},
		{"年销百万条 毛巾", "", "ad_unsourced_claim", "年销百万条", true},
		{"收藏10万+ 连衣裙", "", "ad_unsourced_claim", "收藏10万+", true},
		{"好评率一直是高达99%", "", "ad_unsourced_claim", "好评率一直是高达99%", true},
		{"满意度98分 空调", "", "ad_unsourced_claim", "满意度98分", true},
		{"好评如潮4.9分", "", "ad_unsourced_claim", "好评如潮4.9分", true},
		{"销量第一 数据线", "", "ad_unsourced_claim", "销量第一", true},
		{"热销233xx 手表", "", "ad_unsourced_claim", "", true},
		{"棉鞋", "本店宝贝已售5000件", "ad_unsourced_claim", "已售5000件", true},
	})
}

// A guarantee word of ad-absolute counts only right after a percentage
// (after_figure 1: 100%正品, 百分百正品, 200%正品): a shop's 正品 in its
// description beside a fibre percentage is skipped, and a word a space
// after the figure is judged (the gate does not know the rule drops it);
// one after a percentage below 100 (99%正品) is skipped.
func TestGateCountsAGuaranteeRightAfterAPercentage(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"纯棉T恤 含棉100%", "本店所有商品均为正品", "ad_absolute", "", false},
		{"正品保证 100%好评", "", "ad_absolute", "", false},
		{"数据线 100%原装", "", "ad_absolute", "100%原装", true},
		{"百分百正品 耳机", "", "ad_absolute", "百分百正品", true},
		{"棉100%正品 T恤", "", "ad_absolute", "100%正品", true},
		{"200%正品保证", "", "ad_absolute", "200%正品", true},
		{"面膜 100% 正品", "", "ad_absolute", "", true},
		{"营养强化剂99%正品", "", "ad_absolute", "", false},
		{"面霜 含量5% 1000ml正品", "", "ad_absolute", "", false},
	})
}
