package facts

import (
	"regexp"
	"strings"
)

// Invoice promise kinds. invoice_surcharge carries N, the percent asked
// (0 when the copy names no figure: 开票需加钱, 价格不含税).
const (
	KindInvoiceAvailable = "invoice_available" // 可开发票, 发票随货, 可开专票
	KindInvoiceRefused   = "invoice_refused"   // 不开发票, 发票: 无
	KindInvoiceSurcharge = "invoice_surcharge" // 发票另加6%税点, 开票需加钱, 不要发票优惠5元
)

const invoiceWord = `(?:发票|开票|专票|普票|含票|带票|开专票|开普票|开具发票|开发票|要发票|需要发票|需开票)`

var invoiceMatchers = []promiseMatcher{
	// Free of charge first: 开票不加点 is an offer, not a surcharge.
	{needWords("票", "税"), regexp.MustCompile(invoiceWord + `[^,。;!?\n]{0,3}?(?:不加|无需加|不需加|不用加|无需另|不另|不收|免费)(?:收|付)?(?:钱|点|税点|费用|费|税)?|免费(?:开具|提供|开)(?:发票|票|专票|普票)`), promiseOf(KindInvoiceAvailable), yields(KindInvoiceAvailable)},
	// A discount for going without an invoice is a surcharge for having one.
	{needWords("票", "税"), regexp.MustCompile(`不(?:开|要|需要)(?:发票|票|开票)[^,。;!?\n]{0,4}?(?:优惠|便宜|立减|减|少收|返)`), promiseOf(KindInvoiceSurcharge), yields(KindInvoiceSurcharge)},
	{needWords("票", "税"), regexp.MustCompile(invoiceWord + `[^,。;!?\n]{0,6}?(?:另加|加收|另收|需加|要加|需补|另付|另算|另计|\+|加|补)\s*` + promiseNum + `?\s*(%|个点|点)?\s*(税点|税费|税|钱|费用|费)?`), invoiceSurcharge(1), yields(KindInvoiceSurcharge)},
	{needWords("票", "税"), regexp.MustCompile(`(?:另加|加收|另付|需补|补|加)\s*` + promiseNum + `\s*(%|个点|点)\s*(税点|税)?[^,。;!?\n]{0,4}?(?:可)?(?:开|开具|提供)(?:发票|票|专票|普票)`), invoiceSurcharge(1), yields(KindInvoiceSurcharge)},
	{needWords("票", "税"), regexp.MustCompile(`不含(?:税|票|发票)|未税价?|税点(?:另算|另计|另加|另付|自理)|加税点`), promiseOf(KindInvoiceSurcharge), yields(KindInvoiceSurcharge)},
	{needWords("票", "税"), regexp.MustCompile(`(?:不提供|不支持开?|不开具|不开|不给开|不出具|不负责开|无法开具?|无法提供|不能开具?|不能提供|不可开具?|不予开具?|暂不开具?|暂不提供|暂不支持开?|概不开具?|概不提供|拒开|拒绝开具?|谢绝开具?|没有|无)(?:任何)?(?:电子|纸质|增值税|普通|专用)*(?:发票|票据|票)`), promiseOf(KindInvoiceRefused), yields(KindInvoiceRefused)},
	{needWords("票", "税"), regexp.MustCompile(`(?:发票|开票)\s*[:：]?\s*(?:不提供|不开|不支持|无|否|没有)`), promiseOf(KindInvoiceRefused), yields(KindInvoiceRefused)},
	{needWords("票", "税"), regexp.MustCompile(`(?:可|可以|能|均可|都可|支持|提供|开具|可开具|可提供|正规|随货|附|带|含)(?:开|开具|提供)?(?:具)?(?:正规|电子|纸质|增值税|普通|专用)*(?:发票|专票|普票|开票)|发票随货|随货(?:附|开|寄)?(?:发票|票)|电子发票|(?:开票|发票)\s*[:：]\s*(?:提供|支持|可开|是|有)`), promiseOf(KindInvoiceAvailable), yields(KindInvoiceAvailable)},
}

// invoiceSurcharge reads the percent of an invoice surcharge. A match with neither
// a figure nor a word for money (发票随货加急) is not a surcharge.
func invoiceSurcharge(group int) func(promiseMatch) (Promise, bool) {
	return func(m promiseMatch) (Promise, bool) {
		num, unit, noun := m.group(group), m.group(group+1), m.group(group+2)
		if num == "" && noun == "" {
			return Promise{}, false
		}
		p := Promise{Kind: KindInvoiceSurcharge}
		if n, ok := promiseCount(num); ok && (unit == "%" || strings.Contains(unit, "点") || strings.Contains(noun, "税")) {
			p.N = n
		}
		return p, true
	}
}
