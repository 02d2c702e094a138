# METADATA
# title: shipping-fake
# description: 虚假发货：标记发货后无揽收、一个运单号用于多笔订单、轨迹早于付款、轨迹不是这个运单号
# custom:
#   severity: error
#   basis: 拼多多虚假发货规则（2022-12-19 报道）；抖音《[商家-物流轨迹异常]实施细则》；淘宝虚假发货赔付
package xiaoer.rules.shipping_fake

import data.xiaoer.lib.shipping

meta := {
	"id": "shipping-fake",
	"title": "虚假发货",
	"severity": "error",
	"kinds": ["shipment"],
	"description": "订单标记发货后，承运商在时限内没有揽收记录；或同一运单号用于不同买家的多笔订单；或轨迹早于买家付款、轨迹属于另一个运单号。",
	"basis": {
		"law": "拼多多：上传运单号后24小时内无揽收记录即为虚假发货（2022-12-19 报道）；抖音《[商家-物流轨迹异常]实施细则》（空包、重复使用运单号、虚假揽收）；淘宝虚假发货赔付",
		"penalty": "按平台赔付表向买家赔付（见 exposure）",
		"link": "",
		"confirmed": false,
	},
	"suggestion": "只在包裹交给承运商后标记发货，一个包裹一个运单号；合并发货时在订单里写明同一买家。",
	"exposure": {},
}

# needs: every reason starts from the order's tracking (a late pickup, no
# pickup, events before payment, another number's trace) or from another
# buyer's order on its tracking number.
needs := {"facts": ["tracking", "shared_other_buyer"]}

window := shipping.tables.windows.pickup_hours.value * 3600

# reasons are the facts that make one order's shipment look fake.
reasons contains r if {
	o := shipping.order
	o.marked_shipped
	o.events[0] # no events, no scan: the carrier's events are not sought
	scan := shipping.first_scan
	wait := scan.unix - o.marked_shipped_at_unix
	wait > window
	r := {
		"text": sprintf("标记发货后 %s 才有揽收（时限 %v 小时）", [shipping.duration(wait), shipping.tables.windows.pickup_hours.value]),
		"events": [shipping.shipped_event, scan],
	}
}

# Tracking that is known (trace.found: an answer, or inline events, even an
# empty list) with no carrier event is no pickup record. With no tracking
# data at all (trace.found false) nothing is known, and nothing is judged.
reasons contains r if {
	o := shipping.order
	o.marked_shipped
	o.trace.found
	count(shipping.carrier_events) == 0
	wait := shipping.now_unix - o.marked_shipped_at_unix
	wait > window
	r := {
		"text": sprintf("标记发货 %s 后%s（时限 %v 小时）", [shipping.duration(wait), no_pickup(o), shipping.tables.windows.pickup_hours.value]),
		"events": array.concat([shipping.shipped_event], o.events),
	}
}

# no_pickup words what the tracking shows: nothing at all (the carrier has
# never seen the parcel), or events without a pickup.
no_pickup(o) := "承运商仍无任何轨迹，无揽收记录" if count(o.events) == 0

else := "仍无揽收记录"

reasons contains r if {
	o := shipping.order
	count(other_buyer_orders) > 0
	r := {
		"text": sprintf("运单号 %s 同时用于其他买家的订单 %s", [o.tracking_no, concat("、", other_buyer_orders)]),
		"events": [shipping.shipped_event],
	}
}

# other_buyer_orders are the orders of other buyers on the order's tracking
# number, sorted: listed by the engine's documents, else picked out of
# shared_with here (documents written by hand).
other_buyer_orders := input.context.shop.other_buyer_orders if {
	is_array(input.context.shop.other_buyer_orders)
} else := sort([s.order_id | some s in input.context.shop.shared_with; not s.same_buyer])

reasons contains r if {
	o := shipping.order
	e := o.events[0]
	e.unix < o.paid_at_unix
	r := {
		"text": sprintf("轨迹 %s 早于买家付款 %s", [e.time, o.paid_at]),
		"events": [e, shipping.paid_event],
	}
}

reasons contains r if {
	o := shipping.order
	o.trace.found
	not o.trace.matches_order
	r := {
		"text": sprintf("物流轨迹属于运单号 %s，不是订单的 %s", [o.trace.tracking_no, o.tracking_no]),
		"events": [shipping.shipped_event],
	}
}

# hits are what the rule found, one an order, naming every reason and its
# proof: message, evidence, events and compensation. findings wraps each in
# the finding object; the engine wraps them alike in Go when the exposure
# tables are flat (scanner/engine/shiphits.go), so an order on a busy
# tracking number does not pay for building the object in Rego.
# One reason (a shared number, most often) is its own evidence and events:
# the same hit as below without the sort and the two comprehensions.
hits contains h if {
	o := shipping.order
	count(reasons) == 1
	some r in reasons
	h := {
		"message": sprintf("订单 %s 疑似虚假发货：%s", [o.order_id, r.text]),
		"evidence": r.text,
		"events": r.events,
		"compensation": shipping.compensation("fake"),
	}
}

hits contains h if {
	o := shipping.order
	count(reasons) > 1
	evidence := concat("；", sort([r.text | some r in reasons]))
	h := {
		"message": sprintf("订单 %s 疑似虚假发货：%s", [o.order_id, evidence]),
		"evidence": evidence,
		"events": [e | some r in reasons; some e in r.events],
		"compensation": shipping.compensation("fake"),
	}
}

# The finding is the object shipping.finding builds, written out: a
# function that returns a finding costs a sixth of this rule's evaluation.
findings contains f if {
	shipping.flat_exposure
	some h in hits
	o := shipping.order
	comp := h.compensation
	f := {
		"rule": meta.id,
		"severity": meta.severity,
		"message": h.message,
		"field": "",
		"span": {"start": 0, "end": 0},
		"evidence": h.evidence,
		"basis": meta.basis,
		"suggestion": meta.suggestion,
		"exposure": {
			"punitive_cny": 0,
			"platform_cny": comp.cny,
			"fine_cny": [0, 0],
			"points": 0,
			"basis": [b | b := comp.basis; b != ""],
			"confirmed": comp.confirmed != false,
		},
		"details": {"order_id": o.order_id, "tracking_no": o.tracking_no, "shop": o.shop, "events": h.events},
	}
}

# The same finding through shipping.finding when the exposure tables price
# a rule that asks for no part.
findings contains f if {
	not shipping.flat_exposure
	some h in hits
	f := shipping.finding(meta, h.compensation, h.message, h.evidence, h.events)
}
