package facts

import (
	"regexp"
	"strings"
)

// Postage promise kinds. postage_free_over carries N, the threshold (满99包邮: 99).
const (
	KindPostageFree           = "postage_free"            // 包邮, 顺丰包邮, 全国包邮 (Scope all)
	KindPostageFreeOver       = "postage_free_over"       // 满99包邮, 两件包邮
	KindPostageRemoteExcluded = "postage_remote_excluded" // 偏远地区不包邮, 新疆西藏除外
	KindPostageBuyerPays      = "postage_buyer_pays"      // 邮费自理, 不包邮, 运费到付
)

// remoteWords are the regions sellers exclude from 包邮.
var remoteWords = []string{"偏远", "新疆", "西藏", "青海", "内蒙", "宁夏", "甘肃", "海南", "港澳台", "香港", "澳门", "台湾", "海外", "国外"}

var remoteRegion = `(?:` + strings.Join(remoteWords, "|") + `)`

// postageConditional marks a buyer-pays term that applies only in some
// cases (不满99元邮费自理, 需要顺丰的邮费自理), which contradicts no 包邮.
var postageConditional = regexp.MustCompile(`不满|未满|不足|以下|单件|一件|补发|补寄|升级|指定|顺丰|加急|改发|` + remoteRegion)

// postageQualified marks a sentence that qualifies 全国包邮 itself.
var postageQualified = regexp.MustCompile(`除外|不包邮|` + remoteRegion)

var postageMatchers = []promiseMatcher{
	{needWords(remoteWords...), regexp.MustCompile(remoteRegion + `[^,。;!?\n()]{0,12}?(?:不包邮|除外|邮费自理|运费自理|补运费|补邮费|加收运费|加收邮费|另付邮费|另付运费|补差价|运费另计|邮费另计)`), promiseOf(KindPostageRemoteExcluded), yields(KindPostageRemoteExcluded)},
	{needWords("包邮", "免邮", "免运费"), regexp.MustCompile(`满\s*` + promiseNum + `\s*(?:元|块)?\s*(?:包邮|免邮|免运费)|` + promiseNum + `\s*件(?:起)?\s*(?:包邮|免邮|免运费)`), postageFreeOver, yields(KindPostageFreeOver)},
	{needWords("邮费", "运费", "快递费", "不包邮", "到付"), regexp.MustCompile(`不包邮|(?:邮费|运费|快递费)(?:自理|自付|另付|另计|到付)|(?:邮费|运费|快递费)\s*[:：]?\s*(?:由)?(?:买家|顾客|客户|您)(?:承担|自理|自付|支付)|(?:买家|顾客|客户)(?:承担|支付|自付)(?:运费|邮费)|到付(?:运费|邮费)`), buyerPays, yields(KindPostageBuyerPays)},
	{needWords("邮", "运费", "配送"), regexp.MustCompile(`(全国|全场|全店|全部地区|所有地区)?\s*(顺丰|京东|中通|圆通|申通|韵达|邮政|ems|极兔|德邦|百世)?\s*(?:快递)?(?:包邮|免邮|免运费|免费配送|运费全免)|卖家承担运费|(?:运费|邮费)\s*[:：]\s*(?:0|0\.00|卖家承担|免费|包邮)`), postageFree, yields(KindPostageFree)},
}

func postageFreeOver(m promiseMatch) (Promise, bool) {
	n, ok := promiseCount(m.group(1))
	if !ok {
		n, ok = promiseCount(m.group(2))
	}
	if !ok {
		return Promise{}, false
	}
	return Promise{Kind: KindPostageFreeOver, N: n, Scope: ScopePartial}, true
}

func buyerPays(m promiseMatch) (Promise, bool) {
	p := Promise{Kind: KindPostageBuyerPays}
	if postageConditional.MatchString(m.clause()) {
		p.Scope = ScopePartial
	}
	return p, true
}

// postageFree is 包邮; 全国包邮 is Scope all unless its own sentence
// qualifies it (全国包邮，新疆西藏除外).
func postageFree(m promiseMatch) (Promise, bool) {
	p := Promise{Kind: KindPostageFree, Carrier: m.group(2)}
	if m.group(1) != "" && !postageQualified.MatchString(m.sentence()) {
		p.Scope = ScopeAll
	}
	return p, true
}
