# METADATA
# title: promise helpers
# description: |
#   What the promise rules (promise-conflict, promise-invoice,
#   promise-returns, promise-guarantee) share: the listing's promises, the
#   ones that bind the whole listing, field names in Chinese for messages,
#   the price, and the platform compensation for a broken shipping, price or
#   postage promise, all from data.tables.promises.
package xiaoer.lib.promises

tables := data.tables.promises

# all is every promise the facts extractor found in the listing.
all := object.get(input, ["listing", "promises"], [])

# binding holds the promises that bind the whole listing: a promise scoped
# to some variants, regions or periods (预售款, 满99包邮) contradicts nothing.
binding contains p if {
	some p in all
	object.get(p, "scope", "") != "partial"
}

# price is the listing's highest price, 0 when it states none.
price := object.get(input, ["listing", "price", "amount"], 0)

platform := object.get(input, ["context", "platform"], object.get(input, ["listing", "platform"], ""))

field_names := {
	"title": "标题",
	"subtitle": "副标题",
	"description": "详情",
	"attributes": "属性",
	"skus": "规格",
	"promises": "服务承诺",
}

# where names the field a promise stands in, for messages.
where(p) := object.get(field_names, p.field, p.field)

# quote words a promise as 标题「现货秒发」.
quote(p) := sprintf("%s「%s」", [where(p), p.text])

# located is the part of a promise a finding's details repeat.
located(p) := {"kind": p.kind, "text": p.text, "field": p.field, "s": p.s, "e": p.e}

# compensation adds to a hit what the platform makes the seller pay when a
# buyer's complaint about a broken promise is upheld; nothing when the
# platform has no such table or the listing states no price.
compensation := {
	"platform_cny": round(min([max([(price * rule.percent) / 100, rule.min]), rule.max]) * 100) / 100,
	"platform_basis": rule.basis,
	"platform_confirmed": rule.confirmed,
} if {
	rule := tables.compensation[platform]
	price > 0
} else := {}
