package xiaoer.rules.promise_returns_test

import data.xiaoer.rules.promise_returns

# doc is a listing whose description is one sentence holding the refusal.
doc(category, title_tokens, desc_tokens, promise) := {
	"kind": "listing",
	"listing": {
		"category": category,
		"price": {"amount": 129},
		"promises": [promise],
		"fields": {
			"title": {"text": "", "tokens": title_tokens, "sentences": []},
			"description": {"text": "", "tokens": desc_tokens, "sentences": [{"s": 0, "e": 60}]},
		},
	},
}

refused(s, e, text, cond) := {"kind": "returns_refused", "text": text, "field": "description", "s": s, "e": e, "cond": cond}

sold_no_returns := refused(0, 18, "售出不退不换", "")

test_clothing_refusal if {
	fs := promise_returns.findings with input as doc("女装/女士精品>T恤", [{"t": "t恤", "s": 0, "e": 4}], [], sold_no_returns)
	count(fs) == 1
	some f in fs
	f.rule == "promise-returns"
	f.severity == "error"
	f.span == {"start": 0, "end": 18}
	contains(f.message, "不属于法定不适用情形")
	f.exposure.points == 4
}

test_perishable_category_passes if {
	fs := promise_returns.findings with input as doc("水产肉类/新鲜蔬果/熟食>新鲜水果", [], [], sold_no_returns)
	count(fs) == 0
}

test_custom_in_the_sentence_passes if {
	p := refused(6, 21, "不支持退换", "")
	toks := [{"t": "定制", "s": 0, "e": 6}, {"t": "商品", "s": 6, "e": 12}]
	count(promise_returns.findings) == 0 with input as doc("居家日用>杯子", [], toks, p)
}

test_custom_in_another_sentence_does_not_count if {
	p := refused(6, 21, "不支持退换", "")
	toks := [{"t": "定制", "s": 70, "e": 76}]
	count(promise_returns.findings) == 1 with input as doc("居家日用>杯子", [], toks, p)
}

test_cosmetics_unsealed_passes if {
	p := refused(20, 40, "不退不换", "unsealed")
	count(promise_returns.findings) == 0 with input as doc("彩妆/香水/美妆工具>口红", [], [], p)
}

test_cosmetics_without_condition_fails if {
	fs := promise_returns.findings with input as doc("彩妆/香水/美妆工具>口红", [], [], sold_no_returns)
	count(fs) == 1
	some f in fs
	contains(f.message, "仅在拆封")
}

test_clothing_unsealed_fails if {
	p := refused(20, 40, "拆封后不退换", "unsealed")
	fs := promise_returns.findings with input as doc("女装/女士精品>毛衣", [], [], p)
	some f in fs
	contains(f.message, "不属于拆封后不宜退货")
}

test_phone_activated_passes if {
	p := refused(0, 30, "激活后不支持七天无理由退货", "activated")
	count(promise_returns.findings) == 0 with input as doc("手机", [], [], p)
}

test_intact_condition_passes if {
	p := refused(20, 32, "不退不换", "intact")
	count(promise_returns.findings) == 0 with input as doc("女装/女士精品>毛衣", [], [], p)
}

test_short_window_fails if {
	p := {"kind": "returns_7day", "n": 3, "text": "3天无理由退换", "field": "description", "s": 0, "e": 19}
	fs := promise_returns.findings with input as doc("男装>衬衫", [], [], p)
	some f in fs
	contains(f.message, "少于法定七日")
}

test_seven_day_offer_passes if {
	p := {"kind": "returns_7day", "n": 7, "text": "7天无理由退换", "field": "description", "s": 0, "e": 19}
	count(promise_returns.findings) == 0 with input as doc("男装>衬衫", [], [], p)
}
