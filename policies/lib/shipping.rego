# METADATA
# title: shipping helpers
# description: |
#   What the shipping rules share: the order of a shipment document, its
#   ship deadline (the promise, or the platform default), the carrier's first
#   scan, the time now, duration wording, and the compensation a platform
#   makes the seller pay, all from data.tables.shipping.
package xiaoer.lib.shipping

import data.xiaoer.lib

tables := data.tables.shipping

# order is the shipment document of one order; undefined for other documents.
order := input.shipment if {
	input.kind == "shipment"
	input.shipment.scope == "order"
}

# now_unix is the run's clock (input.context.now, so runs repeat).
now_unix := floor(time.parse_rfc3339_ns(input.context.now) / 1000000000)

# promise is the shipping window the order was sold under: its own, or the
# platform default (with the default's basis and confirmed flag).
promise := {"hours": order.promised_ship_hours, "stated": true, "basis": "", "confirmed": true} if {
	order.promised_ship_hours > 0
} else := {"hours": d.hours, "stated": false, "basis": d.basis, "confirmed": d.confirmed} if {
	d := object.get(tables.default_ship_hours, order.platform, tables.default_ship_hours["default"])
}

deadline_unix := order.paid_at_unix + (promise.hours * 3600)

# carrier_events are the events that show the carrier holds the parcel.
carrier_events := [e |
	some e in order.events
	tables.possession_kinds[e.kind]
]

# first_scan is the carrier's first scan; undefined when there is none.
first_scan := carrier_events[0]

# paid_event and shipped_event are the order's own steps, shown beside the
# tracking events that prove a finding.
paid_event := {"time": order.paid_at, "unix": order.paid_at_unix, "kind": "paid", "text": "买家付款"}

shipped_event := {"time": o.marked_shipped_at, "unix": o.marked_shipped_at_unix, "kind": "marked_shipped", "text": sprintf("卖家标记发货（%s %s）", [o.carrier, o.tracking_no])} if {
	# the usual order, with its carrier and number, in one step: a rule
	# evaluation costs more than its expressions
	o := order
	o.carrier != ""
	o.tracking_no != ""
} else := {"time": o.marked_shipped_at, "unix": o.marked_shipped_at_unix, "kind": "marked_shipped", "text": shipped_text} if {
	o := order # bound once: a local is cheaper to index than a rule
}

# shipped_text names the carrier and the number the order was marked
# shipped with, as far as it gives them: an order without them is judged
# all the same.
shipped_text := sprintf("卖家标记发货（%s %s）", [o.carrier, o.tracking_no]) if {
	o := order
	o.carrier != ""
	o.tracking_no != ""
} else := sprintf("卖家标记发货（%s）", [o.carrier]) if {
	o := order
	o.carrier != ""
} else := sprintf("卖家标记发货（%s）", [o.tracking_no]) if {
	o := order
	o.tracking_no != ""
} else := "卖家标记发货" if order

# duration words seconds as 小时 and 分.
duration(seconds) := sprintf("%d小时%d分", [h, m]) if {
	minutes := floor(seconds / 60)
	h := floor(minutes / 60)
	m := minutes - (h * 60)
}

# compensation is what the platform makes the seller pay for an order under
# one of its shipping rules (late, fake, stalled), with the rule's basis.
compensation(kind) := {"cny": rule.amount, "basis": rule.basis, "confirmed": rule.confirmed} if {
	# a fixed amount, most platforms' figure, without cny's steps
	rule := data.tables.shipping.compensation[order.platform][kind]
	rule.method == "fixed"
} else := {"cny": cny(rule), "basis": rule.basis, "confirmed": rule.confirmed} if {
	rule := data.tables.shipping.compensation[order.platform][kind]
} else := {"cny": 0, "basis": sprintf("平台「%s」的发货违规赔付标准未证实", [order.platform]), "confirmed": false}

cny(rule) := round_cents(min([max([(order.amount * rule.percent) / 100, rule.min]), rule.max])) if {
	rule.method == "percent"
} else := rule.amount if {
	rule.method == "fixed"
} else := 0 if rule.method == "none"

round_cents(x) := round(x * 100) / 100

# flat_exposure holds when a rule that asks for no exposure part (meta.exposure
# empty, as every shipment rule's) gets only the platform's compensation:
# the exposure tables have no fine nor points for the empty part. Rules that
# write shipping.finding's object out (shipping-fake, shipping-late) check it.
flat_exposure if {
	# not fines[""], not points[""]: negations cost more
	object.get(data.tables.exposure, ["fines", ""], false) == false
	object.get(data.tables.exposure, ["points", ""], false) == false
}

# finding is the finding of a shipment rule for this order: the one
# lib.finding(meta, hit) gives for the hit of compensation comp (a
# compensation(kind), perhaps marked unconfirmed), built flat. A finding per
# order makes the helpers' steps count: for a rule that asks for no
# exposure part (meta.exposure empty), this is a third of them.
finding(meta, comp, message, evidence, events) := f if {
	object.get(meta, "exposure", {}) == {}
	not data.tables.exposure.fines[""]
	not data.tables.exposure.points[""]
	o := order
	f := {
		"rule": meta.id,
		"severity": meta.severity,
		"message": message,
		"field": "",
		"span": {"start": 0, "end": 0},
		"evidence": evidence,
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
		"details": {"order_id": o.order_id, "tracking_no": o.tracking_no, "shop": o.shop, "events": events},
	}
} else := lib.finding(meta, {
	"message": message,
	"evidence": evidence,
	"details": details(events),
	"platform_cny": comp.cny,
	"platform_basis": comp.basis,
	"platform_confirmed": comp.confirmed,
})

details(events) := {"order_id": o.order_id, "tracking_no": o.tracking_no, "shop": o.shop, "events": events} if {
	o := order
}

# hit adds what every shipment finding carries: the order, its tracking
# number, the events that prove it, and the compensation due.
hit(kind, message, evidence, events) := {
	"message": message,
	"evidence": evidence,
	"details": {"order_id": order.order_id, "tracking_no": order.tracking_no, "shop": order.shop, "events": events},
	"platform_cny": comp.cny,
	"platform_basis": comp.basis,
	"platform_confirmed": comp.confirmed,
} if {
	comp := compensation(kind)
}
