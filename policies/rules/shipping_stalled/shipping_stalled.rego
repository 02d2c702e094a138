# METADATA
# title: shipping-stalled
# description: 物流停滞：揽收后、签收前两条轨迹相隔超过72小时（或至今没有新轨迹）
# custom:
#   severity: warning
#   basis: 各平台物流轨迹异常规则（抖音《[商家-物流轨迹异常]实施细则》、淘宝物流轨迹异常红包）
package xiaoer.rules.shipping_stalled

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
		"link": "",
		"confirmed": false,
	},
	"suggestion": "联系承运商核实包裹位置，必要时补发并告知买家。",
	"exposure": {},
}

# needs: a stall is a gap after some tracking event.
needs := {"facts": ["events"]}

limit := shipping.tables.windows.stall_hours.value * 3600

# events are read from input directly (shipping.order has vouched for the
# document): a base document is cheaper to index than a rule.
events := input.shipment.events if shipping.order

# start is the index of the carrier's first scan: waiting for it is
# shipping-fake's business, not a stall.
start := min([i |
	some i, e in events
	shipping.tables.possession_kinds[e.kind]
])

# stop is the index of the first event after start that ends the trace
# (delivered, in a locker, returned); undefined while the parcel is on its way.
stop := min(ends) if {
	ends := [i |
		some i, e in events
		i >= start
		shipping.tables.end_kinds[e.kind]
	]
	count(ends) > 0
}

# last is the last event that counts: the one that ended the trace, or the
# latest so far.
last := x if {
	x := stop
} else := count(events) - 1

# gaps are the stalls, earliest first: between two events, or from the last
# one to now. A complete document, so it is worked out once per order.
gaps := array.concat(between, open)

between := [g |
	some i, e in input.shipment.events
	i > start
	i <= last
	e.since_prev > limit
	before := input.shipment.events[i - 1]
	g := {"seconds": e.since_prev, "from": before, "events": [before, e]}
]

open := [g |
	start <= last
	not stop
	d := shipping.now_unix - events[last].unix
	d > limit
	g := {"seconds": d, "from": events[last], "events": [events[last]]}
]

findings contains f if {
	o := shipping.order
	count(gaps) > 0
	longest := max([g.seconds | some g in gaps])
	g := [g | some g in gaps; g.seconds == longest][0]
	words := sprintf("「%s」（%s）之后 %s 没有新轨迹", [g.from.text, g.from.time, shipping.duration(longest)])
	f := shipping.finding(
		meta, shipping.compensation("stalled"),
		sprintf("订单 %s 运单 %s 物流停滞：%s", [o.order_id, o.tracking_no, words]),
		words,
		[e | some g2 in gaps; some e in g2.events],
	)
}
