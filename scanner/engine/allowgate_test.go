package engine

import (
	"slices"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// ad-absolute and ad-medical-claim declare their words allowed: a word
// whose own allow context holds at it (酷冷至尊, 至尊卡, 万能车充, 减肥秤,
// 猫瘟试纸) gives them nothing to judge, so they are skipped. The same
// word without its context, with it across a clause mark or out of its
// window, with its unless beside it, or a second time elsewhere, is
// evaluated and found.
func TestGateCountsNoWordItsAllowContextExempts(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for _, c := range []struct {
		title, pkg, id string
		want           bool
	}{
		{"酷冷至尊 机箱 台式机", "ad_absolute", "ad-absolute", false},      // zhizun_name before
		{"月卡至尊卡礼包 充值", "ad_absolute", "ad-absolute", false},       // zhizun_name after
		{"汽车用万能车充 双usb", "ad_absolute", "ad-absolute", false},     // universal_fit after
		{"至尊 机箱 台式机", "ad_absolute", "ad-absolute", true},         // no context
		{"酷冷，至尊 机箱 台式机", "ad_absolute", "ad-absolute", true},      // across a clause mark
		{"酷冷 静音 散热 风扇 至尊 机箱", "ad_absolute", "ad-absolute", true}, // out of the window
		{"酷冷至尊 机箱 至尊 品质", "ad_absolute", "ad-absolute", true},     // a second run without it
		{"万能 清洁膏 厨房", "ad_absolute", "ad-absolute", true},
		{"智能体脂秤 成人减肥 精准", "ad_medical_claim", "ad-medical-claim", false}, // purpose sentence
		{"猫瘟试纸 宠物 检测卡", "ad_medical_claim", "ad-medical-claim", false},   // test_kit after
		{"成人减肥 精准 家用", "ad_medical_claim", "ad-medical-claim", true},
		{"成人减肥。智能体脂秤", "ad_medical_claim", "ad-medical-claim", true},    // another sentence
		{"智能体脂秤 预防减肥 精准", "ad_medical_claim", "ad-medical-claim", true}, // unless efficacy_verb
		{"猫瘟试纸 宠物 猫瘟 克星", "ad_medical_claim", "ad-medical-claim", true}, // a second run without it
	} {
		wantRuleOnTitle(t, j, c.title, c.pkg, c.id, c.want)
	}
}

// A context the gate cannot decide from held (至尊版's model_tier, a
// context of parts) leaves the word counted: the rule is evaluated, and
// the library exempts the hit.
func TestGateCountsWordsOfUndecidedContexts(t *testing.T) {
	t.Parallel()
	j := checker(t)
	l := &listings.Listing{ID: "1", Source: "t.yaml", Title: "红米 k70 至尊 版 手机壳"}
	if skip, _ := j.Engine.Skipped(j.Builder.Build(l)); slices.Contains(skip, "ad_absolute") {
		t.Errorf("%s: ad_absolute skipped, want it evaluated", l.Title)
	}
	if copied := *l; j.Engine.Unjudged(&copied, func() map[string]facts.Field { return j.Builder.Fields(&copied) }) {
		t.Errorf("%s: unjudged before the build", l.Title)
	}
	found, _, err := j.CheckListing(t.Context(), l)
	if err != nil || len(rulesOf(found)["ad-absolute"]) > 0 {
		t.Errorf("%s: findings %v, %v; want no ad-absolute", l.Title, rulesOf(found), err)
	}
}

// allowChecks keeps the contexts in_context decides from held: plain
// ones, and those whose unless is plain too; not a context of parts, a
// restated one, one the table lacks, one a category stands for, or one
// the entry's deny names.
func TestAllowChecksKeepsTheContextsHeldDecides(t *testing.T) {
	t.Parallel()
	data := map[string]any{"tables": map[string]any{"t": map[string]any{
		"contexts": map[string]any{
			"plain":    map[string]any{"after": map[string]any{"卡": true}},
			"unless":   map[string]any{"after": map[string]any{"卡": true}, "unless": "plain"},
			"unlessR":  map[string]any{"after": map[string]any{"卡": true}, "unless": "restated"},
			"unlessNo": map[string]any{"after": map[string]any{"卡": true}, "unless": "missing"},
			"parts":    map[string]any{"all": []any{"plain"}},
			"restated": map[string]any{"sentence": map[string]any{"gb": true}, "restated": true},
			"category": map[string]any{"after": map[string]any{"课": true}},
			"denied":   map[string]any{"after": map[string]any{"卡": true}},
		},
		"category_contexts": map[string]any{"category": []any{"教育"}},
	}}}
	entry := map[string]any{"allow": []any{"plain", "unless", "unlessR", "unlessNo", "parts", "restated", "category", "missing", "denied"}, "deny": []any{"denied"}}
	got := allowChecks(data, "t", entry)
	want := []allowCheck{{name: "plain"}, {name: "unless", unless: "plain"}}
	if !slices.Equal(got, want) {
		t.Errorf("allowChecks = %v, want %v", got, want)
	}
	entry["deny"] = "denied"
	if got := allowChecks(data, "t", entry); got != nil {
		t.Errorf("allowChecks with a deny of no list = %v, want none", got)
	}
	if got := allowChecks(data, "t", map[string]any{}); got != nil {
		t.Errorf("allowChecks of no allow = %v, want none", got)
	}
}

// ad-absolute reads its prefix (最) only through prefix_hits: a token
// that is a word of its own (最佳) or one the prefix lists as no claim
// (最新款) gives it nothing; nor does a one-token hit (最合适) whose allow
// context holds (系列丛书 after it). The same token without it, across a
// clause mark, a second time, or 最 reaching over the next word, is
// evaluated and found.
func TestGateReadsPrefixesAsPrefixHitsDo(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for title, want := range map[string]bool{
		"2017最新款 连衣裙":     false, // not_claims
		"最佳书法入门系列丛书":      false, // a word, its book_title holding
		"最合适 系列丛书 套装":     false, // book_title after the prefix hit
		"最合适 的 外套":        true,
		"最合适，系列丛书 套装":     true, // across a clause mark
		"最新款 最合适 外套":      true,
		"最合适 系列丛书 最合适 外套": true, // a second hit without it
		"最 保暖 羽绒服":        true, // 最 reaches over 保暖
		"最 丛书 套装":         true, // 最丛书, read after 丛书
	} {
		wantRule(t, j, &listings.Listing{ID: "1", Source: "t.yaml", Title: title}, "ad_absolute", "ad-absolute", want)
	}
}
