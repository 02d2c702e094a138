package facts

import (
	"regexp"
	"strings"
	"sync"
)

// Shipping promise kinds. Hours is the window in hours; presale and
// ship_after_payment_days also carry N, the days as written.
const (
	KindShipImmediate   = "ship_immediate"          // 秒发, 现货秒发, 闪电发货
	KindShipSameDay     = "ship_same_day"           // 当天发 (Hours 24)
	KindShipWithinHours = "ship_within_hours"       // 24小时发货, 48小时内发货
	KindShipAfterDays   = "ship_after_payment_days" // 付款后15天内发货, 发货时间: 付款后15天内
	KindPresale         = "presale"                 // 预售, 预售15天, 是否预售: 是
	KindInStock         = "in_stock"                // 现货
)

// payPrefix is the optional "after payment" lead of a shipping window.
const payPrefix = `((?:付款|下单|拍下|支付|购买)(?:成功)?后?\s*)?`

// shippingPartial marks a shipping sentence that binds some variants or
// periods only (预售款, 预售商品, 部分颜色预售, 大促期间, 最迟), not the
// whole listing.
// A caveat such as 节假日顺延 or 如遇缺货 does not narrow the promise.
var shippingPartial = regexp.MustCompile(`(?:预售|现货|定制|订制)(?:款|商品|产品|宝贝)|部分[^,。;!?\n]{0,4}?(?:预售|现货|款|颜色|尺码|规格|sku)|个别|少数|(?:预售|定制|大促)(?:商品|款)?除外|期间|最迟|最晚|最长|不超过`)

// shippingPartialScan tries shippingPartial where a match can start: it
// reads the whole sentence of every shipping promise.
var shippingPartialScan = sync.OnceValue(func() *startScan { return newStartScan(shippingPartial) })

// shipLabel is an attribute or copy label that makes a bare window a shipping
// promise (发货时间: 48小时内).
var shipLabel = regexp.MustCompile(`发货(?:时间|时效|周期)?\s*[:：]?\s*$`)

var shippingMatchers = []promiseMatcher{
	// Negated stock and presale claim their words and record nothing.
	{needWords("预售", "现货"), regexp.MustCompile(`是否预售\s*[:：]\s*(?:否|不是|no)|非预售|不是预售|无预售|非现货|不是现货|没有现货|无现货|暂无现货|现货已?售[完罄空]|预售已?经?(?:结束|截止)`), promiseSuppress, yields()},
	{needWords("预售"), regexp.MustCompile(`是否预售\s*[:：]\s*(?:是|yes)`), shippingPromise(KindPresale), yields(KindPresale)},
	{needWords("预售"), regexp.MustCompile(`预售(?:期|时间|周期)?\s*[:：]?\s*(?:约)?\s*` + promiseRange + `\s*(?:个)?\s*(?:工作日|天|日)`), presaleDays, yields(KindPresale)},
	{needWords("预售"), regexp.MustCompile(`预售`), shippingPromise(KindPresale), yields(KindPresale)},
	{needWords("发"), regexp.MustCompile(`(?:现货)?(?:秒发|闪电发货|极速发货|立即发货|马上发货|火速发货|即拍即发|拍下即发|下单即发|付款即发)`), shippingPromise(KindShipImmediate), yields(KindShipImmediate)},
	{needWords("发", "出货"), regexp.MustCompile(`(?:当天|当日|今天|今日)\s*(?:内)?\s*(?:发货|发出|出货|发)`), shipSameDay, yields(KindShipSameDay)},
	{needWords("发"), regexp.MustCompile(payPrefix + promiseRange + `\s*(?:个)?\s*(?:小时|h|hr|hrs)\s*(?:内|之内|以内)?\s*(?:极速|闪电|火速|快速)?(?:发货|发出|出货|内发|发)?`), shipWindow(1), yields(KindShipWithinHours)},
	{needWords("发"), regexp.MustCompile(payPrefix + promiseRange + `\s*(?:个)?\s*(?:工作日|天|日)\s*(?:内|之内|以内|左右)?\s*(?:发货|发出|出货|内发|发)?`), shipWindow(24), yields(KindShipAfterDays)},
	{needWords("现货"), regexp.MustCompile(`现货(?:供应|充足|直发|速发|发售|在库)?`), shippingPromise(KindInStock), yields(KindInStock)},
}

// shippingPromise builds a promise of kind k, partial when its sentence says so.
func shippingPromise(k string) func(promiseMatch) (Promise, bool) {
	return func(m promiseMatch) (Promise, bool) {
		return Promise{Kind: k, Scope: shippingScope(m)}, true
	}
}

func shippingScope(m promiseMatch) string {
	if shippingPartialScan().matchString(m.sentence()) {
		return ScopePartial
	}
	return ""
}

func shipSameDay(m promiseMatch) (Promise, bool) {
	return Promise{Kind: KindShipSameDay, Hours: 24, Scope: shippingScope(m)}, true
}

func presaleDays(m promiseMatch) (Promise, bool) {
	days, ok := promiseRangeHigh(m.group(1), m.group(2))
	if !ok {
		return Promise{}, false
	}
	return Promise{Kind: KindPresale, N: days, Hours: days * 24, Scope: shippingScope(m)}, true
}

// shipWindow builds a shipping window from a count of hours (unit 1) or days
// (unit 24). Its matchers need 发 in the sentence, since every accepted
// window has it. A bare count is a shipping promise only when the words say so:
// a trailing 发货, a payment lead in a clause about shipping, or a label such
// as 发货时间. That keeps 保质期15天 and 72小时到达 out.
func shipWindow(unit float64) func(promiseMatch) (Promise, bool) {
	return func(m promiseMatch) (Promise, bool) {
		n, ok := promiseRangeHigh(m.group(2), m.group(3))
		if !ok || !isShippingWindow(m) {
			return Promise{}, false
		}
		p := Promise{Kind: KindShipWithinHours, Hours: n * unit, Scope: shippingScope(m)}
		if unit == 24 {
			p.Kind, p.N = KindShipAfterDays, n
		}
		return p, true
	}
}

var shipVerb = regexp.MustCompile(`发货|发出|出货|内发|发$`)

func isShippingWindow(m promiseMatch) bool {
	switch {
	case strings.HasSuffix(m.before(), "月"):
		return false // 12月1日发货 is a date, not a one-day window
	case shipVerb.MatchString(m.text()):
		return true
	case m.group(1) != "":
		return shipVerb.MatchString(m.clause())
	default:
		return shipLabel.MatchString(m.before())
	}
}

// promiseSuppress claims negated wording so no later matcher reads it as an offer.
func promiseSuppress(promiseMatch) (Promise, bool) { return Promise{}, true }
