# METADATA
# title: ad-unsourced-claim
# description: |
#   排名和数据（销量第一、好评率99%、10万+人已买、回购率80%）以及专家、
#   医生推荐，须在同一句或所标注的脚注（※、*、①）中写明来源；排名和数据
#   还须写明统计期间。注明来源的限定事实通过 ad-absolute 后仍在这里检查。
# custom:
#   severity: warning
#   basis: 《中华人民共和国广告法》第十一条第二款
#   penalty: 《中华人民共和国广告法》第五十九条第一款第二项
package xiaoer.rules.ad_unsourced_claim

import data.xiaoer.lib
import data.xiaoer.lib.lexicon
import data.xiaoer.lib.pattern

meta := {
	"id": "ad-unsourced-claim",
	"title": "数据、排名未注明来源",
	"severity": "warning",
	"kinds": ["listing"],
	"description": "广告使用数据、统计资料、调查结果、排名或引证内容，未表明出处和适用期间（《中华人民共和国广告法》第十一条第二款）。",
	"basis": {
		"law": "《中华人民共和国广告法》第十一条第二款",
		"penalty": "《中华人民共和国广告法》第五十九条第一款第二项：对广告主处十万元以下罚款",
		"link": "",
		"confirmed": true,
		"note": "数据不真实的，构成虚假广告（《中华人民共和国广告法》第二十八条第二款第三项，罚则第五十五条）",
	},
	"suggestion": "写明数据来源和统计期间，或删除。",
	"exposure": {"punitive": false, "fine": "ad_law_59"},
}

# needs: every finding starts from one of its words, or from a metric
# word at most two tokens after a figure (10万+人已买, 98%的学生, 30万|猫|主人:
# the candidates below look no further; a figure counting people in its
# own unit, 3亿人, needs no crowd word, but keeps the unit 人 only where it
# ends a token, and that token is itself a crowd word on the figure's last
# token); a listing with neither is skipped by the engine (see main.rego).
# before_figure: a word of kind metric (已售, 好评率, 收藏) makes a
# candidate only before a figure: a count when a digit token (read from
# the tokens, not only the figures) or a counted figure starts 1 to 3
# tokens after its last token, adjacent_count right after it, a rate or a
# score (the rate candidates) when it starts at most 5 tokens before the figure's
# first token, so the engine counts one only where a digit token or a
# figure starts on one of the 5 tokens after it (畅销书籍, 收藏级 are
# skipped). The other words (rankings, endorsements) count anywhere;
# pattern heads keep their own gate.
# figure_units: a word after a figure counts only after a counted one
# (metrics_after: counted, a count unit, %, or no unit; crowd words: no
# unit or 人, as crowd_ends reads them), so 3岁|宝宝 and 13英寸|学生 are
# skipped.
# figure_min: crowd_words are read only by crowd_ends, in the body that
# asks num.value >= 10000 (its unit-人 reading too), so a crowd word after
# a smaller figure (2-6人, 1-4人份) gives nothing.
needs := [
	{
		"words": ["ad_unsourced_claim.words", "ad_unsourced_claim.pattern_heads"],
		"before_figure": {"within": 5, "entries": {"kind": "metric"}},
	},
	{
		"words": ["ad_unsourced_claim.metrics_after"], "facts": ["numbers"], "after_figure": 2,
		"figure_units": {"tables": ["ad_unsourced_claim.count_units"], "units": ["%", ""]},
	},
	{
		"words": ["ad_unsourced_claim.crowd_words"], "facts": ["numbers"], "after_figure": 2,
		"figure_units": {"units": ["", "人"]}, "figure_min": 10000,
	},
]

skip := {"attributes": true}

# figures are the listing's figures outside the skipped field: the rules
# below walk them, not every figure of the attributes. The field is
# compared with skip's one field, not looked up in skip, and in one step
# (xiaoer.outside, policies/outsidebuiltin.go): as a comprehension,
# [num | some num in numbers; num.field != "attributes"], it took three
# steps for every figure of the listing.
figures := xiaoer.outside(object.get(input, ["listing", "numbers"], []), "attributes")

figure_entry := {"kind": "figure", "needs": ["source", "period"], "suggestion": "写明数据来源和统计期间，如「好评率99%（数据来源：店铺后台，统计周期2023年1-6月）」，或删除"}

# found are the listing's runs in the table: claims on their own (rankings,
# endorsements) and metrics that make a claim with a figure.
found := lexicon.matches("ad_unsourced_claim", "words", skip)

candidates contains c if {
	some c in found
	c.entry.kind != "metric"
	not aspiration(c)
	not yields_to_medical(c)
	not yields_to_education(c)
}

# yields_to_education: an expert's or student's recommendation of a course
# (北大教授推荐 少儿编程课) is ad-education-guarantee's finding (《中华人民共和国广告法》
# 第二十四条第三项 forbids it outright, sourced or not).
yields_to_education(c) if {
	c.entry.kind == "endorsement"
	data.tables.ad_education_guarantee.words[c.key]
	lexicon.in_context("ad_education_guarantee", "education", c)
}

# yields_to_medical: a doctor's or expert's recommendation of a drug,
# device, treatment or health food is ad-medical-claim's finding (《中华人民共和国广告法》
# 第十六条、第十八条 forbid it outright, sourced or not).
yields_to_medical(c) if {
	c.entry.yield_to_medical
	medical_product
}

# A doctor's recommendation that ad-medical-claim reports as part of a
# health claim on ordinary goods (医生推荐 磁疗手环 降压) is its finding too:
# the claim is forbidden outright, so asking for a source would mislead.
yields_to_medical(c) if {
	c.entry.yield_to_medical
	not medical_silent
	some f in data.xiaoer.rules.ad_medical_claim.findings
	f.field == c.field
	f.span.start == c.s
}

# medical_silent: ad-medical-claim has no finding in this listing, known
# without evaluating it: the engine skips it (none of what it needs is
# here; the skipped rules of input.listing.lexicon.skip find nothing), or
# it has none of its words. The rule is asked for its findings only
# otherwise: on shop exports it is skipped for most listings that reach
# this one, and was evaluated here for them all the same.
medical_silent if "ad_medical_claim" in object.get(input, ["listing", "lexicon", "skip"], [])

medical_silent if data.xiaoer.rules.ad_medical_claim.wordless

# medical_product: the listing is a drug, device, treatment or health food
# (as ad-medical-claim judges it; a complete rule, evaluated once).
medical_product if data.xiaoer.rules.ad_medical_claim.product in {"drug", "drug_form", "device", "treatment", "health_food"}

# A doctor's recommendation of a cosmetic (皮肤科医生推荐 洁面乳) implies a
# medical effect: ad-medical-claim's finding (化妆品监督管理条例第三十七条).
yields_to_medical(c) if {
	c.entry.medical_person
	data.xiaoer.rules.ad_medical_claim.product in {"cosmetics", "special_cosmetics"}
}

# aspiration: a ranking stated as a goal or wish (立志打造行业第一品牌) is
# no data, by the same contexts ad-absolute uses.
aspiration(c) if {
	some name in lexicon.may_hold("ad_absolute", object.get(c.entry, "allow", []))
	lexicon.in_context("ad_absolute", name, c)
}

# Counts written in words before a group of people (三千万女性, 八成妈妈)
# and shares (每10个人有8个): word-class patterns (lib/pattern.rego).
# A pattern hit over the span of another candidate (销量|突破|10|万件, a
# count too) loses to it in longest, which ranks a word over a pattern,
# and drops no hit that one would keep: its exemptions are not asked.
#
# On the engine's documents the hits come from xiaoer.found_pattern_hits
# called in place, with this table's found runs (undefined where the
# listing has none: no hits, as pattern.hits answers): the call of
# pattern.hits around it, its first body and its reads of found and
# data.tables by the table's name took about 34k instructions a shop
# export row that reaches the rule. A document without found (built by
# hand) takes pattern.hits in the second body.
pattern_candidates contains c if {
	some c in xiaoer.found_pattern_hits(input.listing.lexicon.found.ad_unsourced_claim, data.tables.ad_unsourced_claim, input.listing, skip)
	not shadowed(c)
	not allowed(c)
	not aspiration(c)
	not own_model_baseline(c)
}

pattern_candidates contains c if {
	not input.listing.lexicon.found
	some c in pattern.hits("ad_unsourced_claim", skip)
	not shadowed(c)
	not allowed(c)
	not aspiration(c)
	not own_model_baseline(c)
}

# allowed: a comparison of a metric another family owns (成绩提升50%, 收益
# 上涨300%) or against the product's own older generation (比上一代提升20%).
allowed(c) if {
	some name in lexicon.may_hold("ad_unsourced_claim", object.get(c.entry, "allow", []))
	lexicon.in_context("ad_unsourced_claim", name, c)
}

# own_model_baseline: the comparison names a model code of its own (比X10
# 提升20%): the base of the comparison is stated.
own_model_baseline(c) if {
	c.entry.allow
	toks := input.listing.fields[c.field].tokens
	some k in numbers.range(max([c.i - 4, 0]), c.i)
	toks[k].t in {"比", "较", "相比", "比起", "对比"}
	regex.match(`^[a-z]{0,4}[0-9]+[a-z0-9]*$`, toks[k + 1].t)
	not lexicon.boundary_between(c.field, k, c.i - 1)
}

# A figure of ten thousand or more written with 万 or 亿, then a group of
# people (30万猫主人的选择, 10万人戴了都说转运): a head count without a
# source. The figure must be digits (万人哄抢 is an idiom, 万兆 a speed).
candidates contains c if {
	some num in figures
	num.unit in {"", "人"}
	num.value >= 10000
	first := lexicon.figure_first(num)
	last := lexicon.figure_last(num)
	toks := input.listing.fields[num.field].tokens
	regex.match(`^[0-9]`, toks[first].t)
	regex.match(`[万亿]`, concat("", [toks[m].t | some m in numbers.range(first, last)]))
	end := max(crowd_ends(num.field, num.unit, last))
	c := figure_hit(num.field, first, (end - first) + 1, num.s, toks[end].e)
}

# crowd_ends are the last tokens of groups of people after a figure: the
# figure's own unit 人, or crowd words right after it (one token may lie
# between: 30万|猫|主人).
crowd_ends(_, "人", last) := {last}

crowd_ends(name, "", last) := {end |
	some r in lexicon.found("ad_unsourced_claim", "crowd_words")
	r.field == name
	r.i > last
	r.i <= last + 2
	end := (r.i + r.n) - 1
}

# A rate before a percentage: 好评率99%, 回购率高达80%; a satisfaction
# score in points (满意度98分, 满意度调查显示九十九点五分) is the same claim.
# A figure takes the rate word ending within five tokens before it, with
# no clause mark in between: the nearest, and the longest run there
# (返单率 over 返单). The rate words (a listing has one or none) look for
# their figures, not every figure for its rate word: the body ends at
# once without one. xiaoer.figures_at finds the figures that start in
# reach, in the rate word's clause, in one step.
candidates contains c if some c in rate_claims

# rate_claims are the hits of the rate words above. xiaoer.rate_claims
# (policies/rateclaimsbuiltin.go) picks them in one step for the engine's
# documents, where the comprehension took about 340k instructions a shop
# export row with one rate word (好评率99%); it is undefined for anything
# else, which the comprehension then takes.
rate_claims := claims if {
	claims := xiaoer.rate_claims(found, input.listing.fields, figures, lexicon.boundaries, figure_entry, lab_entry)
} else := [c |
	some m in metric_runs("rate")
	name := m.field
	some [first, num] in xiaoer.figures_at(input.listing.fields, name, figures, m.i + m.n, m.i + 5, lexicon.boundaries)

	# rate_unit takes these two units only: other figures (件, 年, 元) look
	# for no metric before them
	num.unit in {"%", "分"}
	not nearer_rate(m, name, first)
	rate_unit(num.unit, m.entry)

	# figure_hit's shape with the rate's entry, built in place
	n := (lexicon.figure_last(num) - m.i) + 1
	c := {
		"field": name, "i": m.i, "n": n, "s": m.s, "e": num.e,
		"word": lexicon.key_at(name, m.i, n), "entry": rate_entry(m.entry),
	}
]

# nearer_rate: another rate word that reaches token first of field name
# ranks above m, by [start, length, key]: it starts later, or runs longer.
# Another is asked first: with one rate word, that ends it.
nearer_rate(m, name, first) if {
	some r in metric_runs("rate")
	r != m
	[r.i, r.n, r.key] > [m.i, m.n, m.key]
	r.field == name
	r.i >= first - 5
	r.i + r.n <= first
	not lexicon.boundary_between(name, r.i + r.n, first - 1)
}

# metric_is: a word counts as a metric of the kind; a word that states a
# score (好评如潮4.9分) is read as a rate too.
metric_is(entry, kind) if entry.metric == kind

metric_is(entry, "rate") if entry.score

rate_unit("%", _)

rate_unit("分", entry) if entry.score

# rate_entry: a laboratory rate (抑菌率99%) is the result of a test, whose
# report is its source and whose date is its period (the test_subjects
# reading of a lab): it needs a source, not a statistical period.
rate_entry(entry) := lab_entry if {
	entry.lab
} else := figure_entry

lab_entry := object.union(figure_entry, {"needs": ["source"]})

# A sales count before a figure, with or without a unit: 已售5000件, 月销1w+.
# The count starts at most two tokens after the count word, in its clause.
candidates contains c if {
	# most titles that reach the rule have no count claim: counts is not
	# evaluated for them
	count_claims != []
	some c in counts
}

# counts are the count claims outside the contexts of other families
# (收益, 回报: the investment rule's). Where the engine's held has no
# entry for that context (most listings: none of its words),
# lexicon.in_context answers false for every claim at once (its first
# branch), so the claims are taken as they are, not asked one by one.
counts := count_claims if {
	not input.listing.lexicon.held.ad_unsourced_claim.other_family
	input.listing.lexicon.held
} else := [c |
	some c in count_claims
	not lexicon.in_context("ad_unsourced_claim", "other_family", c)
]

# count_claims are the hits of the sales counts above, before their
# exemption. xiaoer.count_claims (policies/countclaimsbuiltin.go) picks
# them in one step for the engine's documents, where the comprehension
# took about 260k instructions per count word on a shop export row (most
# rows that reach the rule have two: 销量突破10万件); it is undefined for
# anything else, which the comprehension then takes.
#
# (In the comprehension a count word's fields are read once: each
# reference is a step.)
count_claims := claims if {
	claims := xiaoer.count_claims(found, input.listing.fields, figures, lexicon.boundaries, data.tables.ad_unsourced_claim.count_units, figure_entry)
} else := [c |
	some g in found
	g.entry.metric == "count"
	name := g.field
	i := g.i
	after := i + g.n
	some at in xiaoer.numbers_at(input.listing.fields, name, figures, after, after + 2, lexicon.boundaries)
	[last, e] := count_end(name, at)
	c := figure_hit(name, i, (last - i) + 1, g.s, e)
]

# A count that is also a rate or a shop figure (好评, 收藏, 加购) right before
# a big figure that counts (好评10万+, 收藏10万+); not a year (收藏 1990年代),
# a few items on offer (好评5个) or a coupon a few words on (收藏|送|10元).
candidates contains c if {
	some g in found
	g.entry.adjacent_count
	some num in figures
	num.field == g.field
	lexicon.figure_first(num) == g.i + g.n
	counted(num)
	big(num)
	c := figure_hit(g.field, g.i, (lexicon.figure_last(num) - g.i) + 1, g.s, num.e)
}

# A count word followed by a figure written in words (年销百万条, 卖出了二十万台,
# 累计售出五百万套): the figure is a fact of the document, so only the count
# words found in the listing look at it.
candidates contains c if {
	some g in found
	g.entry.metric == "count"
	some [num, first] in worded_counts
	name := g.field
	num.field == name
	i := g.i
	after := i + g.n
	first >= after
	first <= after + 2
	not lexicon.boundary_between(name, after, first - 1)
	c := figure_hit(name, i, (lexicon.figure_last(num) - i) + 1, g.s, num.e)
}

# worded_counts are the figures, with their first token, that the body
# above can take: big counted figures that do not start with a digit
# token. What a figure is does not depend on the count word, so it is
# worked out once per evaluation (and only for a listing with a count
# word), not once per count word and figure, and walked before a count
# word's fields are read: most listings have none, and then the body ends
# there. xiaoer.worded_counts (policies/wordedcountsbuiltin.go) picks them
# in one step for figures of the engine's shape, where the comprehension
# took about 160k instructions a listing on a shop export; it is
# undefined for anything else, which the comprehension then takes.
worded_counts := counts if {
	counts := xiaoer.worded_counts(figures, data.tables.ad_unsourced_claim.count_units, input.listing.fields)
} else := [[num, first] |
	some num in figures
	counted(num)
	big(num)
	first := lexicon.figure_first(num)
	not digit(num.field, first)
]

# digit: token i starts with a digit (a figure written in words does not).
digit(name, i) if regex.match(`^[0-9]`, input.listing.fields[name].tokens[i].t)

# A count or share before what people did: 10万+人已买, 99%的买家选择.
candidates contains c if {
	some [num, r] in after_figures
	counted(num)
	unit_fits(num, r.key)
	first := lexicon.figure_first(num)
	last := (r.i + r.n) - 1
	c := figure_hit(num.field, first, (last - first) + 1, num.s, input.listing.fields[num.field].tokens[last].e)
	not lexicon.in_context("ad_unsourced_claim", "price_share", c)
}

# after_figures pairs the figures with the words after them, as [num, r]:
# the runs of metrics_after in the figure's field starting at the token
# after it (next) or the one after that. The words after a figure are
# lexicon runs: the runs are walked, not every key around every figure,
# and a figure is asked what it counts only with a run there (most have
# none). xiaoer.runs_after (policies/runsafterbuiltin.go) pairs them in
# one step for the engine's figures, which carry next (tn): the walk
# below took a call of figure_next and three steps per figure, about
# 130k instructions a shop export row that reaches the rule. It is
# undefined for figures written by hand, which the walk takes.
after_figures := pairs if {
	pairs := xiaoer.runs_after(figures, lexicon.found("ad_unsourced_claim", "metrics_after"), 1)
} else := [[num, r] |
	runs := lexicon.found("ad_unsourced_claim", "metrics_after")
	count(runs) > 0
	some num in figures
	next := lexicon.figure_next(num)
	some r in runs
	r.field == num.field
	r.i >= next
	r.i <= next + 1
]

# The English form keeps a space after the percentage (99% of users love
# it), so the figure has no next token of its own: the words that start
# with "of" are looked for right after its last token. Those words come
# first: most listings have none, and then no figure is walked.
candidates contains c if {
	some r in lexicon.found("ad_unsourced_claim", "metrics_after")
	startswith(r.key, "of")
	some num in figures
	num.field == r.field
	num.unit == "%"
	not lexicon.figure_next(num)
	r.i == lexicon.figure_last(num) + 1
	first := lexicon.figure_first(num)
	last := (r.i + r.n) - 1
	c := figure_hit(num.field, first, (last - first) + 1, num.s, input.listing.fields[num.field].tokens[last].e)
}

# shadowed: a candidate spans pattern hit h, which cannot win over it.
shadowed(h) if {
	some c in candidates
	c.e == h.e
	c.s == h.s
	c.field == h.field
}

# hits: on the engine's documents xiaoer.unsourced_hits (policies/
# unsourcedhitsbuiltin.go) answers them in one call, running the Go of
# the builtins the bodies above call and their conditions (found,
# lab_entry and figures too, the numbers outside skip's field: none is
# asked here then), where the
# bodies took about 940k instructions a plain shop export row that
# reaches the rule (销量突破10万件，好评率99%). It is undefined where a
# body needs the Rego (a word that may yield to ad-medical-claim, a
# pattern hit with allow contexts, the English "of" words, figures
# without token indexes, documents built by hand): the bodies decide.
hits := hs if {
	hs := xiaoer.unsourced_hits(
		data.tables.ad_unsourced_claim, data.tables.ad_absolute.contexts,
		data.tables.ad_education_guarantee, figure_entry, skip, input,
	)
} else := lexicon.longest(candidates | pattern_candidates)

# lacking is what claim c must state and does not. The first branch is
# the usual answer of the second, read off at once: a claim that needs a
# period, in a listing without evidence markers and without a period
# figure in its field (missing's first branch), lacks both unless it is
# a tested result. It reads the engine's lists in place, as unevidenced
# and untested would answer them (a table with no runs is not listed in
# found; held has no test_subjects entry): evaluated for the first claim
# of a listing, those two rules took about 37k instructions each, where
# the four reads take a step each. A document without the lists (built
# by hand) takes the second branch.
lacking(c) := ["来源", "期间"] if {
	not input.listing.lexicon.found.ad_evidence
	input.listing.lexicon.found
	not input.listing.lexicon.held.ad_unsourced_claim.test_subjects
	input.listing.lexicon.held
	"period" in c.entry.needs
	not claim_period_fields[c.field]
} else := ["来源", "期间"] if {
	unevidenced
	not claim_period_fields[c.field]
	"period" in c.entry.needs
	untested
} else := ["来源", "期间"] if {
	unevidenced
	not claim_period_fields[c.field]
	"period" in c.entry.needs
	not tested_period(c, "期间")
} else := [m |
	some m in lexicon.missing(c)
	wanted(c.entry, m)
	not tested_period(c, m)
]

# unevidenced: the listing has no evidence marker (a complete rule, asked
# once per evaluation, not once per claim). lexicon.evidence has an entry
# for each run of the markers lexicon (every marker names a kind: a test
# holds the table to it), so the runs are counted, not the entries built.
unevidenced if count(lexicon.found("ad_evidence", "markers")) == 0

# claim_period_fields are lexicon.period_fields where a claim can be:
# every candidate lies outside the skipped field, so only figures are
# walked, not the attributes' too. A period figure has a unit of the
# period_units table (年 and 月 among them: a test holds the table to
# it), so the other figures are passed over in one lookup, not three
# bodies of period_figure each.
claim_period_fields := {num.field |
	some num in figures
	data.tables.ad_evidence.period_units[num.unit]
	lexicon.period_figure(num)
}

# untested: no claim of the listing is a tested result, known once per
# evaluation: the engine's held has no entry for test_subjects, where
# lexicon.in_context answers false for every hit at once (its first
# branch). Documents without held ask tested_period for each claim.
untested if {
	not input.listing.lexicon.held.ad_unsourced_claim.test_subjects
	input.listing.lexicon.held
}

# tested_period: a result of a test on people with its sample in the
# sentence (受试者32人，使用4周后提升27%) has the test's own span as its
# period; its source must still be there.
tested_period(c, "期间") if lexicon.in_context("ad_unsourced_claim", "test_subjects", c)

wanted(_, "来源")

wanted(entry, "期间") if "period" in entry.needs

# efficacy_rate: a share of users followed in the same clause by a cure or
# a health effect (93%的用户反馈失眠明显改善) is an efficacy rate, which
# ad-medical-claim reports (《中华人民共和国广告法》第十六条第一款第二项、第十七条
# forbid it outright): asking for its source would mislead. A head count
# beside a disease word (10万宝妈回购 湿疹) and a hygiene rate (抑菌率99%)
# stay data.
efficacy_rate(c) if {
	# asked first: once per evaluation, and it holds on most listings
	not medical_silent
	c.entry.kind == "figure"
	regex.match(`[0-9][%％]|成`, c.word)
	toks := input.listing.fields[c.field].tokens
	some f in data.xiaoer.rules.ad_medical_claim.findings
	f.field == c.field
	f.details.kind != "hygiene"
	f.span.start >= c.e
	some k, tok in toks
	tok.s == f.span.start
	k <= (c.i + c.n) + 6
	not lexicon.boundary_between(c.field, c.i + c.n, k - 1)
}

# findings are the hits that no name, negation or medical finding takes
# and that lack a source or a period. In a plain listing of the engine
# (plain_claims) xiaoer.unsourced_findings (policies/
# unsourcedfindingsbuiltin.go) makes them of the unregistered hits in
# one step, where each hit took four calls (registered, efficacy_rate,
# lacking, lib.finding) and a dozen references: about 90k instructions
# a claim more, on shop export rows (most that reach the rule have two).
# It is undefined where a claim's field has a period figure (its
# sentence is read) and outside the engine's evaluations;
# walked_findings takes those and the other listings.
#
# xiaoer.plain_unsourced_findings (policies/plainunsourcedbuiltin.go) is
# asked first: it reads plain_claims off the engine's lists and the
# period figures (a year, a month) of the claims' sentences in Go, and
# makes the hits as xiaoer.unsourced_hits does (its operands follow
# the package name), where asking plain_claims and claim_period_fields
# here took about 110k instructions a plain shop export row that reaches the rule,
# a claim beside a year (2024年新款 销量10万件) walked_findings, and the
# hits, evaluated as a rule and passed to it, about 10k. It is
# undefined where that is not plain from input alone (ad-medical-claim
# judged, an evidence marker): the bodies after it decide.
#
# The builtin is given the package's name, not meta: the engine gives
# it meta as read once (Metas), where the meta rule was evaluated again
# in every evaluation that reached it (about 16k instructions).
findings := fs if {
	lexicon.unexempting
	fs := xiaoer.plain_unsourced_findings(
		"ad_unsourced_claim", data.tables.ad_unsourced_claim, data.tables.ad_absolute.contexts,
		data.tables.ad_education_guarantee, figure_entry, skip, message_format, input,
	)
} else := fs if {
	lexicon.unexempting
	plain_claims
	fs := xiaoer.unsourced_findings("ad_unsourced_claim", hits, claim_period_fields, message_format, input)
} else := fs if {
	not lexicon.unexempting
	plain_claims
	fs := xiaoer.unsourced_findings("ad_unsourced_claim", unregistered, claim_period_fields, message_format, input)
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

# plain_claims: no hit can yield to ad-medical-claim (medical_silent, as
# efficacy_rate asks it first), and the engine's lists show no evidence
# marker (unevidenced; found often holds ad_evidence's period_units,
# which mark no evidence) and no tested result (untested): lacking's
# reads, once per evaluation.
plain_claims if {
	not input.listing.lexicon.found.ad_evidence.markers[0]
	input.listing.lexicon.found
	untested
	medical_silent
}

message_format := "「%s」未注明%s：广告中的数据、排名和引证内容应当表明出处"

walked_findings contains f if {
	some c in hits
	not lexicon.registered(c)
	not efficacy_rate(c)
	gaps := lacking(c)
	count(gaps) > 0
	f := lib.finding(meta, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf(message_format, [c.word, concat("和", gaps)]),
		"suggestion": c.entry.suggestion,
		"details": {"kind": c.entry.kind, "word": c.word, "missing": gaps},
	})
}
