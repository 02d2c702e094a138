# METADATA
# title: ad-pressure
# description: |
#   虚构紧迫感和诱导用语：仅此一次、随时涨价、最后一波、万人疯抢、亏本
#   甩卖。限时、今日特价、倒计时这类时间用语，写明具体活动时间（日期、
#   钟点、双十一）的可以使用。诱导点击的虚假提示和奖励（点击领奖、恭喜
#   中奖、红包已到账）依《互联网广告管理办法》（2023年）第九条。
# custom:
#   severity: warning
#   basis: 《中华人民共和国广告法》第二十八条；《互联网广告管理办法》第九条
#   penalty: 《中华人民共和国广告法》第五十五条
package xiaoer.rules.ad_pressure

import data.xiaoer.lib
import data.xiaoer.lib.lexicon
import data.xiaoer.lib.pattern

meta := {
	"id": "ad-pressure",
	"title": "虚构紧迫感和诱导用语",
	"severity": "warning",
	"kinds": ["listing"],
	"description": "以虚构的紧迫感、销售状况或降价理由诱导购买（《中华人民共和国广告法》第二十八条第二款第二项：价格、销售状况与实际不符）；限时类用语须写明具体活动时间（平台规则）；以虚假的中奖、通知、奖励承诺诱导用户点击（《互联网广告管理办法》第九条）。",
	"basis": {
		"law": "《中华人民共和国广告法》第二十八条第二款第二项",
		"penalty": "《中华人民共和国广告法》第五十五条：广告费用三倍以上五倍以下罚款，无法计算的处二十万元以上一百万元以下罚款",
		"link": "",
		"confirmed": true,
		"note": "「限时、今日、倒计时须写明具体活动时间」出自卖家指南，平台规则原文未核对",
	},
	"suggestion": "删除催促用语，写明真实的活动时间和库存。",
	"exposure": {"punitive": false, "fine": "ad_law_55"},
}

# needs: every finding starts from one of its words or a pattern's first
# word (see lib/pattern.rego); a listing without
# any is skipped by the engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# allowed: findings drop every hit at which one of its entry's allow
# contexts holds (exempt), so the engine counts such a word only where
# none of them holds at it.
needs := {"words": ["ad_pressure.words", "ad_pressure.pattern_heads"], "partnered": true, "allowed": true}

skip := {"attributes": true}

# The words' hits are lexicon.matches' first branch in place, the same
# builtin with the same arguments (the engine's found list, read as
# matches reads it), sparing a function call a listing that reaches the
# rule. The patterns' hits are pattern.hits' second branch in place,
# xiaoer.found_pattern_hits of the table's found runs (no heads: no
# hits, as its first branch answers): the call of pattern.hits and its
# first body cost about 20k instructions a listing that reaches the rule.
# A listing without runs of the table has neither. A document without
# the list (built by hand) takes the second body, lexicon.matches and
# pattern.hits themselves.
candidates contains c if {
	found := input.listing.lexicon.found.ad_pressure
	some c in xiaoer.matches(
		object.get(found, "words", []),
		data.tables.ad_pressure.words, input.listing.fields, skip,
	) | xiaoer.found_pattern_hits(found, data.tables.ad_pressure, input.listing, skip)
	partnered(c)
}

candidates contains c if {
	not input.listing.lexicon.found
	some c in lexicon.matches("ad_pressure", "words", skip) | pattern.hits("ad_pressure", skip)
	partnered(c)
}

partnered(c) if not c.entry.needs

partnered(c) if lexicon.in_context("ad_pressure", c.entry.needs, c)

# hits are the longest of overlapping candidates. On the engine's
# documents xiaoer.partnered_hits (policies/partneredhitsbuiltin.go)
# makes them in one step, where the candidates' calls, their union and a
# call of partnered for every hit cost about 130k instructions a listing
# that reaches the rule; where it is undefined (a document built by
# hand, a partner context it leaves to the Rego) the else takes the
# candidates. lexicon.longest is xiaoer.longest and nothing more: the
# builtin is called in place, sparing a function call.
hits := xiaoer.partnered_hits(input.listing.lexicon, data.tables.ad_pressure, "ad_pressure", input.listing, skip) if {
	true
} else := xiaoer.longest(candidates)

# dated: the listing names a concrete time (11月11日, 8点, 双十一).
dated if dated_by_figure

dated if lexicon.any_match("ad_pressure", "date_words")

# dated_by_figure: a date or hour written as a figure (12月31日, 20点). Words
# whose own text is a date word (今天截止, 活动马上截止) pass only with it.
# The figures are read by reference (none: the body fails), not through
# object.get: one builtin call less a listing with a timed word.
dated_by_figure if {
	some num in input.listing.numbers
	data.tables.ad_pressure.date_units[num.unit]
}

exempt(c) if lexicon.registered(c)

exempt(c) if {
	c.entry.needs_date
	dated
}

exempt(c) if {
	c.entry.needs_figure_date
	dated_by_figure
}

# an entry's allow-contexts: a raffle's props (砸金蛋 道具 年会) name a use.
# They are asked whole (lexicon.holds_any), not through allowed: its list
# of names and the count cost every hit about 25k instructions, and most
# entries name none (随时涨价), so their hits stop at the reference.
exempt(c) if lexicon.holds_any("ad_pressure", c.entry.allow, c)

# allowed names the first allow-context that holds at hit c, for
# exemption; exempt asks the same without naming it.
allowed(c) := names[0] if {
	allow := c.entry.allow
	names := [name | some name in lexicon.may_hold("ad_pressure", allow); lexicon.in_context("ad_pressure", name, c)]
	count(names) > 0
}

# exemption names the exemption that lets hit c pass, for explanations.
exemption(c) := lexicon.name_exemption(c) if {
	lexicon.registered(c)
} else := "dated" if {
	c.entry.needs_date
	dated
} else := "dated" if {
	c.entry.needs_figure_date
	dated_by_figure
} else := allowed(c)

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": exemption(c)} if {
	some c in hits
}

# findings are the hits no exemption takes. xiaoer.pressure_findings
# (policies/pressurefindingsbuiltin.go) makes them of the unregistered
# hits in one step on the engine's documents, where each hit took calls
# of exempt, law_meta, message and lib.finding (about 360k instructions
# a shop export row that reaches the rule); it is undefined outside the
# engine's evaluations and for a context it leaves to the Rego, and
# walked_findings takes those.
#
# The builtin is given the package's name, not meta: the engine gives
# it meta as read once (Metas), where the meta rule was evaluated again
# in every evaluation that reached it (about 16k instructions).
#
# In the usual listing it is given hits' first body, xiaoer.partnered_hits,
# in place: evaluating the rule hits cost about 12k instructions a row
# that reaches the rule. Where that builtin is undefined, so is this
# body, and walked_findings (the else) reads hits itself.
findings := fs if {
	lexicon.unexempting
	fs := xiaoer.pressure_findings(
		"ad_pressure",
		xiaoer.partnered_hits(input.listing.lexicon, data.tables.ad_pressure, "ad_pressure", input.listing, skip),
		data.tables.ad_pressure, messages, input,
	)
} else := fs if {
	not lexicon.unexempting
	fs := xiaoer.pressure_findings("ad_pressure", unregistered, data.tables.ad_pressure, messages, input)
} else := walked_findings

# unregistered are the hits that registered does not exempt, in a
# listing where some can be (a brand name; lexicon.unexempting holds in
# the usual listing, whose hits findings passes as they are, sparing it
# the evaluation of this rule).
#
# On the engine's documents xiaoer.unregistered_hits
# (policies/unregisteredbuiltin.go) gives them in one step, where asking
# registered of each hit took about 90k instructions a hit (shop export
# rows with a 品牌 attribute); the comprehension takes the rest.
unregistered := hs if {
	hs := xiaoer.unregistered_hits(input.listing, hits, lexicon.registered_names, lexicon.brand_names, data.tables.negation)
} else := [c |
	some c in hits
	not lexicon.registered(c)
]

walked_findings contains f if {
	some c in hits
	not exempt(c)
	f := lib.finding(law_meta(object.get(c.entry, "law", meta.basis.law)), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": message(c),
		"suggestion": c.entry.suggestion,
		"details": {"kind": c.entry.kind, "word": c.word},
	})
}

# law_meta is meta with law in its basis: a function of the law alone, so
# OPA builds it once per law and evaluation, not once per finding. Most
# entries name the rule's own law, and their meta is meta itself: the
# union would rebuild it, at about 60k instructions a finding.
law_meta(law) := meta if {
	law == meta.basis.law
} else := object.union(meta, {"basis": object.union(meta.basis, {"law": law})})

message(c) := sprintf(messages.click, [c.word]) if {
	c.entry.kind == "click"
} else := sprintf(messages.timed, [c.word]) if {
	timed(c.entry)
} else := sprintf(messages.price, [c.word]) if {
	c.entry.kind == "price"
} else := sprintf(messages.other, [c.word])

# messages are the findings' messages by what the word does (message).
messages := {
	"click": "「%s」：不得以虚假的中奖、通知或奖励承诺诱导用户点击",
	"timed": "「%s」未写明具体活动时间：限时类用语须有真实、具体的起止时间",
	"price": "「%s」：虚构的降价理由误导消费者",
	"other": "「%s」：以虚构的紧迫感或销售状况诱导购买",
}

timed(entry) if entry.needs_date

timed(entry) if entry.needs_figure_date
