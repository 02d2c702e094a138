# METADATA
# title: promise-returns
# description: 对不属于法定例外的商品拒绝七天无理由退货（售出不退不换、不支持七天无理由）
# custom:
#   severity: error
#   basis: 《消费者权益保护法》第二十五条；《网络购买商品七日无理由退货暂行办法》第六条；平台违背承诺
package xiaoer.rules.promise_returns

import data.xiaoer.lib
import data.xiaoer.lib.promises

meta := {
	"id": "promise-returns",
	"title": "拒绝七天无理由退货",
	"severity": "error",
	"kinds": ["listing"],
	"description": "网购商品自收货起七日内可无理由退货。商品页写「售出不退不换」「不支持七天无理由」「非质量问题不退换」，或只给少于7天的无理由退货，而商品不属于法定例外（定作、鲜活易腐、在线下载或已拆封的数字化商品、报纸期刊；经买家购买时确认的拆封后影响健康或品质的、激活试用后贬值大的、已明示临期或瑕疵的）即违规。以商品完好为条件的（吊牌剪掉、影响二次销售不退）合法，不报。例外按类目、标题和拒绝退货那句话里的词判断，见 tables/promises returns。",
	"basis": {
		"law": "《消费者权益保护法》第二十五条；《网络购买商品七日无理由退货暂行办法》（2017-03-15 施行）第六条",
		"penalty": "淘宝违背承诺（拒绝七天无理由退货）：A类扣4分",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "删除拒绝退货的表述，写「支持7天无理由退货（商品完好、不影响二次销售）」；确属定制、生鲜等法定例外的，写明例外，并在下单时让买家确认。",
	"exposure": {"points": "breach_promise"},
}

# needs: every finding starts from a refusal (refusal, below): a
# returns_refused promise not conditioned on intact goods, or a
# returns_7day promise of fewer days than the law's. A listing without one
# is skipped by the engine (see main.rego): 7天无理由退货 offers what the
# law asks, and shop exports state it on most rows.
needs := {"promises": [
	{"kind": "returns_refused", "unless": {"cond": ["intact"]}},
	{"kind": "returns_7day", "below": {"n": returns.min_days}},
]}

returns := promises.tables.returns

category_words := {w |
	some w in regex.split(`[>/／|、,，;；\s]+`, object.get(input, ["listing", "category"], ""))
	w != ""
}

title_words := {t.t | some t in object.get(input, ["listing", "fields", "title", "tokens"], [])}

# sentence_words are the words of the sentence that holds promise p.
sentence_words(p) := {t.t |
	field := input.listing.fields[p.field]
	some sent in field.sentences
	sent.s <= p.s
	p.s < sent.e
	some t in field.tokens
	t.s >= sent.s
	t.e <= sent.e
}

# classes are the exempt classes the listing's category, title or the
# refusal's own sentence name (定制, 生鲜, 化妆品 ...).
classes(p) := {c |
	some w in ((category_words | title_words) | sentence_words(p))
	c := returns.words[w]
}

# exempt: the class needs no condition (定作, 鲜活易腐 ...), or the refusal
# names the condition the class allows (化妆品 一经拆封).
exempt(p) if {
	some c in classes(p)
	not returns.exempt[c].conditions
}

exempt(p) if {
	some c in classes(p)
	returns.exempt[c].conditions[p.cond]
}

refusal(p) if {
	p.kind == "returns_refused"
	object.get(p, "cond", "") != "intact"
}

refusal(p) if {
	p.kind == "returns_7day"
	p.n < returns.min_days
}

# reason says why the refusal is not covered.
reason(p) := sprintf("仅给%v天无理由退货，少于法定七日", [p.n]) if {
	p.kind == "returns_7day"
} else := "该类商品仅在拆封、激活等情形下经买家确认才可不适用，这里无条件拒绝" if {
	some c in classes(p)
	returns.exempt[c].conditions
} else := "以拆封、激活为由拒绝退货，但本商品不属于拆封后不宜退货的商品" if {
	object.get(p, "cond", "") != ""
} else := "拒绝七天无理由退货，商品不属于法定不适用情形"

findings contains f if {
	some p in promises.all
	refusal(p)
	not exempt(p)
	f := lib.finding(meta, {
		"field": p.field, "s": p.s, "e": p.e,
		"message": sprintf("%s：%s", [promises.quote(p), reason(p)]),
		"details": {"promise": promises.located(p), "exempt_classes_seen": classes(p)},
	})
}
