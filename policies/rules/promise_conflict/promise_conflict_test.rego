package xiaoer.rules.promise_conflict_test

import data.xiaoer.rules.promise_conflict

doc(promises, price, platform) := {
	"kind": "listing",
	"listing": {"price": {"amount": price}, "promises": promises, "fields": {}},
	"context": {"platform": platform},
}

immediate := {"kind": "ship_immediate", "text": "现货秒发", "field": "title", "s": 0, "e": 12}

in_stock := {"kind": "in_stock", "text": "现货", "field": "description", "s": 0, "e": 6}

within_24 := {"kind": "ship_within_hours", "hours": 24, "text": "24小时发货", "field": "subtitle", "s": 0, "e": 14}

within_48 := {"kind": "ship_within_hours", "hours": 48, "text": "48小时内发货", "field": "description", "s": 9, "e": 26}

days_15 := {"kind": "ship_after_payment_days", "hours": 360, "n": 15, "text": "付款后15天内", "field": "attributes", "s": 14, "e": 31}

days_3 := {"kind": "ship_after_payment_days", "hours": 72, "n": 3, "text": "付款后3天内发货", "field": "description", "s": 0, "e": 22}

presale := {"kind": "presale", "text": "预售", "field": "description", "s": 30, "e": 36}

test_immediate_against_15_days if {
	fs := promise_conflict.findings with input as doc([immediate, days_15], 199, "taobao")
	count(fs) == 1
	some f in fs
	f.rule == "promise-conflict"
	f.severity == "error"
	f.field == "title"
	f.span == {"start": 0, "end": 12}
	f.details.conflicts_with[0].text == "付款后15天内"
	f.exposure.points == 3
	f.exposure.platform_cny == 19.9
	f.exposure.confirmed == true
	contains(f.message, "属性「付款后15天内」")
}

test_presale_contradicts_in_stock if {
	fs := promise_conflict.findings with input as doc([in_stock, presale], 99, "taobao")
	count(fs) == 1
	some f in fs
	f.details.promise.kind == "in_stock"
}

test_partial_presale_contradicts_nothing if {
	partial := object.union(presale, {"scope": "partial"})
	fs := promise_conflict.findings with input as doc([immediate, partial], 99, "taobao")
	count(fs) == 0
}

test_shorter_window_reported_once if {
	fs := promise_conflict.findings with input as doc([within_24, within_48], 99, "taobao")
	count(fs) == 1
	some f in fs
	f.details.promise.text == "24小时发货"
}

test_in_stock_with_three_days_agrees if {
	fs := promise_conflict.findings with input as doc([in_stock, days_3], 99, "taobao")
	count(fs) == 0
}

test_one_promise_alone_agrees if {
	count(promise_conflict.findings) == 0 with input as doc([within_24], 99, "taobao")
}

free := {"kind": "postage_free", "text": "包邮", "field": "title", "s": 20, "e": 26}

nationwide := {"kind": "postage_free", "scope": "all", "text": "全国包邮", "field": "title", "s": 20, "e": 32}

buyer_pays := {"kind": "postage_buyer_pays", "text": "邮费自理", "field": "description", "s": 3, "e": 15}

remote := {"kind": "postage_remote_excluded", "text": "偏远地区不包邮", "field": "description", "s": 0, "e": 21}

test_free_against_buyer_pays if {
	fs := promise_conflict.findings with input as doc([free, buyer_pays], 2000, "taobao")
	count(fs) == 1
	some f in fs
	f.span == {"start": 20, "end": 26}
	contains(f.message, "运费承诺矛盾")
	f.exposure.platform_cny == 100
}

test_conditional_buyer_pays_agrees if {
	conditional := object.union(buyer_pays, {"scope": "partial"})
	count(promise_conflict.findings) == 0 with input as doc([free, conditional], 99, "taobao")
}

test_nationwide_against_remote if {
	fs := promise_conflict.findings with input as doc([nationwide, remote], 20, "taobao")
	count(fs) == 1
	some f in fs
	f.exposure.platform_cny == 5
}

test_plain_free_with_remote_exception_agrees if {
	count(promise_conflict.findings) == 0 with input as doc([free, remote], 99, "taobao")
}

test_tmall_compensation_is_unconfirmed if {
	fs := promise_conflict.findings with input as doc([free, buyer_pays], 100, "tmall")
	some f in fs
	f.exposure.platform_cny == 30
	f.exposure.confirmed == false
}

test_platform_without_table_costs_points_only if {
	fs := promise_conflict.findings with input as doc([free, buyer_pays], 100, "jd")
	some f in fs
	f.exposure.platform_cny == 0
	f.exposure.points == 3
}
