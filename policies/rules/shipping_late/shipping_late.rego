# METADATA
# title: shipping-late
# description: 标记发货晚于承诺的发货时限（或超过时限仍未发货）
# custom:
#   severity: error
#   basis: 《淘宝网市场管理与违规处理规范》违背发货时间承诺；各平台延迟发货规则
package xiaoer.rules.shipping_late

import data.xiaoer.lib.shipping

meta := {
	"id": "shipping-late",
	"title": "延迟发货",
	"severity": "error",
	"kinds": ["shipment"],
	"description": "订单在承诺的发货时限之后才标记发货，或超过时限仍未发货。时限取订单的承诺发货时长，未写明时按平台默认时长（未证实）。",
	"basis": {
		"law": "《淘宝网市场管理与违规处理规范》违背承诺（发货时间）；拼多多延迟发货规则；天猫延迟发货规则",
		"penalty": "按平台赔付表向买家赔付（见 exposure）",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "按承诺时限发货；备货不足时把承诺改为实际能做到的时长，或改为预售并写明发货日期。",
	"exposure": {},
}

# needs: an order shipped (or still unshipped) after its stated promise,
# or one that states none (the platform default is this rule's to apply).
needs := {"facts": ["overdue"]}

# compensation: an unstated promise makes the figure as unconfirmed as the
# platform default it rests on.
compensation := c if {
	# the confirmed promise first, most orders' (a stated one): a
	# negation costs more
	shipping.promise.confirmed != false
	c := shipping.compensation("late")
} else := object.union(shipping.compensation("late"), {"confirmed": false})

promise_words := sprintf("付款后%v小时内发货", [shipping.promise.hours]) if {
	shipping.promise.stated
} else := sprintf("付款后%v小时内发货（未写明承诺，按平台默认：%s）", [shipping.promise.hours, shipping.promise.basis])

# hits are what the rule found (one at most): a late shipment, or an
# order still unshipped past its deadline, worded, with the order's steps
# that prove it and the compensation. findings wraps each in the finding
# object; the engine wraps them alike in Go when the exposure tables are
# flat (scanner/engine/shiphits.go).
hits contains {
	"message": sprintf("订单 %s 承诺%s，%s 才标记发货，超时 %s", [o.order_id, promise_words, o.marked_shipped_at, shipping.duration(over)]),
	"evidence": sprintf("付款 %s；标记发货 %s", [o.paid_at, o.marked_shipped_at]),
	"events": [shipping.paid_event, shipping.shipped_event],
	"compensation": compensation,
} if {
	o := shipping.order
	o.marked_shipped
	over := o.marked_shipped_at_unix - shipping.deadline_unix
	over > 0
}

hits contains {
	"message": sprintf("订单 %s 承诺%s，已超时 %s 仍未发货", [o.order_id, promise_words, shipping.duration(over)]),
	"evidence": sprintf("付款 %s；至 %s 未发货", [o.paid_at, input.context.now]),
	"events": [shipping.paid_event],
	"compensation": compensation,
} if {
	o := shipping.order
	not o.marked_shipped
	over := shipping.now_unix - shipping.deadline_unix
	over > 0
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
