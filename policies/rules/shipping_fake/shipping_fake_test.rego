package xiaoer.rules.shipping_fake_test

import data.xiaoer.rules.shipping_fake

paid := 1795140000

shipped := paid + 3600

order(extra, shared) := {"kind": "shipment", "version": 1, "context": {"platform": "pdd", "now": "2026-11-25T10:00:00+08:00", "shop": {"name": "s", "shared_with": shared}}, "shipment": object.union(
	{
		"scope": "order", "order_id": "P1", "shop": "s", "platform": "pdd", "amount": 39.9,
		"paid_at": "2026-11-20T10:00:00+08:00", "paid_at_unix": paid, "promised_ship_hours": 48,
		"marked_shipped": true, "marked_shipped_at": "2026-11-20T11:00:00+08:00", "marked_shipped_at_unix": shipped,
		"carrier": "zhongtong", "tracking_no": "ZT1",
		"trace": {"found": true, "tracking_no": "ZT1", "matches_order": true},
		"events": [ev(shipped + 1800, "created"), ev(shipped + ((23 * 3600) + 3540), "pickup")],
	},
	extra,
)}

ev(t, kind) := {"time": sprintf("%d", [t]), "unix": t, "kind": kind, "text": kind}

test_pickup_at_23h59m_is_not_fake if {
	count(shipping_fake.findings) == 0 with input as order({}, [])
}

test_pickup_at_24h01m_is_fake_with_pdd_twenty if {
	some f in shipping_fake.findings with input as order({"events": [ev(shipped + 86460, "pickup")]}, [])
	f.exposure.platform_cny == 20
	not f.exposure.confirmed
	contains(f.message, "24小时1分")
	f.details.events[1].kind == "pickup"
}

test_no_pickup_at_all_after_window if {
	some f in shipping_fake.findings with input as order({"events": [ev(shipped + 60, "created")]}, [])
	contains(f.message, "仍无揽收")
}

test_no_tracking_given_is_not_judged if {
	count(shipping_fake.findings) == 0 with input as order({"events": [], "trace": {"found": false}}, [])
}

# Known-empty tracking (inline events: [], or an answer with no events): the
# carrier has never seen the parcel.
test_known_empty_tracking_after_window_is_fake if {
	some f in shipping_fake.findings with input as order({"events": []}, [])
	contains(f.message, "承运商仍无任何轨迹，无揽收记录")
	f.details.events[0].kind == "marked_shipped"
	f.exposure.platform_cny == 20
}

test_known_empty_tracking_within_window_is_not_fake if {
	count(shipping_fake.findings) == 0 with input as order({"events": []}, []) with input.context.now as "2026-11-20T20:00:00+08:00"
}

test_known_empty_tracking_of_an_unshipped_order_is_not_fake if {
	count(shipping_fake.findings) == 0 with input as order({"events": [], "marked_shipped": false}, [])
}

test_shared_tracking_other_buyer if {
	some f in shipping_fake.findings with input as order({}, [{"order_id": "P9", "shop": "s", "same_buyer": false}])
	contains(f.message, "P9")
}

# The engine's documents list the other buyers' orders, sorted
# (other_buyer_orders); the rule names them as listed, and shared_with is
# only read when that list is absent.
test_shared_tracking_named_from_the_sorted_list if {
	doc := order({}, [{"order_id": "P9", "shop": "s", "same_buyer": false}, {"order_id": "P3", "shop": "s", "same_buyer": false}])
	some f in shipping_fake.findings with input as doc
	contains(f.message, "其他买家的订单 P3、P9")
	listed := object.union(doc, {"context": {"shop": {"other_buyer_orders": ["P3", "P9"]}}})
	some g in shipping_fake.findings with input as listed
	g.message == f.message
	none_listed := object.union(doc, {"context": {"shop": {"other_buyer_orders": []}}})
	count(shipping_fake.findings) == 0 with input as none_listed
}

test_shared_tracking_same_buyer_is_combined_shipment if {
	count(shipping_fake.findings) == 0 with input as order({}, [{"order_id": "P2", "shop": "s", "same_buyer": true}])
}

test_trace_before_payment if {
	some f in shipping_fake.findings with input as order({"events": [ev(paid - 7200, "pickup")]}, [])
	contains(f.message, "早于买家付款")
}

test_trace_for_another_number if {
	some f in shipping_fake.findings with input as order({"trace": {"found": true, "tracking_no": "ZT2", "matches_order": false}}, [])
	contains(f.message, "ZT2")
}

test_reasons_make_one_finding if {
	count(shipping_fake.findings) == 1 with input as order({"events": [ev(paid - 7200, "pickup")]}, [{"order_id": "P9", "shop": "s", "same_buyer": false}])
}

# The finding is written out for exposure tables that price no part for a
# rule asking for none; tables that do go through shipping.finding, and a
# shipment rule's finding is the same either way (two reasons here).
test_finding_through_shipping_finding_is_the_same if {
	late_pickup := order({"events": [ev(shipped + 86460, "pickup")]}, [{"order_id": "P2", "same_buyer": false}])
	flat := shipping_fake.findings with input as late_pickup
	priced := shipping_fake.findings with input as late_pickup
		with data.tables.exposure.points as {"": {"points": 2, "basis": "x", "confirmed": true}}
	count(flat) == 1
	some f in flat
	contains(f.message, "；")
	flat == priced
}
