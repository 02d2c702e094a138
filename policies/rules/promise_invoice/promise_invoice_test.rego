package xiaoer.rules.promise_invoice_test

import data.xiaoer.rules.promise_invoice

doc(promises) := {"kind": "listing", "listing": {"price": {"amount": 59}, "promises": promises, "fields": {}}}

test_refusal if {
	fs := promise_invoice.findings with input as doc([{"kind": "invoice_refused", "text": "不开发票", "field": "description", "s": 6, "e": 18}])
	count(fs) == 1
	some f in fs
	f.rule == "promise-invoice"
	f.severity == "error"
	f.span == {"start": 6, "end": 18}
	contains(f.message, "拒绝开具发票")
	contains(f.suggestion, "免费开具")
	f.exposure.points == 4
	f.exposure.confirmed == false
}

test_surcharge_names_the_percent if {
	fs := promise_invoice.findings with input as doc([{"kind": "invoice_surcharge", "n": 6, "text": "发票另加6%税点", "field": "description", "s": 0, "e": 20}])
	count(fs) == 1
	some f in fs
	contains(f.message, "另收6%")
	f.details.percent == 6
}

test_surcharge_without_figure if {
	fs := promise_invoice.findings with input as doc([{"kind": "invoice_surcharge", "text": "开票需加钱", "field": "description", "s": 0, "e": 15}])
	some f in fs
	not contains(f.message, "另收")
}

test_offers_pass if {
	fs := promise_invoice.findings with input as doc([
		{"kind": "invoice_available", "text": "可开发票", "field": "description", "s": 0, "e": 12},
		{"kind": "invoice_available", "text": "发票随货", "field": "subtitle", "s": 0, "e": 12},
	])
	count(fs) == 0
}
