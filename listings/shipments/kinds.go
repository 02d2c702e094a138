package shipments

import "strings"

// Event kinds, shared with the policies (tables/shipping: which kinds prove
// the carrier holds the parcel, which end a trace).
const (
	KindCreated     = "created"              // waybill printed, waiting for the courier
	KindPickup      = "pickup"               // 揽收: the carrier has the parcel
	KindTransit     = "transit"              // moving between depots
	KindOutDelivery = "out_for_delivery"     // 派件
	KindCollection  = "ready_for_collection" // in a locker or 驿站, waiting for the buyer
	KindDelivered   = "delivered"            // 签收
	KindException   = "exception"            // 疑难, 问题件, 滞留
	KindReturned    = "returned"             // 退回, 拒收, 退签
)

// statusKinds maps the status words Kuaidi100 puts on each event (resultv2)
// and its numeric trace states.
var statusKinds = map[string]string{
	"揽收": KindPickup, "在途": KindTransit, "派件": KindOutDelivery, "签收": KindDelivered,
	"疑难": KindException, "退签": KindReturned, "退回": KindReturned, "转投": KindTransit,
	"拒签": KindReturned, "清关": KindTransit, "待清关": KindTransit, "清关中": KindTransit,
	"已清关": KindTransit, "清关异常": KindException, "下单": KindCreated, "待揽收": KindCreated,
	"已揽收": KindPickup, "在途中": KindTransit, "派件中": KindOutDelivery, "已签收": KindDelivered,
	"问题件": KindException, "待取件": KindCollection,
}

// kdniaoActions maps KDNiao's per-trace Action codes (detailed states).
var kdniaoActions = map[string]string{
	"1": KindPickup, "2": KindTransit, "201": KindTransit, "204": KindTransit, "205": KindTransit,
	"206": KindTransit, "202": KindOutDelivery, "211": KindCollection, "3": KindDelivered,
	"301": KindDelivered, "302": KindDelivered, "304": KindDelivered, "311": KindDelivered,
	"4": KindException, "401": KindException, "402": KindException, "403": KindException,
	"404": KindReturned, "405": KindException, "406": KindReturned, "407": KindReturned,
	"412": KindException, "5": KindTransit, "6": KindTransit, "10": KindCreated,
}

// textRules classify an event by its text when no status says. Order matters:
// "等待揽收" names 揽收 but means the courier has not come; "拒收" and "退回"
// outrank 签收 ("拒收，已退回" is no delivery); 签收 outranks 派件 because a
// delivery text often names the courier who "派件".
var textRules = []struct {
	kind  string
	words []string
}{
	{KindCreated, []string{"等待揽收", "待揽收", "待揽件", "等待揽件", "已下单", "已接单", "已打单", "订单信息已提交", "已发货，等待", "电子面单已打印", "等待快递员"}},
	{KindReturned, []string{"拒收", "拒签", "退回", "退件", "退签", "返回寄件"}},
	{KindDelivered, []string{"签收", "妥投", "已送达本人"}},
	{KindCollection, []string{"代收", "请及时取件", "待取件", "已放入", "已存放", "驿站", "快递柜"}},
	{KindException, []string{"疑难", "问题件", "滞留", "异常", "无法联系", "地址不详"}},
	{KindOutDelivery, []string{"派件", "派送", "正在投递", "投递中", "安排投递"}},
	{KindPickup, []string{"已揽收", "已收件", "揽件", "揽收", "已收寄", "收寄", "已收取快件"}},
}

// Classify returns an event's kind: from its status when the answer gives a
// known one, otherwise from its text; a carrier event that names nothing
// else (已收入, 已发出, 到达) is transit.
func Classify(status, text string) string {
	if k, ok := statusKinds[strings.TrimSpace(status)]; ok {
		return k
	}
	return classifyText(text)
}

func classifyText(text string) string {
	for _, r := range textRules {
		for _, w := range r.words {
			if strings.Contains(text, w) {
				return r.kind
			}
		}
	}
	return KindTransit
}
