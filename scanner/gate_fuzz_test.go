package scanner

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// gateCheckers are a checker with the gate and prefilter and one that
// evaluates every rule on every listing, built once per test binary.
var gateCheckers = sync.OnceValues(func() ([2]*Checker, error) {
	var out [2]*Checker
	for i, all := range []bool{false, true} {
		fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
		c, err := NewChecker(context.Background(), engine.Options{EvaluateAll: all}, func() time.Time { return fixed })
		if err != nil {
			return out, err
		}
		out[i] = c
	}
	return out, nil
})

// FuzzGateChangesNoFinding holds the gate to its promise on text nobody
// wrote for it: whatever the title and description, the checker that
// skips rules (and whole listings, from the text alone) reports what the
// checker that evaluates every rule reports. The seeds hold what the gate
// narrows: partner words, words after figures, units and percentages
// after figures, pattern heads, dodged and masked spellings.
//
//	go test ./scanner -run '^$' -fuzz FuzzGateChangesNoFinding -fuzztime 2m
func FuzzGateChangesNoFinding(f *testing.F) {
	for _, seed := range [][2]string{
		{"国务院专用 茶叶礼盒", ""},
		{"会议专用 茶叶", "国务院机关事务管理局采购"},
		{"巴黎世家同款 卫衣", "正品 同款 平替"},
		{"打底裤 3亿人都在穿 加绒", ""},
		{"错题本 98%的学生都在用", "10万+宝宝的选择"},
		{"钢琴网课 保证过级", "一个月提高30分"},
		{"艾灸贴 治颈椎病 消-炎", "医生推荐"},
		{"销·量·第·一 数据线", "全网最低价 仅此壹次"},
		{"香*儿同款链条包 新款", "P拉达 原单"},
		{"文昌笔 摆件", "逢考必过 开光"},
		{"雅思网课 保7分 包邮", "六级保过 百分之百通过"},
		{"数据线 100%原装", "百分百正品 假一赔十"},
		// Promise words read against the kinds a rule needs: words of
		// kinds no rule needs (包邮, 现货), 正品 alone and the
		// guarantees of genuine goods, buyer-paid postage with and
		// without 不包邮, refusals beside offers.
		{"正品女装 连衣裙 现货 包邮", "满99包邮 顺丰包邮"},
		{"官方正品 蓝牙耳机 正品保障", "专柜正品 假1赔3倍"},
		{"运动鞋 非正品 不包邮", "运费到付 偏远地区除外"},
		{"儿童玩具 7天无理由退换", "签收后不退不换 非质量问题不退换"},
		{"办公椅 可开专票", "开票另加6个点 发票：不提供 不含税"},
		{"羽绒服 现货秒发 48小时内发货", "预售15天 付款后3天内发货"},
		// Runs of tokens that extend stems into longer lexicon keys.
		{"国家级产品 全网销量第一 最高级别", "史上最低价 独一无二 顶级工艺"},
		{"中国驰名商标 老字号 百年传承", "国家免检产品 政府指定"},
		// Fibre and down hint runes: traditional, full-width, upper-case
		// and Latin glued to Chinese.
		{"羽絨服女 白鴨絨90% 充絨量200g", "填充物：白鹅绒 含绒量95%"},
		{"真絲襯衫 桑蠶絲 ＣＯＴＴＯＮ１００％", "面料：棉95% 氨纶5%"},
		{"cotton100%纯棉tshirt downjacket白鸭绒", "WOOL羊毛混纺 cashmere羊绒"},
		{"手慢wu 纯棉四件套 仅剩3件", "全棉 100%棉 先到先得"},
		// Metric words before figures, digits, model codes and words
		// (before_figure), and guarantees right after a percentage.
		{"热销233xx 手表 已售5000件", "好评率一直是高达99% 收藏10万+"},
		{"畅销书籍 收藏级 月销5000", "年销百万条 满意度98分 好评如潮4.9分"},
		{"2024新款 收藏 1990年代 好评5个", "销售保2年 热销 x10"},
		{"百分百正品 100%正品 棉100% 正品", "本店所有商品均为正品 含棉100%"},
		{"婴儿奶瓶 0-1岁宝宝 13英寸学生", "30万车主 10万+已买 240ml宝宝专用 99% of users"},
		// Terms claimed only on some kinds of product (product_kinds),
		// with and without a kind word; crowds after figures below and
		// at ten thousand (figure_min); words and prefixes their own
		// allow contexts exempt, with the context beside them, apart
		// from them and in another clause (allowed, prefix_hits).
		{"内增高女鞋 特效 安全无毒积木", "儿童增高 保健食品 钙片 胶囊"},
		{"2-6人帐篷 户外 3人份", "汽车脚垫 1万车主"},
		{"酷冷至尊机箱 万能车充 减肥秤", "至尊 享受 万能，车充 减肥 体重秤"},
		{"生产日期最新 最后19包 最新款", "最佳书法入门 诚信第一 最 保暖"},
		// Pattern heads and their later parts in one field or in two.
		{"强光手电筒 亮度增强 三千万 治", "实测亮度增强50% 适合女性 面料：棉100% 颈椎病"},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, title, description string) {
		cs, err := gateCheckers()
		if err != nil {
			t.Fatal(err)
		}
		l := &listings.Listing{ID: "1", Source: "fuzz.txt", Title: title, Description: description}
		gated, all := judge(t, cs[0], l), judge(t, cs[1], l)
		if gated != all {
			t.Errorf("title %q, description %q:\n gated: %s\n   all: %s", title, description, gated, all)
		}
	})
}
