package xiaoer.rules.ad_absolute_test

import data.xiaoer.rules.ad_absolute

doc(text, tokens) := {"kind": "listing", "listing": {"fields": {"title": {"text": text, "tokens": tokens}}, "price": {"amount": 99}}}

test_best_is_a_hit if {
	fs := ad_absolute.findings with input as doc("最好的T恤", [{"t": "最好", "s": 0, "e": 6}, {"t": "的", "s": 6, "e": 9}, {"t": "t恤", "s": 9, "e": 13}])
	count(fs) == 1
	some f in fs
	f.rule == "ad-absolute"
	f.span == {"start": 0, "end": 6}
	f.exposure.punitive_cny == 500
	f.exposure.fine_cny == [200000, 1000000]
}

test_recent_is_not_a_hit if {
	fs := ad_absolute.findings with input as doc("最近上新", [{"t": "最近", "s": 0, "e": 6}, {"t": "上新", "s": 6, "e": 12}])
	count(fs) == 0
}
