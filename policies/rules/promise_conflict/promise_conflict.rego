# METADATA
# title: promise-conflict
# description: 商品页内的发货、运费承诺自相矛盾（现货秒发 vs 付款后15天内发货，包邮 vs 邮费自理）
# custom:
#   severity: error
#   basis: 《淘宝网市场管理与违规处理规范》违背承诺（发货时间、价格）
package xiaoer.rules.promise_conflict

import data.xiaoer.lib
import data.xiaoer.lib.promises

meta := {
	"id": "promise-conflict",
	"title": "承诺自相矛盾",
	"severity": "error",
	"kinds": ["listing"],
	"description": "同一商品页的发货承诺或运费承诺互相矛盾：现货、秒发、24小时发货与预售或更长的发货时限并存；包邮与邮费自理并存；「全国包邮」与偏远地区不包邮并存。买家按对自己有利的一条投诉违背承诺，平台按较短时限、包邮认定。只对整件商品生效的承诺比较：写明「预售款」「部分颜色」「满99包邮」等限定的承诺不计。",
	"basis": {
		"law": "《淘宝网市场管理与违规处理规范》违背承诺（发货时间、价格、发货方式）",
		"penalty": "A类扣3分；按成交金额10%赔付买家，最低5元、最高100元（2019-08-26 起）",
		"link": "",
		"confirmed": true,
		"note": "现货按72小时、秒发按24小时发货理解是 xiaoer 的判断口径（未证实）。",
	},
	"suggestion": "统一承诺，只写做得到的一条：现货写「付款后48小时内发货」，需备货的改为预售并写明「付款后15天内发货」；包邮就删除「邮费自理」，有例外的写「包邮（新疆、西藏除外）」。",
	"exposure": {"points": "breach_shipping"},
}

# needs: a conflict is two binding promises (scope not partial) that say
# different things: a shipping window (shipping.windows) against a fast
# promise (shipping.fast), or a postage term (postage_terms) against
# 包邮. A window slower than a fast promise differs from it in kind or
# in hours, so a listing that only repeats one promise (付款后48小时内发货,
# twice) is skipped by the engine, as is one without such a pair (see
# main.rego).
needs := [
	{"promises": binding(object.keys(shipping.windows)), "against": binding(object.keys(shipping.fast))},
	{"promises": binding({"postage_buyer_pays", "postage_remote_excluded"}), "against": binding({"postage_free"})},
]

# binding are the needs of promises of kinds that bind the whole listing
# (promises.binding).
binding(kinds) := [{"kind": k, "unless": {"scope": ["partial"]}} | some k in kinds]

shipping := promises.tables.shipping

# fast_hours is the window a fast promise implies: its own hours, or the
# table's reading of 现货 and 秒发.
fast_hours(p) := p.hours if {
	shipping.fast[p.kind] == 0
} else := shipping.fast[p.kind]

# pace is what decides which windows contradict fast promise f. Fast
# promises of one pace contradict the same windows, so those are listed
# once per pace: comparing every pair of promises is quadratic, and a long
# description repeats its promise in every paragraph.
pace(f) := {"hours": fast_hours(f), "presale": f.kind == "presale"}

paces := {pace(f) | some f in promises.binding}

# windowed are the binding promises that state a shipping window.
windowed := [s |
	some s in promises.binding
	shipping.windows[s.kind]
]

slower_than := {p: [s | some s in windowed; slower(p, s)] | some p in paces}

# slower is true when window promise s contradicts fast promises of pace
# p: any presale does, and so does a longer stated window.
slower(p, s) if {
	s.kind == "presale"
	not p.presale
}

slower(p, s) if {
	s.kind != "presale"
	s.hours > p.hours
}

findings contains finding if {
	some f in promises.binding
	fast_hours(f)
	against := [s |
		some s in slower_than[pace(f)]
		s != f
	]
	count(against) > 0
	finding := lib.finding(meta, object.union(promises.compensation, {
		"field": f.field, "s": f.s, "e": f.e,
		"message": sprintf("发货承诺矛盾：%s与%s不一致，买家可按较短时限投诉违背发货承诺", [promises.quote(f), promises.quote(against[0])]),
		"details": {"promise": promises.located(f), "conflicts_with": [promises.located(s) | some s in against]},
	}))
}

# postage_against lists what contradicts a 包邮 promise: an unqualified
# buyer-pays term, and for 全国包邮 a remote-region exclusion elsewhere.
postage_against(f) := [s |
	some s in postage_terms
	contradicts_postage(f, s)
]

# postage_terms are the promises that can contradict 包邮, listed once.
postage_terms := [s |
	some s in promises.binding
	s.kind in {"postage_buyer_pays", "postage_remote_excluded"}
]

contradicts_postage(_, s) if s.kind == "postage_buyer_pays"

contradicts_postage(f, s) if {
	s.kind == "postage_remote_excluded"
	object.get(f, "scope", "") == "all"
}

findings contains finding if {
	some f in promises.binding
	f.kind == "postage_free"
	against := postage_against(f)
	count(against) > 0
	finding := lib.finding(meta, object.union(promises.compensation, {
		"field": f.field, "s": f.s, "e": f.e,
		"message": sprintf("运费承诺矛盾：%s与%s不一致，买家可按包邮投诉违背承诺", [promises.quote(f), promises.quote(against[0])]),
		"suggestion": "统一运费说明：包邮就删除「邮费自理」「不包邮」；有条件或地区例外的写在同一处，如「满99元包邮（新疆、西藏除外）」。",
		"details": {"promise": promises.located(f), "conflicts_with": [promises.located(s) | some s in against]},
	}))
}
