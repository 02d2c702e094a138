package xiaoer.rules.shipping_promise_rate_test

import data.xiaoer.rules.shipping_promise_rate

listing(orders, late) := {"kind": "shipment", "version": 1, "context": {"platform": "taobao", "now": "2026-11-23T10:00:00+08:00"}, "shipment": {
	"scope": "listing", "shop": "s", "platform": "taobao", "listing_id": "L1",
	"promised_ship_hours": 24, "orders": orders, "late": late, "pending": 0, "late_orders": ["A", "B"],
}}

test_eighteen_percent_late_is_an_error if {
	some f in shipping_promise_rate.findings with input as listing(50, 9)
	f.severity == "error"
	contains(f.message, "18%")
	f.details.listing_id == "L1"
}

test_ten_percent_late_is_a_warning if {
	some f in shipping_promise_rate.findings with input as listing(20, 2)
	f.severity == "warning"
}

test_five_percent_is_not_reported if {
	count(shipping_promise_rate.findings) == 0 with input as listing(20, 1)
}

test_too_few_orders_are_not_judged if {
	count(shipping_promise_rate.findings) == 0 with input as listing(9, 5)
}

test_order_documents_are_ignored if {
	inp := json.patch(listing(50, 9), [{"op": "replace", "path": "/shipment/scope", "value": "order"}])
	count(shipping_promise_rate.findings) == 0 with input as inp
}
