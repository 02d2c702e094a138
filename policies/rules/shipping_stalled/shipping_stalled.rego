# METADATA
# title: shipping-stalled
# description: 物流停滞：揽收后、签收前两条轨迹相隔超过72小时（或至今没有新轨迹）
# custom:
#   severity: warning
#   basis: 各平台物流轨迹异常规则（抖音《[商家-物流轨迹异常]实施细则》、淘宝物流轨迹异常红包）
package xiaoer.rules.shipping_stalled

import data.xiaoer.lib
import data.xiaoer.lib.shipping

meta := {
	"id": "shipping-stalled",
	"title": "物流停滞",
	"severity": "warning",
	"kinds": ["shipment"],
	"description": "承运商揽收后、签收（或入柜、退回）前，两条轨迹相隔超过72小时，或最后一条轨迹至今已超过72小时。",
	"basis": {
		"law": "抖音《[商家-物流轨迹异常]实施细则》（虚假揽收、轨迹停滞）；淘宝物流轨迹异常红包；拼多多把物流停滞列为虚假发货情形",
		"penalty": "按平台赔付表向买家赔付（见 exposure，金额未证实）",
		"link": "http://www.xcjzy.com/news/detail/2171031.html",
		"confirmed": false,
	},
	"suggestion": "联系承运商核实包裹位置，必要时补发并告知买家。",
	"exposure": {},
}

limit := shipping.tables.windows.stall_hours.value * 3600

# moving are the events from the first carrier scan up to the first that
# ends the trace (delivered, in a locker, returned).
moving := [e |
	some i, e in shipping.order.events
	e.unix >= shipping.first_scan.unix
	not ended_before(i)
]

ended_before(i) if {
	some j, e in shipping.order.events
	j < i
	e.unix >= shipping.first_scan.unix
	shipping.tables.end_kinds[e.kind]
}

ended if {
	some e in moving
	shipping.tables.end_kinds[e.kind]
}

# gaps are the stalls: between two events, or from the last one to now.
gaps contains {"seconds": d, "from": moving[i - 1], "events": [moving[i - 1], moving[i]]} if {
	some i in numbers.range(1, count(moving) - 1)
	d := moving[i].unix - moving[i - 1].unix
	d > limit
}

gaps contains {"seconds": d, "from": last, "events": [last], "open": true} if {
	not ended
	last := moving[count(moving) - 1]
	d := shipping.now_unix - last.unix
	d > limit
}

findings contains f if {
	o := shipping.order
	count(gaps) > 0
	longest := max([g.seconds | some g in gaps])
	g := [g | some g in gaps; g.seconds == longest][0]
	words := sprintf("「%s」（%s）之后 %s 没有新轨迹", [g.from.text, g.from.time, shipping.duration(longest)])
	f := lib.finding(meta, shipping.hit(
		"stalled",
		sprintf("订单 %s 运单 %s 物流停滞：%s", [o.order_id, o.tracking_no, words]),
		words,
		[e | some g2 in gaps; some e in g2.events],
	))
}
