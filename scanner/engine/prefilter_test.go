package engine

import (
	"strings"
	"testing"
	"unicode"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// The prefilter leaves a listing unbuilt only where the gate would skip
// every rule of the built document, and it does leave plain titles
// unbuilt: those with no word any rule needs, also when their text holds
// a rule's character inside a longer word (清 in 清仓, 保 in 保温杯, which
// the tokens settle), a promise word without a promise, or a pattern head
// none of whose patterns can complete (包 in 全国包邮: no course result, no
// score after it). A rule's word, a pattern that can complete, a
// fibre, a promise a rule asks for, a masked brand or attributes send the
// listing on to be built and judged.
func TestUnjudgedOnlyWhereTheGateSkipsEverything(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for _, c := range []struct {
		l    listings.Listing
		want bool
	}{
		{listings.Listing{Title: "儿童积木玩具 益智拼装"}, true},
		{listings.Listing{Title: "苹果数据线 typec 1米"}, true},
		{listings.Listing{Title: "清仓特价 儿童积木"}, true},
		{listings.Listing{Title: "保温杯 不锈钢 大容量"}, true},
		{listings.Listing{Title: "飞利浦理发器配件刀座"}, true}, // 发 is a promise word, but no promise
		{listings.Listing{Title: "全国包邮 苹果数据线"}, true},
		{listings.Listing{Title: "钢琴网课 保证过级"}, false},
		{listings.Listing{Title: "雅思网课 保7分 包邮"}, false},
		{listings.Listing{Title: "2024新款 最好用的 数据线"}, false},
		{listings.Listing{Title: "纯棉短袖T恤男"}, false},
		{listings.Listing{Title: "假一赔十 数据线"}, false},
		{listings.Listing{Title: "香*儿同款链条包"}, false},
		{listings.Listing{Title: "销·量·第·一 数据线"}, false},
		{listings.Listing{Title: "儿童积木玩具", Description: "不支持七天无理由退货。"}, false},
		{listings.Listing{Title: "秋季长袖T恤", Attributes: []listings.Attribute{{Name: "材质成分", Value: "棉95% 氨纶5%"}}}, false},
	} {
		l := c.l
		l.ID, l.Source = "1", "t.txt"
		cuts := 0
		got := j.Engine.Unjudged(&l, func() map[string]facts.Field {
			cuts++
			return j.Builder.Fields(&l)
		})
		_, none := j.Engine.Skipped(j.Builder.Build(&l))
		if got != c.want || got && !none || cuts > 1 {
			t.Errorf("%s %q: unjudged %v (fields cut %d times), want %v; the gate skips every rule: %v",
				l.Title, l.Description, got, cuts, c.want, none)
		}
	}
}

// The text stage counts pattern heads, words with a partner context and
// words after figures as the gate counts them on tokens, the text standing
// for the tokens: a head whose later parts are nowhere in the text (治
// without a disease), a word whose partner is nowhere in it (专用 without a
// state organ) and a crowd word before any figure (宝宝 with no digit or
// numeral before it) cut no tokens; nor does a word or head that needs a
// figure with some unit where no such unit is written after a figure (保
// and 包 want a score: 分, 级, 名 ... after 7, 六 or 百分之; 原装 as a
// guarantee wants a percentage: 100%, 百分百), nor a metric word after
// which no digit or numeral is written (畅销书籍, 2024新款 收藏级), nor a
// crowd word where no figure could count the crowd (4根, 10岁, 1.5米, a
// year). Where the text holds them the tokens decide.
func TestPrefilterReadsPatternsAndPartnersFromTheText(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for _, c := range []struct {
		title     string
		unjudged  bool
		tokenized bool
	}{
		{"艾灸贴 治 颈椎", true, false},
		{"美缝剂 瓷砖专用 地砖填缝剂", true, false},
		{"卫衣 男 同款 情侣装", true, false},
		{"国家 专用 茶叶", false, true},
		{"宝宝围兜 纯色 3条装", true, false},
		{"打底裤 3亿人都在穿", false, true},
		{"宝宝辅食 鱼肠 4根入", true, false},    // 4根 counts no crowd
		{"儿童棉鞋 10岁宝宝 潮鞋", true, false},  // nor does an age
		{"学生被罩 1.5米 单人被套", true, false}, // nor a size
		{"2024新款 学生书包", true, false},    // a year is no figure
		{"10万+宝宝的选择 婴儿湿巾", false, true},
		{"钢琴网课 保证过级", false, true},
		{"全国包邮 加厚保暖内衣", true, false},
		{"保暖内衣 分体 2件套", true, false},
		{"雅思网课 保7分", false, true},
		{"包邮 3件 保暖 五分裤", true, false}, // 3件 is no score, 五 alone no figure
		{"原装 数据线 1米", true, false},
		{"数据线 100%原装", false, true},
		{"数据线 百分百原装", false, true},
		{"畅销书籍 儿童绘本", true, false},
		{"2024新款 收藏级 紫砂壶", true, false},
		{"2024新款卫衣 月销5000", false, true},
		{"2024新款卫衣 月销百万条", false, true},
	} {
		l := listings.Listing{ID: "1", Source: "t.txt", Title: c.title}
		cuts := 0
		got := j.Engine.Unjudged(&l, func() map[string]facts.Field {
			cuts++
			return j.Builder.Fields(&l)
		})
		if got != c.unjudged || (cuts > 0) != c.tokenized {
			t.Errorf("%q: unjudged %v, tokens cut %d times; want %v, tokenized %v", c.title, got, cuts, c.unjudged, c.tokenized)
		}
	}
}

// mapWithoutSpace is strings.Map dropping NUL and whitespace, invalid
// bytes and all, over the fixtures and corpus titles cut with and without
// spaces.
func TestMapWithoutSpaceIsMapping(t *testing.T) {
	t.Parallel()
	byMap := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == 0 || unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	texts := []string{"", " ", "a b", "纯棉 T恤\u3000男\x00款", "\xff a\xe4\xb8", "\xe4 \xb8\xad", "x\u00a0\u0085y\u2029"}
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, ft.Text, facts.Normalize(ft.Text))
		}
	}
	for _, text := range texts {
		if got, want := mapWithoutSpace(text), byMap(text); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}

// withoutSpace's look at the bytes lets no whitespace through: every
// whitespace character and NUL, alone or amid Chinese, is taken out as
// mapping each character would, and a text without any is itself.
func TestWithoutSpaceFindsEveryWhitespace(t *testing.T) {
	t.Parallel()
	spaces := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r != 0 && !unicode.IsSpace(r) {
			continue
		}
		spaces++
		for _, text := range []string{string(r), "纯棉" + string(r) + "T恤", "a" + string(r)} {
			if got, want := withoutSpace(text), mapWithoutSpace(text); got != want {
				t.Errorf("%U in %q: %q, want %q", r, text, got, want)
			}
		}
	}
	if spaces < 20 {
		t.Errorf("%d whitespace characters: want every one", spaces)
	}
	for _, text := range []string{"纯棉短袖T恤男", "【包邮】★新款", "、。「」", ""} {
		if got := withoutSpace(text); got != text {
			t.Errorf("%q: %q, want it unchanged", text, got)
		}
	}
}
