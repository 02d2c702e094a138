package xiaoer.rules.shipping_stalled_test

import data.xiaoer.rules.shipping_stalled

paid := 1795140000

h := 3600

order(events) := {"kind": "shipment", "version": 1, "context": {"platform": "taobao", "now": "2026-12-01T10:00:00+08:00", "shop": {"name": "s", "shared_with": []}}, "shipment": {
	"scope": "order", "order_id": "S1", "shop": "s", "platform": "taobao", "amount": 59,
	"paid_at": "p", "paid_at_unix": paid, "promised_ship_hours": 48,
	"marked_shipped": true, "marked_shipped_at": "m", "marked_shipped_at_unix": paid + h,
	"carrier": "yunda", "tracking_no": "YD1", "trace": {"found": true, "matches_order": true}, "events": with_gaps(events),
}}

# with_gaps adds since_prev as the Go side does.
with_gaps(events) := [object.union(e, {"since_prev": gap}) |
	some i, e in events
	gap := since_prev(events, i)
]

since_prev(events, i) := events[i].unix - events[i - 1].unix if i > 0

since_prev(_, 0) := 0

ev(t, kind) := {"time": sprintf("%d", [t]), "unix": t, "kind": kind, "text": kind}

test_long_but_moving_trace_is_not_stalled if {
	# eight days door to door, never more than 72 h between scans
	count(shipping_stalled.findings) == 0 with input as order([
		ev(paid + (2 * h), "pickup"), ev(paid + (70 * h), "transit"),
		ev(paid + (140 * h), "transit"), ev(paid + (190 * h), "delivered"),
	])
}

test_gap_of_exactly_72h_is_not_stalled if {
	count(shipping_stalled.findings) == 0 with input as order([ev(paid + (2 * h), "pickup"), ev(paid + (74 * h), "delivered")])
}

test_gap_over_72h_is_stalled if {
	some f in shipping_stalled.findings with input as order([
		ev(paid + (2 * h), "pickup"), ev(paid + (10 * h), "transit"),
		ev(paid + (100 * h), "transit"), ev(paid + (120 * h), "delivered"),
	])
	contains(f.message, "90小时0分")
	f.severity == "warning"
	count(f.details.events) == 2
	f.exposure.platform_cny == 0
}

test_open_gap_to_now_is_stalled if {
	# last scan 2026-11-21 12:00, now 2026-12-01: no delivery
	some f in shipping_stalled.findings with input as order([ev(paid + (2 * h), "pickup"), ev(paid + (26 * h), "transit")])
	contains(f.message, "transit")
}

test_gap_after_delivery_is_ignored if {
	count(shipping_stalled.findings) == 0 with input as order([
		ev(paid + (2 * h), "pickup"), ev(paid + (20 * h), "delivered"),
		ev(paid + (200 * h), "transit"),
	])
}

test_wait_for_pickup_is_not_a_stall if {
	# the 100 h before the first scan are shipping-fake's business
	count(shipping_stalled.findings) == 0 with input as order([ev(paid + h, "created"), ev(paid + (101 * h), "pickup"), ev(paid + (120 * h), "delivered")])
}

test_pdd_stall_is_priced_unconfirmed if {
	inp := json.patch(order([ev(paid + (2 * h), "pickup"), ev(paid + (80 * h), "delivered")]), [{"op": "replace", "path": "/shipment/platform", "value": "pdd"}])
	some f in shipping_stalled.findings with input as inp
	f.exposure.platform_cny == 20
	not f.exposure.confirmed
}

test_single_scan_after_a_long_wait_is_not_stalled if {
	# created, then picked up 100 h later, picked up recently: no gap counts
	count(shipping_stalled.findings) == 0 with input as order([ev(paid + h, "created"), ev(paid + (260 * h), "pickup")])
}

test_never_picked_up_is_not_stalled if {
	# only "waiting for pickup" for days: shipping-fake's business
	count(shipping_stalled.findings) == 0 with input as order([ev(paid + h, "created")])
}
