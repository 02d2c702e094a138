package facts

import "regexp"

// Return promise kinds. returns_7day carries N, the days offered (7, 15 ...).
const (
	KindReturns7Day       = "returns_7day"          // 7天无理由退换, 支持七天无理由退货
	KindReturnsRefused    = "returns_refused"       // 不支持七天无理由, 售出不退不换
	KindReturnsPostageBuy = "returns_postage_buyer" // 退货运费买家承担 (the law's default)
)

// Conditions a return refusal can rest on (Promise.Cond).
const (
	CondIntact    = "intact"    // 吊牌剪掉、影响二次销售: 消法 §25 only covers goods returned intact
	CondUnsealed  = "unsealed"  // 拆封后
	CondActivated = "activated" // 激活、试用后
)

// returnConditions are checked in order: a refusal that names the goods'
// condition (吊牌, 影响二次销售) asks for intact goods, which the law allows.
var returnConditions = []struct {
	cond string
	re   *regexp.Regexp
}{
	{CondIntact, regexp.MustCompile(`吊牌|标签|二次销售|人为|损坏|损毁|污渍|洗涤|洗过|水洗|下水|穿过|穿着|佩戴过|使用痕迹|不完好|配件不全|缺少配件`)},
	{CondUnsealed, regexp.MustCompile(`拆封|开封|拆开|拆包装|撕膜|撕开|开箱|启封|打开包装|拆除塑封`)},
	{CondActivated, regexp.MustCompile(`激活|试用|开机|安装后|已使用|使用后`)},
}

// returnNegation is a refusal word right before a returns offer.
// 无 counts only right before the offer: 质量无忧7天无理由 is an offer.
var returnNegation = regexp.MustCompile(`(?:不支持|不提供|不接受|不享受|不参加|不参与|不适用|不能|不可|不予|不做|无法|暂不|没有|拒绝|谢绝)` + refusalGap + `$|无$`)

// returnNegationAfter is a refusal right after the offer's words (七天无理由: 不支持).
var returnNegationAfter = regexp.MustCompile(`^\s*[:：]?\s*(?:不支持|否|无|不提供|不可|不适用|不享受)`)

const (
	// refusalGap is what may stand between a refusal and the offer it
	// refuses (不支持 7天无理由, 不能享受七天无理由): space and verbs only, so
	// 拒绝钻绒 7天无理由退换 stays two phrases, a quality claim and an offer.
	refusalGap = `(?:\s|支持|享受|提供|参加|参与|办理){0,2}`
	refuseVerb = `(?:概不|不予|恕不|不支持|不接受|不)`
	returnWord = `(?:退换货|退换|退货|退款|退|换)`
	noReason   = `天\s*(?:无理由|无忧|无条件)\s*(?:退换货|退货|退换|退款)?(?:服务)?`
)

var returnMatchers = []promiseMatcher{
	{needWords("运费", "邮费", "快递费"), regexp.MustCompile(`(?:退货|退换货|退换|换货|退回|寄回)[^,。;!?\n]{0,6}?(?:运费|邮费|快递费)[^,。;!?\n]{0,4}?(?:自理|自付|承担)`), promiseOf(KindReturnsPostageBuy), yields(KindReturnsPostageBuy)},
	{needWords("无理由", "无忧", "无条件"), regexp.MustCompile(`(?:(?:不支持|不提供|不接受|不享受|不参加|不参与|不适用|不能|不可|不予|无法|暂不支持|暂不|没有|拒绝|谢绝)` + refusalGap + `|无)` + promiseNum + `\s*` + noReason), returnRefusal, yields(KindReturnsRefused)},
	{needWords("无理由", "无忧", "无条件"), regexp.MustCompile(promiseNum + `\s*` + noReason + `\s*[:：]?\s*(?:不支持|否|无|不提供|不可|不适用|不享受)`), returnRefusal, yields(KindReturnsRefused)},
	{needWords("非质量问题"), regexp.MustCompile(`非质量问题[^,。;!?\n]{0,3}?` + refuseVerb + returnWord + `(?:不换|不退)?`), returnRefusal, yields(KindReturnsRefused)},
	{needWords("售出", "出售", "卖出", "签收"), regexp.MustCompile(`(?:一经|一旦)?(?:售出|出售|卖出|签收)后?[^,。;!?\n]{0,3}?` + refuseVerb + returnWord + `(?:不换|不退)?`), returnRefusal, yields(KindReturnsRefused)},
	{needWords("退"), regexp.MustCompile(`不退不换|概不退换|恕不退换|不予退换|(?:不接受|不支持|不提供|不办理|拒绝|谢绝|不可|不能)(?:退换货|退换|退货|退款)|不退换货?|不退货`), returnRefusal, yields(KindReturnsRefused)},
	{needWords("无理由", "无忧", "无条件", "包退", "包换", "退换", "退货"), regexp.MustCompile(promiseNum + `\s*` + noReason + `|` + promiseNum + `\s*天\s*(?:包退|包换|退换|退货)(?:包换)?`), returnsOffer, yields(KindReturns7Day, KindReturnsRefused)},
}

// returnRefusal is a return refusal with the condition its sentence names.
func returnRefusal(m promiseMatch) (Promise, bool) {
	return Promise{Kind: KindReturnsRefused, Cond: returnCondition(m.sentence())}, true
}

func returnCondition(sentence string) string {
	for _, c := range returnConditions {
		if c.re.MatchString(sentence) {
			return c.cond
		}
	}
	return ""
}

// returnsOffer is an offer of no-reason returns, or a refusal when a
// negation stands just before or after it.
func returnsOffer(m promiseMatch) (Promise, bool) {
	if returnNegation.MatchString(m.before()) || returnNegationAfter.MatchString(m.after()) {
		return returnRefusal(m)
	}
	days, ok := promiseCount(m.group(1))
	if !ok {
		days, ok = promiseCount(m.group(2))
	}
	if !ok {
		return Promise{}, false
	}
	return Promise{Kind: KindReturns7Day, N: days}, true
}

// promiseOf builds a promise of kind k with nothing more to read.
func promiseOf(k string) func(promiseMatch) (Promise, bool) {
	return func(promiseMatch) (Promise, bool) { return Promise{Kind: k}, true }
}
