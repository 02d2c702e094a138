# Evidence markers and sources of claims, part of package lexicon (whose
# annotations it shares): whether a ranking or a figure states its source,
# period and limits, in its own sentence, a footnote or the description.
package xiaoer.lib.lexicon

# evidence holds the evidence markers of every field, found in one pass:
# {kind, key, field, s, e}, kind one of source, study_lead, study, period,
# period_lead, limit, footnote (data.tables.ad_evidence.markers).
evidence contains {"kind": kind, "key": c.key, "field": c.field, "s": toks[c.i].s, "e": toks[(c.i + c.n) - 1].e} if {
	some c in found("ad_evidence", "markers")
	marker := data.tables.ad_evidence.markers[c.key]
	toks := input.listing.fields[c.field].tokens
	some kind in marker.kinds
}

# has reports whether field name has evidence of kind inside span sp.
has(kind, name, sp) if {
	some m in evidence
	m.kind == kind
	m.field == name
	m.s >= sp.s
	m.e <= sp.e
}

# sourced reports whether the claim at hit c states a source and a period,
# in its own sentence or in a footnote it points to (※, *, ①).
sourced(c) if {
	sp := sentence_at(c.field, c.s)
	has_source(c.field, sp)
	has_period(c.field, sp)
}

sourced(c) if footnote_holds(c, "period")

# A title has no room for its source: a description sentence that states
# both a source and a period (数据来源：…，统计时间…) is its footnote.
sourced(c) if description_note(c, "period")

# limited_and_sourced is the guide's time- and region-limited fact with a
# stated source (2023年京东净水器类目销量第一（数据来源：…）).
limited_and_sourced(c) if {
	sp := sentence_at(c.field, c.s)
	has_source(c.field, sp)
	has_limit(c.field, sp)
}

limited_and_sourced(c) if footnote_holds(c, "limit")

limited_and_sourced(c) if description_note(c, "limit")

# description_note reports whether a title claim c has a description
# sentence with a source and a period (or a limit, by what).
description_note(c, what) if {
	c.field == "title"
	some m in evidence
	m.kind == "source"
	m.field == "description"
	sp := sentence_at("description", m.s)
	what == "period"
	has_period("description", sp)
}

description_note(c, what) if {
	c.field == "title"
	some m in evidence
	m.kind == "source"
	m.field == "description"
	sp := sentence_at("description", m.s)
	what == "limit"
	has_limit("description", sp)
}

# missing lists what the claim at c lacks: 来源 and/or 期间. The first
# branch is the usual answer of the second, read off at once: a listing
# without any evidence marker whose claim's field has no period figure
# lacks both (the first branches of source_missing and not_has_period).
missing(c) := ["来源", "期间"] if {
	count(evidence) == 0
	not period_fields[c.field]
} else := [pair[0] |
	some pair in [["来源", source_missing(c)], ["期间", not_has_period(c)]]
	pair[1]
]

# source_missing is not_has_source: a listing without any evidence marker
# (most) states no source anywhere, so its claims are not walked for one.
source_missing(c) := true if {
	count(evidence) == 0
} else := not_has_source(c)

not_has_source(c) := false if {
	has_source(c.field, sentence_at(c.field, c.s))
} else := false if {
	footnote_holds(c, "source")
} else := false if {
	description_note(c, "period")
} else := true

not_has_period(c) := true if {
	# most listings have no evidence marker and no period figure in the
	# claim's field (a year in the attributes is no period of a claim in
	# the description): the claim's sentence is not looked up
	count(evidence) == 0
	not period_fields[c.field]
} else := false if {
	has_period(c.field, sentence_at(c.field, c.s))
} else := false if {
	footnote_holds(c, "period")
} else := false if {
	# the description sentence that sources a title claim states its period too
	description_note(c, "period")
} else := true

has_source(name, sp) if has("source", name, sp)

# 据…统计, 根据…调查: a lead word, then a study word later in the sentence.
has_source(name, sp) if {
	some lead in evidence
	lead.kind == "study_lead"
	lead.field == name
	lead.s >= sp.s
	has("study", name, {"s": lead.e, "e": sp.e})
}

has_period(name, sp) if has("period", name, sp)

has_period(name, sp) if {
	some num in period_figures
	num.field == name
	num.s >= sp.s
	num.e <= sp.e
}

# period_figures are the listing's figures that state a period: picked once
# per evaluation (period_figure looks at the figure and the evidence
# markers only), so each claim's sentence walks these few, not every figure.
period_figures := [num |
	some num in object.get(input, ["listing", "numbers"], [])
	period_figure(num)
]

period_fields := {num.field | some num in period_figures}

has_limit(name, sp) if has_period(name, sp)

has_limit(name, sp) if has("limit", name, sp)

# period_figure: a year (2023年), a month (12月), or a stretch of time led
# by 近, 过去, 截至 (近30天).
period_figure(num) if {
	num.unit == "年"
	num.value >= 1990
	num.value <= 2100
}

period_figure(num) if {
	num.unit == "月"
	num.value >= 1
	num.value <= 12
}

period_figure(num) if {
	data.tables.ad_evidence.period_units[num.unit]
	has("period_lead", num.field, {"s": num.s - 7, "e": num.s})
}

# footnote_holds: the claim's sentence carries a footnote mark, and a
# sentence of the listing that starts with that mark states a source and,
# for want "period" or "limit", that too.
footnote_holds(c, want) if {
	sp := sentence_at(c.field, c.s)
	some mark in evidence
	mark.kind == "footnote"
	mark.field == c.field
	mark.s >= sp.s
	mark.s < sp.e
	some first in evidence
	first.kind == "footnote"
	first.key == mark.key
	note := sentence_at(first.field, first.s)
	first.s <= note.s + 3
	not same_span(first.field, note, c.field, sp)
	has_source(first.field, note)
	footnote_wants(first.field, note, want)
}

same_span(a, x, b, y) if {
	a == b
	x == y
}

footnote_wants(_, _, "source")

footnote_wants(name, note, "period") if has_period(name, note)

footnote_wants(name, note, "limit") if has_limit(name, note)
