# METADATA
# title: ad-absolute
# description: |
#   绝对化用语：「国家级」「最高级」「最佳」及含义相同或相近的用语（最-词、
#   第一/唯一/首-词、级/极-词、地位与保证用语，以及不以「最」开头的同类
#   用语：殿堂级、碾压同级、天花板、无敌），按分词匹配，
#   不按子串（最近、第一次不是）。《广告绝对化用语执法指南》的除外情形逐项
#   作为允许语境：经营理念与目标、品牌或企业内部比较、使用与保存提示、标准
#   规定的等级、用户登记的注册商标与商品名称、国家规定评定的奖项、注明来源
#   的限定时间或地域的客观事实；带数字的规格上下限和促销、下单规则（每单
#   最多减30）是事实，除非句中有同价位、同类、行业、全网这类比较词。
#   商品自己的品牌属性、作品名称是名称。国家机关名义见 ad-state-authority。
#   标题以外的属性字段（成分、规格）不查。
# custom:
#   severity: error
#   basis: 《中华人民共和国广告法》第九条第三项
#   penalty: 《中华人民共和国广告法》第五十七条第一项
#   guide: 《广告绝对化用语执法指南》（市场监管总局公告2023年第6号）
package xiaoer.rules.ad_absolute

import data.xiaoer.lib
import data.xiaoer.lib.lexicon

meta := {
	"id": "ad-absolute",
	"title": "绝对化用语",
	"severity": "error",
	"kinds": ["listing"],
	"description": "广告中使用「国家级」「最高级」「最佳」等绝对化用语（《中华人民共和国广告法》第九条第三项）；按《广告绝对化用语执法指南》（市场监管总局公告2023年第6号）的除外情形放行。",
	"basis": {
		"law": "《中华人民共和国广告法》第九条第三项",
		"penalty": "《中华人民共和国广告法》第五十七条第一项：对广告主处二十万元以上一百万元以下罚款",
		"link": "",
		"confirmed": true,
		"note": "除外情形依《广告绝对化用语执法指南》（市场监管总局公告2023年第6号）",
	},
	"suggestion": "删除绝对化用语，改为可以证明的具体描述。",
	"exposure": {"punitive": true, "fine": "ad_law_57"},
}

# needs: every finding starts from one of its words, a token starting
# with one of its prefixes (最), or a guarantee word after a figure
# (100%正品); a listing with none of these is skipped by the engine (see
# main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# unreported_names: hits drop the entries marked name (王者荣耀, 唯一码), so
# the engine counts no such word.
# allowed: findings drop every hit at which one of its entry's allow
# contexts holds (exempt), so the engine counts such a word only where
# none of them holds at it (至尊 in 酷冷至尊 and 至尊卡, 万能车充).
# prefix_hits: candidates read the prefixes only through
# lexicon.prefix_hits, which takes no token that is a word (最佳) or one of
# the prefix's not_claims (最新, 最后), so the engine counts no such token;
# with allowed, nor a hit of one token at which the prefix's allow
# contexts hold.
# after_figure 1: guarantee_hits read a guarantee word only on the token
# that starts where a percentage ends (figure_next: 100%|正品, 百分百|
# 正品), so the engine counts one only there (本店商品均为正品 beside 棉
# 100% is no guarantee hit).
# figure_units % and figure_min 100: guarantee_hits asks num.unit == "%"
# and num.value >= 100, so 99%正品 gives nothing.
needs := [
	{"words": ["ad_absolute.words"], "partnered": true, "unreported_names": true, "allowed": true},
	{"prefixes": ["ad_absolute.prefixes"], "prefix_hits": true, "allowed": true},
	{
		"words": ["ad_absolute.guarantees.words"], "facts": ["percents"], "after_figure": 1,
		"figure_units": {"units": ["%"]}, "figure_min": 100,
	},
	{"words": ["ad_absolute.peer_marks"]},
]

# Composition and specification lines are labels, not claims (100%棉).
skip := {"attributes": true}

candidates contains c if {
	some c in word_hits.kept
}

candidates contains c if {
	some c in word_hits.ask
	partnered(c)
}

# word_hits are the hits of the table's words, sorted in Go by what
# partnered says of them on the engine's documents
# (xiaoer.partnered_matches, policies/partneredmatchesbuiltin.go): kept,
# or left to ask partnered (where xiaoer.in_context is undefined). A
# call of partnered for every hit cost about 35k instructions a listing
# that reaches the rule (nearly all have one 最好). A document built by
# hand asks it of every hit: the builtin is undefined there, so the head
# is, and the else answers (the body is only `true`; binding the answer
# to a variable in the body measured about 1% more an export row).
word_hits := xiaoer.partnered_matches(
	input.listing.lexicon, "ad_absolute", "words", data.tables.ad_absolute.words,
	data.tables.ad_absolute.contexts, input.listing.fields, skip,
) if {
	true
} else := {"kept": set(), "ask": lexicon.matches("ad_absolute", "words", skip)}

# The prefix hits are lexicon.prefix_hits' own body, not a call of it:
# most listings that reach the rule have a prefixed token that is a word
# (最好), xiaoer.prefix_starts keeps none, and the call and its set cost
# them about 20k instructions more to say so. The engine's prefixed
# tokens are read in place, as lexicon.prefixed would give them: the
# reference to that rule cost about 15k instructions a listing; a
# document without them (built by hand) takes the second body.
candidates contains c if {
	some p in xiaoer.prefix_starts(input.listing.lexicon.prefixed, data.tables.ad_absolute, input.listing.fields, skip)
	c := lexicon.prefix_hit("ad_absolute", p.prefix, p.field, p.i)
}

candidates contains c if {
	not input.listing.lexicon.prefixed
	some p in xiaoer.prefix_starts(lexicon.prefixed, data.tables.ad_absolute, input.listing.fields, skip)
	c := lexicon.prefix_hit("ad_absolute", p.prefix, p.field, p.i)
}

candidates contains c if {
	some c in guarantee_hits
}

# Peer hits need a mark (中的) in the engine's found list: where it has
# none (155 of the 156 export-1000 rows that reach the rule) the body
# ends at its first step, without evaluating peer_hits (a rule reference
# and its read of the list cost about 25k instructions a listing).
# Documents without the list (built by hand) take the second body.
candidates contains c if {
	input.listing.lexicon.found.ad_absolute.peer_marks[0]
	some c in peer_hits
}

candidates contains c if {
	not input.listing.lexicon.found
	some c in peer_hits
}

# peer_hits are 「A中的A」 (顶配中的顶配, 战斗机中的战斗机): whatever A is,
# the phrase ranks the goods as the best of their own best class. The
# three parts are glued and A is Chinese (1中的1 is no claim). Where the
# engine's found list has no mark (155 of the 156 export-1000 rows that
# reach the rule), there is none to walk: the candidates body reads the
# list first, and a document built by hand (no list) finds it empty here.
peer_hits := set() if {
	object.get(input.listing.lexicon.found, ["ad_absolute", "peer_marks"], []) == []
} else := {c |
	some m in lexicon.matches("ad_absolute", "peer_marks", skip)
	some k in numbers.range(1, 3)
	a := lexicon.key_at(m.field, m.i - k, k)
	a == lexicon.key_at(m.field, m.i + m.n, k)
	regex.match(`^\p{Han}+$`, a)
	glued(m.field, m.i - k, ((m.i + m.n) + k) - 1)
	word := concat("", [a, m.key, a])
	c := object.union(lexicon.match(m.field, m.i - k, ((2 * k) + m.n) - 1, word, m.entry), {"word": word})
}

# guarantee_hits are figures of 100% or more followed by a guarantee word
# (100%正品, 百分百原装); 100%棉 is a fibre label and stays out. The
# figure's field is compared with skip's one field, not looked up in skip:
# a negation is one step more, for every figure of the listing. The unit
# is asked first: most figures (prices, hours, counts) fail it, at one
# step where the field took two.
guarantee_hits contains c if {
	some num in input.listing.numbers
	num.unit == "%"
	num.field != "attributes"
	num.value >= 100
	first := lexicon.figure_first(num)
	next := lexicon.figure_next(num)
	some k, word in lexicon.keys_at(num.field, next)
	k < 2
	data.tables.ad_absolute.guarantees.words[word]
	entry := guarantee_entry(word)
	c := object.union(lexicon.match(num.field, first, (next - first) + k, word, entry), {"word": concat("", ["100%", word])})
}

# guarantee_entry is the table's guarantee entry, with a word's own
# settings where it has them (有效 yields to ad-medical-claim beside 防脱).
guarantee_entry(word) := object.union(base, data.tables.ad_absolute.guarantees.words[word]) if {
	base := object.remove(data.tables.ad_absolute.guarantees, ["words"])
	is_object(data.tables.ad_absolute.guarantees.words[word])
} else := object.remove(data.tables.ad_absolute.guarantees, ["words"])

# partnered: words that are claims only beside a partner (至尊 享受,
# 国家机关 特供) need it. On the engine's documents xiaoer.in_context
# answers in_context's whole chain, and is asked directly: through
# lexicon.in_context, a call more, every 最好 candidate (best_claim) paid
# about 30k instructions more. Where it is undefined (a document built by
# hand, a rare shape of context) lexicon.in_context decides. An else
# chain, as OPA evaluates every body of a function even after one holds.
partnered(c) if {
	not c.entry.needs
} else := holds if {
	holds := xiaoer.in_context(input.listing.lexicon, "ad_absolute", c.entry.needs, c, data.tables.ad_absolute.contexts, input.listing.fields)
} else := lexicon.in_context("ad_absolute", c.entry.needs, c)

# hits are the longest of overlapping candidates; an entry marked name
# (万能胶, 王者荣耀) is a product or work name: it wins and is not reported.
# lexicon.longest is xiaoer.longest and nothing more: the builtin is
# called in place, as a call of the library's function cost about 11k
# instructions a listing.
#
# On the engine's documents whose candidates are all word hits (no
# prefix token, guarantee figure or peer mark: nearly every listing)
# xiaoer.absolute_hits (policies/absolutehitsbuiltin.go) makes them in
# one step, where the candidates' five bodies cost about 100k
# instructions a listing that reaches the rule; where it is undefined
# the else takes the candidates.
hits := xiaoer.absolute_hits(input.listing.lexicon, data.tables.ad_absolute, input.listing, skip) if {
	true
} else := {c | some c in xiaoer.longest(candidates); not c.entry.name}

# exempt: a hit passes under one of the guide's exemptions. An else
# chain, so the usual answer ends it at its first body.
#
# The usual answer first, in one body: the listing has no name nor
# negation (lexicon.unexempting: registered holds for no hit), the entry
# is neither a fact nor marked spec_figure, and on the engine's documents
# xiaoer.any_in_context says none of the entry's allow contexts holds (it
# is undefined, and the chain goes on, where holds_any would walk the
# names). Each exemption below was a call, or a body, of its own for
# every hit: about 16k instructions a hit more, to answer no.
exempt(c) := false if {
	lexicon.unexempting
	not c.entry.fact
	not c.entry.spec_figure
	xiaoer.any_in_context(input.listing.lexicon, "ad_absolute", c.entry.allow, c, data.tables.ad_absolute.contexts, input.listing.fields) == false
} else := true if {
	lexicon.registered(c)
} else := true if {
	# The entry's allow-contexts are asked whole (lexicon.holds_any: one
	# step on the engine's documents, where may_hold and in_context for
	# each name it kept cost 最好 about 55k instructions more).
	lexicon.holds_any("ad_absolute", c.entry.allow, c)
} else := true if {
	c.entry.fact
	lexicon.limited_and_sourced(c)
} else := true if {
	# Only an entry marked spec_figure can state a specification (the
	# limit words, the words made of one, 最高端, and the prefix 最, which
	# reaches over one: 最|大气压): the mark is one step, where asking
	# spec_figure cost every other hit (最好, most of them) a call and
	# the reads of its two bodies, about 40k instructions, to answer no.
	# The table's test checks that every entry spec_figure could hold for
	# is marked.
	c.entry.spec_figure
	spec_figure(c)
} else := false

# glued: tokens a..b follow each other with no space between (a space in a
# title separates phrases: 史上最轻 碳纤维自行车 22速 is no specification).
# numbers.range counts down when a > b, so a figure right after the limit
# word (最少 80抽: a == b) is glued with nothing to check.
glued(_, a, b) if a >= b

glued(name, a, b) if {
	a < b
	toks := input.listing.fields[name].tokens
	every m in numbers.range(a + 1, b) {
		toks[m - 1].e == toks[m].s
	}
}

# spec_figure: a limit word (最大, 最高, 最轻) followed in its clause, within
# five tokens, by a figure (a token of digits; a space only right before
# it) states a specification (最大输出功率65W, 最高车速
# 25km/h, 最小起订量1件), unless its sentence compares (同价位最大功率).
# The hit's entry allows a specification limit, or the hit is 最 glued to
# a word the tokenizer cut off a limit word (最|大气压: the limit is 最大,
# whose entry allows it). The two are bodies of spec_figure itself, not
# of a function of their own: a call more cost every 最好 hit, which
# allows neither, about 20k instructions to answer false.
spec_figure(c) if {
	"spec_limit" in object.get(c.entry, "allow", [])
	figure_follows(c)
}

spec_figure(c) if {
	c.entry.cat == "zui"
	"spec_limit" in object.get(data.tables.ad_absolute.words[substring(c.word, 0, 2)], "allow", [])
	figure_follows(c)
}

# figure_follows: a figure follows hit c in its clause, within five
# tokens, glued to it, and its sentence does not compare.
figure_follows(c) if {
	some first in numbers.range(c.i + c.n, (c.i + c.n) + 4)
	regex.match(`^[0-9]`, input.listing.fields[c.field].tokens[first].t)
	not lexicon.boundary_between(c.field, c.i + c.n, first - 1)
	glued(c.field, (c.i + c.n) - 1, first - 1)
	not lexicon.in_context("ad_absolute", "comparison", c)
}

# exemption names the exemption that lets hit c pass (the first that
# holds), for xiaoer explain and the tests.
exemption(c) := lexicon.name_exemption(c) if {
	lexicon.registered(c)
} else := names[0] if {
	names := [name | some name in lexicon.may_hold("ad_absolute", object.get(c.entry, "allow", [])); lexicon.in_context("ad_absolute", name, c)]
	count(names) > 0
} else := "sourced_fact" if {
	c.entry.fact
	lexicon.limited_and_sourced(c)
} else := "spec_figure" if {
	spec_figure(c)
}

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": exemption(c)} if {
	some c in hits
}

# findings are the hits no exemption takes. xiaoer.absolute_findings
# (policies/absolutefindingsbuiltin.go) makes them of the unregistered
# hits in one step on the engine's documents, where each hit took calls
# of exempt and lib.finding, xiaoer.entry_meta and a dozen references
# (about 100k instructions a shop export row that reaches the rule); it
# is undefined outside the engine's evaluations, for an entry marked
# fact or spec_figure and for a context it leaves to the Rego, and
# walked_findings takes those.
#
# The builtin is given the package's name, not meta: the engine gives
# it meta as read once (Metas), where the meta rule was evaluated again
# in every evaluation that reached it (about 16k instructions).
findings := fs if {
	lexicon.unexempting
	fs := xiaoer.absolute_findings(
		"ad_absolute", hits, data.tables.ad_absolute, message_format,
		input.listing.lexicon, input.listing.fields, input,
	)
} else := fs if {
	not lexicon.unexempting
	fs := xiaoer.absolute_findings(
		"ad_absolute", unregistered, data.tables.ad_absolute, message_format,
		input.listing.lexicon, input.listing.fields, input,
	)
} else := walked_findings

# unregistered are the hits that registered does not exempt, in a
# listing where some can be (a brand name; lexicon.unexempting holds in
# the usual listing, whose hits findings passes as they are).
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

# message_format is a finding's message, of its word and its category's
# title.
message_format := "绝对化用语「%s」（%s）：广告不得使用「国家级」「最高级」「最佳」等用语"

walked_findings contains f if {
	some c in hits
	not exempt(c)
	cat := data.tables.ad_absolute.categories[c.entry.cat]
	f := lib.finding(xiaoer.entry_meta(meta, c.entry, cat.basis), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf(message_format, [c.word, cat.title]),
		"suggestion": c.entry.suggestion,
		"details": {"category": c.entry.cat, "word": c.word, "exemptions_checked": object.get(c.entry, "allow", [])},
	})
}

# hit_meta is meta with the entry's own basis (驰名商标: 商标法) and fine
# where it has one. Most entries have neither, nor a link: their meta
# takes the category's law alone (the link and fine below would be
# meta's own); and where that law is meta's own, it is meta itself.
# findings ask xiaoer.entry_meta (policies/entrymetabuiltin.go), which
# answers the same in one step, where this call took about 23k
# instructions a finding more; the tests compare the two on every entry
# of the table.
hit_meta(c, cat) := meta if {
	cat.basis == meta.basis.law
	count(object.filter(c.entry, {"basis", "link", "fine"})) == 0
} else := object.union(meta, {"basis": object.union(meta.basis, {"law": cat.basis})}) if {
	count(object.filter(c.entry, {"basis", "link", "fine"})) == 0
} else := object.union(meta, {
	"basis": object.union(meta.basis, {
		"law": object.get(c.entry, "basis", cat.basis),
		"link": object.get(c.entry, "link", meta.basis.link),
	}),
	"exposure": object.union(meta.exposure, {"fine": object.get(c.entry, "fine", meta.exposure.fine)}),
})
