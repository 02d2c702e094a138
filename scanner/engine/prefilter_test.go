package engine

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// The prefilter answers "unjudged" exactly where the gate would skip every
// rule of the built document: a title with no word, fact or masked brand
// any rule needs, also when its text holds a word's characters that the
// tokenizer cuts apart or a promise word with no promise around it; not
// for a listing with a rule's word, a fibre claim, a promise a rule asks
// for or a masked brand; never for one with attributes (always built).
func TestUnjudgedAgreesWithTheGate(t *testing.T) {
	t.Parallel()
	j := checker(t)
	unjudged := 0
	for _, l := range []*listings.Listing{
		{Title: "儿童积木玩具 益智拼装"},
		{Title: "飞利浦理发器配件刀座"},
		{Title: "苹果数据线 快充 typec"},
		{Title: "全国包邮 苹果数据线"},
		{Title: "2024新款 最好用的 数据线"},
		{Title: "纯棉短袖T恤男"},
		{Title: "假一赔十 数据线"},
		{Title: "香*儿同款链条包"},
		{Title: "销·量·第·一 数据线"},
		{Title: "秋季长袖T恤", Attributes: []listings.Attribute{{Name: "材质成分", Value: "棉95% 氨纶5%"}}},
		{Title: "儿童积木玩具", Description: "不支持七天无理由退货。"},
	} {
		l.ID, l.Source = "1", "t.txt"
		_, none := j.Engine.Skipped(j.Builder.Build(l))
		want := none && len(l.Attributes) == 0 // attributes: always built
		got := j.Engine.Unjudged(l, j.Builder.Tokenizer)
		if got {
			unjudged++
		}
		if got != want {
			t.Errorf("%s %q: Unjudged %v, want %v (the gate skips every rule: %v)", l.Title, l.Description, got, want, none)
		}
	}
	if unjudged < 3 || unjudged > 6 {
		t.Errorf("%d of 11 listings unjudged, want the plain ones and the near misses only", unjudged)
	}
}
