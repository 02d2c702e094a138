package engine

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

const userRuleHead = `package xiaoer.rules.shop_words

import data.xiaoer.lib

meta := {"id": "shop-words", "title": "店铺用语", "severity": "warning", "kinds": ["listing"],
	"description": "d", "basis": {"law": "店规", "confirmed": true}, "suggestion": "s",
	"exposure": {"punitive": false}}

findings contains f if {
	some i, tok in input.listing.fields.title.tokens
	tok.t == "松鼠"
	f := lib.finding(meta, {"field": "title", "s": tok.s, "e": tok.e, "message": "松鼠"})
}
`

// A user rule that declares no needs is evaluated on every listing, so
// nothing is skipped whole; one that declares them is skipped like the
// embedded rules where they are absent, and found where they are there.
func TestGateFollowsUserRulesNeeds(t *testing.T) {
	t.Parallel()
	plain := &listings.Listing{ID: "1", Source: "t.txt", Title: "三只松鼠花草茶 包邮"}
	none := &listings.Listing{ID: "2", Source: "t.txt", Title: "飞利浦理发器配件刀座"}

	dir, _ := writePolicy(t, "shop.rego", userRuleHead)
	open := userChecker(t, 0, loadDir(t, dir, false))
	if _, all := open.Engine.Skipped(open.Builder.Build(none)); all {
		t.Error("a user rule without needs: every rule skipped, want it evaluated")
	}
	found, _, err := open.CheckListing(t.Context(), plain)
	if err != nil || len(rulesOf(found)["shop-words"]) != 1 {
		t.Errorf("user rule without needs: findings %v, %v", rulesOf(found), err)
	}

	dir, _ = writePolicy(t, "shop.rego", userRuleHead+`
needs := {"words": ["shop.words"]}
`)
	words := filepath.Join(t.TempDir(), "words.json")
	if err := os.WriteFile(words, []byte(`{"tables": {"shop": {"words": {"松鼠": true}}}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := LoadDataFile(words)
	if err != nil {
		t.Fatal(err)
	}
	gated := userChecker(t, 0, loadDir(t, dir, false), data)
	if skip, all := gated.Engine.Skipped(gated.Builder.Build(none)); !all || !slices.Contains(skip, "shop_words") {
		t.Errorf("no word of the user rule: skipped %v (all: %v), want every rule", skip, all)
	}
	if skip, _ := gated.Engine.Skipped(gated.Builder.Build(plain)); slices.Contains(skip, "shop_words") {
		t.Errorf("the user rule's word is there, but it is skipped: %v", skip)
	}
	found, _, err = gated.CheckListing(t.Context(), plain)
	if err != nil || len(rulesOf(found)["shop-words"]) != 1 {
		t.Errorf("user rule with needs: findings %v, %v", rulesOf(found), err)
	}
}

// Partner contexts narrow a rule's words only where the rule declares
// partnered (its every hit passes the partner): a rule that reads the same
// words without asking for the partner still judges a listing without it,
// and a context with no words at all (an empty "all" holds everywhere)
// never narrows them.
func TestGatePartnersOnlyWhereTheRuleSaysSo(t *testing.T) {
	t.Parallel()
	l := &listings.Listing{ID: "1", Source: "t.txt", Title: "三只松鼠花草茶 包邮"}
	for _, c := range []struct {
		needs, context string
		found          int
	}{
		{`{"words": ["shop.words"]}`, `{"before": {"坚果": true}}`, 1},
		{`{"words": ["shop.words"], "partnered": true}`, `{"before": {"坚果": true}}`, 0},
		{`{"words": ["shop.words"], "partnered": true}`, `{"all": []}`, 1},
	} {
		dir, _ := writePolicy(t, "shop.rego", userRuleHead+"\nneeds := "+c.needs+"\n")
		words := filepath.Join(t.TempDir(), "words.json")
		table := `{"tables": {"shop": {"words": {"松鼠": {"needs": "nut"}}, "contexts": {"nut": ` + c.context + `}}}}`
		if err := os.WriteFile(words, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := LoadDataFile(words)
		if err != nil {
			t.Fatal(err)
		}
		j := userChecker(t, 0, loadDir(t, dir, false), data)
		found, _, err := j.CheckListing(t.Context(), l)
		if err != nil || len(rulesOf(found)["shop-words"]) != c.found {
			t.Errorf("needs %s, context %s: findings %v, %v; want %d of shop-words", c.needs, c.context, rulesOf(found), err, c.found)
		}
	}
}

// product_kinds narrows only the words whose entry has its attribute, and
// not where it is false (`not entry.only` holds there as where it is
// missing): a marked word counts beside a word of its kind tables, the
// others anywhere.
func TestGateKindsOnlyTheMarkedWords(t *testing.T) {
	t.Parallel()
	needs := `{"words": ["shop.words"], "product_kinds": {"marked": "only", "words": ["shop.kinds"]}}`
	for _, c := range []struct {
		entry, title string
		found        int
	}{
		{`{"only": ["food"]}`, "三只松鼠 包邮", 0},
		{`{"only": ["food"]}`, "三只松鼠 零食 包邮", 1},
		{`{"only": false}`, "三只松鼠 包邮", 1},
		{`{}`, "三只松鼠 包邮", 1},
	} {
		dir, _ := writePolicy(t, "shop.rego", userRuleHead+"\nneeds := "+needs+"\n")
		words := filepath.Join(t.TempDir(), "words.json")
		table := `{"tables": {"shop": {"words": {"松鼠": ` + c.entry + `}, "kinds": {"零食": true}}}}`
		if err := os.WriteFile(words, []byte(table), 0o644); err != nil {
			t.Fatal(err)
		}
		data, err := LoadDataFile(words)
		if err != nil {
			t.Fatal(err)
		}
		j := userChecker(t, 0, loadDir(t, dir, false), data)
		found, _, err := j.CheckListing(t.Context(), &listings.Listing{ID: "1", Source: "t.txt", Title: c.title})
		if err != nil || len(rulesOf(found)["shop-words"]) != c.found {
			t.Errorf("entry %s, %s: findings %v, %v; want %d of shop-words", c.entry, c.title, rulesOf(found), err, c.found)
		}
	}
}

// Needs that cannot be checked are refused when the policies load, with
// the rule and the reason, rather than silently skipping the rule.
func TestGateRefusesNeedsItCannotCheck(t *testing.T) {
	t.Parallel()
	for decl, want := range map[string]string{
		`needs := {"facts": ["colour"]}`:                                                                                                             `unknown fact "colour"`,
		`needs := {"words": ["no_such.words"]}`:                                                                                                      "no table data.tables.no_such.words",
		`needs := {}`:                                                                                                                                "an empty object needs nothing",
		`needs := "words"`:                                                                                                                           "want an object or an array of objects",
		`needs := [{"promises": ["presale"]}, {}]`:                                                                                                   "an empty object needs nothing",
		`needs := {"facts": ["numbers"], "after_figure": 2}`:                                                                                         "beside words",
		`needs := {"words": ["ad_absolute.words"], "after_figure": -1}`:                                                                              "want a count of tokens above 0",
		`needs := {"facts": ["numbers"], "partnered": true}`:                                                                                         "partnered: want words beside it",
		`needs := {"facts": ["numbers"], "unreported_names": true}`:                                                                                  "unreported_names: want words beside it",
		`needs := {"facts": ["numbers"], "before_figure": {"within": 5}}`:                                                                            "before_figure within 5: want a count of tokens above 0, beside words",
		`needs := {"words": ["ad_absolute.words"], "before_figure": {"within": 0}}`:                                                                  "before_figure within 0",
		`needs := {"words": ["ad_absolute.words"], "before_figure": {"within": 2}, "partnered": true}`:                                               "without after_figure and partnered",
		`needs := {"words": ["ad_absolute.words"], "before_figure": {"within": 2, "entries": {"cat": ["zui"]}}}`:                                     `entries "cat": want a string`,
		`needs := {"words": ["ad_absolute.words"], "figure_units": {"units": ["%"]}}`:                                                                "figure_units: want tables or units, beside after_figure",
		`needs := {"words": ["ad_absolute.words"], "after_figure": 1, "figure_units": {}}`:                                                           "figure_units: want tables or units",
		`needs := {"words": ["ad_absolute.words"], "after_figure": 1, "figure_units": {"tables": ["no_such.units"]}}`:                                "figure_units: no table data.tables.no_such.units",
		`needs := {"words": ["ad_absolute.words"], "figure_min": 10000}`:                                                                             "figure_min: want it beside after_figure",
		`needs := {"facts": ["numbers"], "product_kinds": {"marked": "only", "words": ["ad_medical_claim.regulated"]}}`:                              "product_kinds: want marked and words, beside words",
		`needs := {"words": ["ad_absolute.words"], "product_kinds": {"words": ["ad_medical_claim.regulated"]}}`:                                      "product_kinds: want marked and words",
		`needs := {"words": ["ad_absolute.words"], "product_kinds": {"marked": "only"}}`:                                                             "product_kinds: want marked and words",
		`needs := {"words": ["ad_absolute.words"], "product_kinds": {"marked": "only", "words": ["no_such.kinds"]}}`:                                 "product_kinds: no table data.tables.no_such.kinds",
		`needs := {"words": ["ad_absolute.words"], "after_figure": 1, "product_kinds": {"marked": "only", "words": ["ad_medical_claim.regulated"]}}`: "product_kinds: want it without after_figure",
		`needs := {"facts": ["numbers"], "prefix_hits": true}`:                                                                                       "prefix_hits: want prefixes beside it",
		`needs := {"prefixes": ["ad_absolute.words"], "prefix_hits": true}`:                                                                          "prefix_hits: ad_absolute.words is no table's prefixes",
		`needs := {"facts": ["numbers"], "allowed": true}`:                                                                                           "allowed: want words or prefix_hits beside it",
		`needs := {"words": ["ad_absolute.words"], "after_figure": 1, "allowed": true}`:                                                              "allowed: want words or prefix_hits beside it, without after_figure",
		`needs := {"promises": [{"kind": "returns_7day", "below": {"cond": 7}}]}`:                                                                    `below "cond": want n or hours`,
		`needs := {"promises": [{"kind": "returns_refused", "unless": {"n": ["7"]}}]}`:                                                               `unless "n": want cond, scope or carrier`,
		`needs := {"promises": [{"unless": {"cond": ["intact"]}}]}`:                                                                                  "a promise entry without a kind",
		`needs := {"facts": ["numbers"], "against": ["presale"]}`:                                                                                    "against: want promises beside it",
	} {
		dir, _ := writePolicy(t, "shop.rego", userRuleHead+"\n"+decl+"\n")
		_, err := newJudge(Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}})
		if err == nil || !strings.Contains(err.Error(), "shop_words") || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want one naming shop_words and %q", decl, err, want)
		}
	}
}

// counterfeit-wording needs one of its words or a brand written masked:
// a title whose tokens merely start with a brand's first character (新款,
// 加绒) skips it; 香*儿 and 迪 奥 do not, and are found.
func TestGateAsksForMaskedBrands(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for title, want := range map[string]bool{
		"新款加绒卫衣 百搭宽松":   false,
		"香*儿同款链条包 新款":   true,
		"迪 奥口红 999 正红色": true,
		"爱马* 丝巾 女 真丝":   true,
		"蔻* 马车 手提包 女":   true,
	} {
		doc := j.Builder.Build(&listings.Listing{ID: "1", Source: "t.txt", Title: title})
		skip, _ := j.Engine.Skipped(doc)
		if evaluated := !slices.Contains(skip, "counterfeit_wording"); evaluated != want {
			t.Errorf("%s: counterfeit_wording evaluated %v, want %v", title, evaluated, want)
		}
		found, _, err := j.CheckListing(t.Context(), &listings.Listing{ID: "1", Source: "t.txt", Title: title})
		if err != nil || (len(rulesOf(found)["counterfeit-wording"]) > 0) != want {
			t.Errorf("%s: findings %v, %v; want counterfeit-wording %v", title, rulesOf(found), err, want)
		}
	}
}

// material-fiber needs a fibre claim or two composition statements that
// differ: one stated composition and no claim cannot give a finding, nor
// can the same composition stated again in the description, so they are
// skipped; a second statement that disagrees is evaluated and found.
func TestGateAsksForTwoStatements(t *testing.T) {
	t.Parallel()
	j := checker(t)
	attrs := []listings.Attribute{{Name: "材质成分", Value: "棉95% 氨纶5%"}}
	for _, c := range []struct {
		desc string
		want bool
	}{
		{"", false},
		{"面料：棉95% 氨纶5%", false},
		{"面料：聚酯纤维100%", true},
	} {
		l := &listings.Listing{ID: "1", Source: "t.yaml", Title: "秋季长袖T恤", Attributes: attrs, Description: c.desc}
		skip, _ := j.Engine.Skipped(j.Builder.Build(l))
		if evaluated := !slices.Contains(skip, "material_fiber"); evaluated != c.want {
			t.Errorf("description %q: material_fiber evaluated %v, want %v", c.desc, evaluated, c.want)
		}
		found, _, err := j.CheckListing(t.Context(), l)
		if err != nil || (len(rulesOf(found)["material-fiber"]) > 0) != c.want {
			t.Errorf("description %q: findings %v, %v; want material-fiber %v", c.desc, rulesOf(found), err, c.want)
		}
	}
}

// A single-character pattern head (提, 治, 保) gives its rule something
// to judge only where a pattern it starts can complete: the later parts'
// words (过级 after 保证), a figure of the unit (30分 after 提高), a
// suffix of the class (颈椎病 after 治). Without them the rule is skipped;
// with them it is evaluated, and finds the claim when there is one (台灯
// 亮度提高30分 completes the pattern but has no course around it).
func TestGateCountsAPatternHeadWhereAPatternCanComplete(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"提踵训练器 小腿训练", "", "ad_education_guarantee", "", false},
		{"保证 正品 钢琴", "", "ad_education_guarantee", "", false},
		{"全国包邮 苹果数据线", "", "ad_education_guarantee", "", false},
		{"台灯 亮度提高30分", "", "ad_education_guarantee", "", true},
		{"数学网课 一个月提高30分", "", "ad_education_guarantee", "一个月提高30分", true},
		{"钢琴网课 保证过级", "", "ad_education_guarantee", "保证过级", true},
		{"艾灸贴 治 颈椎", "", "ad_medical_claim", "", false},
		{"艾灸贴 治颈椎病", "", "ad_medical_claim", "治颈椎病", true},
	})
}

// A word that is a claim only beside a partner context (专用 beside a state
// organ, 同款 beside a brand) sends its rule the listing only where a word
// of that context is in it too, in any field; the rule still decides
// whether the two are near enough.
func TestGateCountsAPartnerWordWhereItsContextIs(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"美缝剂 瓷砖专用 地砖填缝剂", "", "ad_state_authority", "", false},
		{"国务院专用 茶叶礼盒", "", "ad_state_authority", "国务院专用", true},
		{"政府采购指定 办公椅", "", "ad_state_authority", "政府采购指定", true},
		{"会议专用 茶叶", "国务院机关事务管理局", "ad_state_authority", "", true},
		{"卫衣 男 同款 情侣装", "", "counterfeit_wording", "", false},
		{"巴黎世家同款 卫衣", "", "counterfeit_wording", "巴黎世家", true},
	})
}

// A word that counts only after a figure (宝宝, 人, 学生 for
// ad-unsourced-claim: after_figure 2) sends the rule the listing only where
// it starts on a figure's last token or within two tokens after it, and
// (figure_units) only after a figure of a unit the rule counts with: 岁 and
// 英寸 are none; no unit, 件, 人 and % are. A crowd word counts only after a
// figure of ten thousand or more (figure_min): 2-6人 and 1-4人份 are sizes.
func TestGateCountsAWordAfterAFigureOnlyThere(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"婴儿奶瓶 宝宝 宽口径 240ml", "", "ad_unsourced_claim", "", false},
		{"学生书包 2025新款 大容量", "", "ad_unsourced_claim", "", false},
		{"婴儿奶瓶 宽口径 240ml宝宝专用", "", "ad_unsourced_claim", "", false},
		{"打底裤 3亿人都在穿 加绒", "", "ad_unsourced_claim", "3亿人", true},
		{"错题本 98%的学生都在用", "", "ad_unsourced_claim", "98%的学生", true},
		{"婴儿奶瓶 0-1岁宝宝", "", "ad_unsourced_claim", "", false},
		{"13英寸学生 小军鼓", "", "ad_unsourced_claim", "", false},
		{"猫粮 30万猫主人的选择", "", "ad_unsourced_claim", "30万猫主人", true},
		{"纸尿裤 30万宝妈 都在用", "", "ad_unsourced_claim", "30万宝妈", true},
		{"汽车脚垫 1万车主", "", "ad_unsourced_claim", "1万车主", true},
		{"电压力锅 家用 2-6人", "", "ad_unsourced_claim", "", false},
		{"手冲咖啡滴漏壶 冲杯1-4人份", "", "ad_unsourced_claim", "", false},
		{"凌峰 2人双层帐篷", "", "ad_unsourced_claim", "", false},
		{"汽车脚垫 30万车主", "", "ad_unsourced_claim", "30万车主", true},
		{"卫衣 1000+人已买", "", "ad_unsourced_claim", "1000+人已买", true},
		{"卫衣 10万+已买", "", "ad_unsourced_claim", "10万+已买", true},
		{"卫衣 5000件已售 现货", "", "ad_unsourced_claim", "5000件已售", true},
		{"99% of users love it", "", "ad_unsourced_claim", "99% of users", true},
	})
}

// gateCase is a listing, one rule, the evidence of its findings (joined
// by commas) and whether the gate lets the rule judge the listing.
type gateCase struct {
	title, description, rule, finding string
	evaluated                         bool
}

// allRulesJudge evaluates every rule on every listing (no gate): what a
// rule finds there is what it finds, skipped or not.
var allRulesJudge = sync.OnceValues(func() (*judge, error) { return newJudge(Options{EvaluateAll: true}) })

// assertGate checks each case's gate decision and its findings, with the
// gate and without it: a listing the gate skips for a rule is one the
// rule finds nothing in when it does judge it.
func assertGate(t *testing.T, cases []gateCase) {
	t.Helper()
	j := checker(t)
	all, err := allRulesJudge()
	if err != nil {
		t.Fatalf("engine evaluating every rule: %v", err)
	}
	for _, c := range cases {
		l := &listings.Listing{ID: "1", Source: "t.txt", Title: c.title, Description: c.description}
		skip, _ := j.Engine.Skipped(j.Builder.Build(l))
		if evaluated := !slices.Contains(skip, c.rule); evaluated != c.evaluated {
			t.Errorf("%s: %s evaluated %v, want %v", c.title, c.rule, evaluated, c.evaluated)
		}
		id := strings.ReplaceAll(c.rule, "_", "-")
		for _, jj := range []struct {
			how string
			j   *judge
		}{{"gated", j}, {"every rule judged", all}} {
			found, _, err := jj.j.CheckListing(t.Context(), l)
			if got := strings.Join(rulesOf(found)[id], ","); err != nil || got != c.finding {
				t.Errorf("%s (%s): %s found %q (%v), want %q", c.title, jj.how, id, got, err, c.finding)
			}
		}
	}
}

// Every prefix a token can be looked up by (its first character), plain
// or read as prefix_hits reads it, is marked: markWords asks the marks before the map, and leaves out only
// characters no prefix is.
func TestPrefixStartsMarkEveryPrefixCharacter(t *testing.T) {
	t.Parallel()
	g := checker(t).Engine.gate
	one := 0
	keys := slices.Collect(maps.Keys(g.prefixes))
	for k := range g.hitPrefixes {
		keys = append(keys, k)
	}
	for _, k := range keys {
		if r, size := utf8.DecodeRuneInString(k); size == len(k) && size > 0 {
			one++
			if !g.prefixStarts.MayHave(r) {
				t.Errorf("prefix %q: not marked", k)
			}
		}
	}
	if one == 0 {
		t.Error("no prefix of one character: this proves nothing")
	}
}

// material-down needs the down of the attributes, two down claims or a
// share: one claim alone in the copy (羽绒服 in a title) cannot give a
// finding, so it is skipped and reaches neither the tokenizer nor the
// policies; a second claim or a share is evaluated and found.
func TestGateAsksForMoreThanALoneDownClaim(t *testing.T) {
	t.Parallel()
	wantRuleOnTitles(t, "material_down", "material-down", []titleCase{
		{"冬季加厚羽绒服女短款", false},
		{"90%白鸭绒羽绒服女短款", true},
		{"鸭绒鹅绒羽绒服女短款", true},
	})
}

// promise-guarantee needs 假一赔N, or 正品保障 beside a replica word: 专柜正品
// alone cannot give a finding, so it is skipped; beside 高仿 it is
// evaluated and found.
func TestGateAsksForAReplicaWordBesideAGenuineGuarantee(t *testing.T) {
	t.Parallel()
	wantRuleOnTitles(t, "promise_guarantee", "promise-guarantee", []titleCase{
		{"专柜正品 女士长款大衣", false},
		{"专柜正品 高仿 女士长款大衣", true},
		{"假一赔十 女士长款大衣", true},
	})
}

// wantRule checks that rule package pkg (rule id) is evaluated on l, by
// the gate before the document is built and after, and finds something
// there, exactly when want.
func wantRule(t *testing.T, j *judge, l *listings.Listing, pkg, id string, want bool) {
	t.Helper()
	skip, _ := j.Engine.Skipped(j.Builder.Build(l))
	if evaluated := !slices.Contains(skip, pkg); evaluated != want {
		t.Errorf("%s: %s evaluated %v, want %v", l.Title, pkg, evaluated, want)
	}
	if copied := *l; j.Engine.Unjudged(&copied, func() map[string]facts.Field { return j.Builder.Fields(&copied) }) == want {
		t.Errorf("%s: unjudged before the build %v, want %v", l.Title, want, !want)
	}
	found, _, err := j.CheckListing(t.Context(), l)
	if err != nil || (len(rulesOf(found)[id]) > 0) != want {
		t.Errorf("%s: findings %v, %v; want %s %v", l.Title, rulesOf(found), err, id, want)
	}
}

// titleCase is a title, and whether a rule is evaluated and finds
// something on it.
type titleCase struct {
	title string
	want  bool
}

// wantRuleOnTitles is wantRuleOnTitle on each case.
func wantRuleOnTitles(t *testing.T, pkg, id string, cases []titleCase) {
	t.Helper()
	j := checker(t)
	for _, c := range cases {
		wantRuleOnTitle(t, j, c.title, pkg, id, c.want)
	}
}

// wantRuleOnTitle is wantRule on a listing that is title alone.
func wantRuleOnTitle(t *testing.T, j *judge, title, pkg, id string, want bool) {
	t.Helper()
	wantRule(t, j, &listings.Listing{ID: "1", Source: "t.yaml", Title: title}, pkg, id, want)
}

// A rule that never reports a name of its list (王者荣耀, 护身符: the name
// wins over the word inside it and is dropped) declares unreported_names:
// the name alone gives it nothing to judge, so it is skipped; a word of
// the list beside the name is evaluated and found.
func TestGateCountsNoUnreportedName(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for _, c := range []struct {
		title, pkg, id string
		want           bool
	}{
		{"王者荣耀手柄", "ad_absolute", "ad-absolute", false},
		{"国家级 王者荣耀手柄", "ad_absolute", "ad-absolute", true},
		{"紫水晶护身符吊坠儿童项链", "ad_superstition", "ad-superstition", false},
		{"招财 紫水晶护身符吊坠儿童项链", "ad_superstition", "ad-superstition", true},
	} {
		wantRuleOnTitle(t, j, c.title, c.pkg, c.id, c.want)
	}
}

// ad-medical-claim reads a term marked only (增高, 安全无毒: claims on
// some kinds of product) only where it judges the listing such a kind,
// from a regulated word, a dosage form or the category: it declares
// product_kinds, so 内增高 shoes and a toy 安全无毒 are skipped; beside 保健食品
// or with a category they are evaluated, and found where the kind is one
// the term is a claim on.
func TestGateCountsAKindTermWhereAKindCanBeJudged(t *testing.T) {
	t.Parallel()
	j := checker(t)
	for _, c := range []struct {
		title, category string
		want            bool
	}{
		{"内增高女鞋 真皮 小白鞋", "", false},
		{"安全无毒 积木玩具", "", false},
		{"增高鞋垫 隐形", "", false},
		{"儿童增高 保健食品 钙片", "", true},
		{"增高鞋垫 隐形", "保健食品", true},
		{"安全无毒 积木玩具", "保健品", true},
	} {
		l := &listings.Listing{ID: "1", Source: "t.yaml", Title: c.title, Category: c.category}
		wantRule(t, j, l, "ad_medical_claim", "ad-medical-claim", c.want)
	}
	// A category the term is no claim on is let through all the same: the
	// gate does not judge the kind.
	l := &listings.Listing{ID: "1", Source: "t.yaml", Title: "增高鞋垫 隐形", Category: "运动鞋"}
	if skip, _ := j.Engine.Skipped(j.Builder.Build(l)); slices.Contains(skip, "ad_medical_claim") {
		t.Errorf("%s (category %s): ad_medical_claim skipped, want it evaluated", l.Title, l.Category)
	}
}

// ad-unsourced-claim reads a crowd word only after a figure of ten
// thousand or more (figure_min): a size in people (2-6人) is ruled out
// from the tokens, before the document is built; 1万车主 is judged and
// found.
func TestGateCountsACrowdWordAfterTenThousand(t *testing.T) {
	t.Parallel()
	wantRuleOnTitles(t, "ad_unsourced_claim", "ad-unsourced-claim", []titleCase{
		{"电压力锅 家用 2-6人", false},
		{"凌峰 2人双层帐篷", false},
		{"汽车脚垫 1万车主", true},
	})
}

// counterfeit-wording never reports a hit at which one of its entry's
// allow contexts holds, and declares its words allowed: A货 beside 翡翠
// (the jade's grade) cannot give a finding, so it is skipped; A货 on a
// handbag is evaluated and found.
func TestGateCountsNoCounterfeitWordItsContextAllows(t *testing.T) {
	t.Parallel()
	wantRuleOnTitles(t, "counterfeit_wording", "counterfeit-wording", []titleCase{
		{"天然翡翠手镯 a货 冰种", false},
		{"a货 女士手提包 新款", true},
	})
}
