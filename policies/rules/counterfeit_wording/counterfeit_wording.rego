# METADATA
# title: counterfeit-wording
# description: |
#   仿冒用语：高仿、精仿、超A、纯原、公司级、原单、顶级复刻、1:1复刻；
#   写法被遮挡的品牌（香*儿、迪 奥、g*cci，引擎按 masked_brands 找出）、
#   奢侈品牌的代称（C家、G家、驴牌）和拼音缩写（xnr）；暗示品牌工厂货源
#   的尾货用语（原厂尾货、大牌代工厂、同厂出品、专柜撤柜）。只在有搭配时
#   才算的词（复刻、1:1、莆田、尾货、代工厂）要有仿冒语境，仿冒词彼此
#   就是搭配（精仿复刻两个都算）；翡翠的「A货」（天然未处理）和「原单号」
#   不是仿冒。借用他人品牌卖非该品牌的商品（香奈儿同款、巴黎世家款、
#   古驰风、仿卡地亚、迪奥大牌平替，表里 kind 为 imitation 的词）另有
#   依据：《商标法》第五十七条第二项、第七项，《反不正当竞争法》第六条；
#   商品自己的品牌属性和兼容配件（适用、兼容）不算。
# custom:
#   severity: error
#   basis: 平台售假规则；《商标法》第五十七条第三项
#   confirmed: false
package xiaoer.rules.counterfeit_wording

import data.xiaoer.lib
import data.xiaoer.lib.lexicon
import data.xiaoer.lib.pattern

meta := {
	"id": "counterfeit-wording",
	"title": "仿冒用语",
	"severity": "error",
	"kinds": ["listing"],
	"description": "标题或描述使用高仿、A货、原单、1:1复刻等用语，表明商品可能是假冒商品（平台售假规则；《商标法》第五十七条第三项）。",
	"basis": object.union(data.tables.counterfeit.basis, {"penalty": "平台售假处罚；消费者可主张价款三倍赔偿（《消费者权益保护法》第五十五条）"}),
	"suggestion": "删除仿冒用语；只销售有授权或合法来源的商品。",
	"exposure": {"punitive": true, "points": "sell_counterfeit"},
}

# needs: every finding starts from one of its words or a pattern's first
# word, or from a brand the engine found written masked
# (input.listing.lexicon.masked); a listing without any is skipped by the
# engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# allowed: findings drop every hit at which one of its entry's allow
# contexts holds (exempt), so the engine counts such a word only where
# none of them holds at it (A货 beside 翡翠 is the jade's grade).
needs := [{"words": ["counterfeit.words", "counterfeit.pattern_heads"], "partnered": true, "allowed": true}, {"facts": ["masked"]}]

# words, and word-class patterns (lib/pattern.rego) for what sellers
# paraphrase: 和正品放一起分不出 (a copy said to pass for the real thing).
#
# The words' hits are lexicon.matches' first branch in place, the same
# builtin with the same arguments (the engine's found list, read as
# matches reads it), sparing a function call a listing that reaches the
# rule. A document without the list (built by hand) takes the second
# body and lexicon.matches itself.
candidates contains c if {
	some c in xiaoer.matches(
		object.get(input.listing.lexicon.found, ["counterfeit", "words"], []),
		data.tables.counterfeit.words, input.listing.fields, {},
	) | pattern.hits("counterfeit", {})
	partnered(c)
}

candidates contains c if {
	not input.listing.lexicon.found
	some c in lexicon.matches("counterfeit", "words", {}) | pattern.hits("counterfeit", {})
	partnered(c)
}

partnered(c) if not c.entry.needs

partnered(c) if lexicon.in_context("counterfeit", c.entry.needs, c)

# masked brands (香*儿, 迪 奥, 爱马*) the engine found, unless the listing's own
# brand is that brand; a brand of which one character is shown (蔻*, 迪*)
# counts beside goods that are faked (手提包, 口红), not on its own.
candidates contains c if {
	some m in object.get(input, ["listing", "lexicon", "masked"], [])
	not lexicon.brand_names[m.brand]
	shown_enough(m)
	c := {
		"field": m.field, "i": m.i, "n": m.n, "s": m.s, "e": m.e, "key": m.key, "word": m.key,
		"entry": {"suggestion": "删除遮挡写法的品牌名；未经授权不得使用他人商标，也不得暗示是某品牌", "kind": "masked", "brand": m.brand},
	}
}

shown_enough(m) if object.get(m, "written", 2) >= 2

shown_enough(m) if {
	m.written < 2
	lexicon.in_context("counterfeit", "replica_goods", m)
}

# lexicon.longest is xiaoer.longest and nothing more: the builtin is
# called in place, sparing a function call a listing that reaches the rule.
hits := xiaoer.longest(candidates)

exempt(c) if lexicon.registered(c)

exempt(c) if {
	some name in lexicon.may_hold("counterfeit", object.get(c.entry, "allow", []))
	lexicon.in_context("counterfeit", name, c)
}

# exemption names the exemption that lets hit c pass, for explanations.
exemption(c) := lexicon.name_exemption(c) if {
	lexicon.registered(c)
} else := names[0] if {
	names := [name | some name in lexicon.may_hold("counterfeit", object.get(c.entry, "allow", [])); lexicon.in_context("counterfeit", name, c)]
	count(names) > 0
}

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": exemption(c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	not exempt(c)
	f := lib.finding(meta_for(c), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": message(c),
		"suggestion": c.entry.suggestion,
		"details": {"word": c.word, "kind": object.get(c.entry, "kind", "replica"), "brand": object.get(c.entry, "brand", "")},
	})
}

# meta_for gives the rule's meta with the basis of hit c's kind: borrowing
# another's brand (imitation) rests on trademark and unfair-competition law,
# not on the sale of counterfeits.
meta_for(c) := object.union(meta, {"basis": object.union(meta.basis, {"law": data.tables.counterfeit.imitation_basis})}) if {
	c.entry.kind == "imitation"
} else := meta

message(c) := sprintf("遮挡写法的品牌「%s」（%s）：暗示假冒该品牌，平台按售假处理", [c.word, c.entry.brand]) if {
	c.entry.brand
} else := sprintf("品牌代称「%s」：暗示假冒奢侈品牌，平台按售假处理", [c.word]) if {
	c.entry.kind == "masked"
} else := sprintf("借用他人品牌「%s」（同款、款、风、平替）：未经授权用他人商标卖非该品牌的商品", [c.word]) if {
	c.entry.kind == "imitation"
} else := sprintf("「%s」：暗示品牌工厂货源的尾货用语，平台按售假处理", [c.word]) if {
	c.entry.kind == "factory"
} else := sprintf("仿冒用语「%s」：平台按售假处理，消费者可主张三倍赔偿", [c.word])
