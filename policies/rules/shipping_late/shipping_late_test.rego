package xiaoer.rules.shipping_late_test

import data.xiaoer.rules.shipping_late

# 2026-11-20T10:00:00+08:00
paid := 1795140000

order(extra) := {"kind": "shipment", "version": 1, "context": {"platform": "taobao", "now": "2026-11-23T10:00:00+08:00", "shop": {"name": "s", "shared_with": []}}, "shipment": object.union(
	{
		"scope": "order", "order_id": "T1", "shop": "s", "platform": "taobao", "amount": 129,
		"paid_at": "2026-11-20T10:00:00+08:00", "paid_at_unix": paid, "promised_ship_hours": 24,
		"marked_shipped": true, "marked_shipped_at": "x", "marked_shipped_at_unix": paid + 86400,
		"carrier": "yuantong", "tracking_no": "YT1", "trace": {"found": false}, "events": [],
	},
	extra,
)}

test_shipped_exactly_at_deadline_is_on_time if {
	count(shipping_late.findings) == 0 with input as order({})
}

test_one_second_late_is_late_with_taobao_compensation if {
	some f in shipping_late.findings with input as order({"marked_shipped_at_unix": paid + 86401})
	f.rule == "shipping-late"
	f.exposure.platform_cny == 12.9
	f.exposure.confirmed
	f.details.order_id == "T1"
	f.details.tracking_no == "YT1"
	count(f.details.events) == 2
}

test_taobao_minimum_and_maximum if {
	some low in shipping_late.findings with input as order({"amount": 19, "marked_shipped_at_unix": paid + 90000})
	low.exposure.platform_cny == 5
	some high in shipping_late.findings with input as order({"amount": 2999, "marked_shipped_at_unix": paid + 90000})
	high.exposure.platform_cny == 100
}

test_pdd_fixed_three_unconfirmed if {
	some f in shipping_late.findings with input as order({"platform": "pdd", "marked_shipped_at_unix": paid + 90000})
	f.exposure.platform_cny == 3
	not f.exposure.confirmed
}

test_tmall_thirty_percent_capped if {
	some f in shipping_late.findings with input as order({"platform": "tmall", "amount": 2000, "marked_shipped_at_unix": paid + 90000})
	f.exposure.platform_cny == 500
	not f.exposure.confirmed
}

test_unshipped_past_deadline_is_late if {
	some f in shipping_late.findings with input as order({"marked_shipped": false, "marked_shipped_at_unix": 0})
	contains(f.message, "仍未发货")
}

test_unshipped_within_window_is_not_late if {
	count(shipping_late.findings) == 0 with input as order({"marked_shipped": false, "marked_shipped_at_unix": 0, "promised_ship_hours": 96})
}

test_default_window_is_unconfirmed if {
	# no promise stated: 48 h default; shipped at 49 h
	some f in shipping_late.findings with input as order({"promised_ship_hours": 0, "marked_shipped_at_unix": paid + (49 * 3600)})
	not f.exposure.confirmed
	count(shipping_late.findings) == 0 with input as order({"promised_ship_hours": 0, "marked_shipped_at_unix": paid + (47 * 3600)})
}

test_listing_documents_are_ignored if {
	count(shipping_late.findings) == 0 with input as {"kind": "listing", "listing": {"fields": {}}, "context": {"now": "2026-11-23T10:00:00+08:00"}}
}

# An order marked shipped without a carrier or a number is judged all the
# same: the shipped step names what the order gives.
test_late_without_carrier_or_number_is_still_late if {
	doc := order({"marked_shipped_at_unix": paid + 90000, "tracking_no": ""})
	some f in shipping_late.findings with input as without_carrier(doc)
	f.details.events[1].text == "卖家标记发货"
	some g in shipping_late.findings with input as without_carrier(order({"marked_shipped_at_unix": paid + 90000}))
	g.details.events[1].text == "卖家标记发货（YT1）"
	some h in shipping_late.findings with input as order({"marked_shipped_at_unix": paid + 90000})
	h.details.events[1].text == "卖家标记发货（yuantong YT1）"
}

without_carrier(doc) := object.union(object.remove(doc, ["shipment"]), {"shipment": object.remove(doc.shipment, ["carrier"])})

# The finding is written out for exposure tables that price no part for a
# rule asking for none; tables that do go through shipping.finding, and a
# shipment rule's finding is the same either way.
test_finding_through_shipping_finding_is_the_same if {
	input_late := order({"marked_shipped_at_unix": paid + 200000, "platform": "pdd", "promised_ship_hours": 0})
	flat := shipping_late.findings with input as input_late
	priced := shipping_late.findings with input as input_late
		with data.tables.exposure.fines as {"": {"min": 1, "max": 2, "basis": "x", "confirmed": true}}
	count(flat) == 1
	flat == priced
}
