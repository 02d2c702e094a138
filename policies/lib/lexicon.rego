# METADATA
# title: lexicon matching
# description: |
#   Word-list matching on tokens, shared by the advertising and counterfeit
#   rules. A lexicon is an object keyed by word; a key matches any run of one
#   to three whole tokens whose normalised forms concatenate to it, so
#   "最保暖" matches 最|保暖 and "最" never matches inside 最近. Every check
#   is an object lookup on a token or a run of tokens: a longer lexicon does
#   not make evaluation slower.
#
#   Allow-contexts (exemptions) and partner contexts are data too: a context
#   lists words that may stand before the hit (before), after it (after) or
#   anywhere in its sentence (sentence), within window tokens and without a
#   clause mark in between; "all" needs every named context, "unless" names a
#   context that cancels it.
package xiaoer.lib.lexicon

evidence := data.tables.ad_evidence

fields := object.get(input, ["listing", "fields"], {})

# max_run is the longest run of tokens a lexicon key can span.
max_run := 3

# boundaries are the tokens that close a clause: context words do not reach
# across them (坚持原创，最好的面料 is no aspiration).
boundaries := {",", "。", ";", "!", "?", "、", "|", "(", ")", "[", "]", "【", "】", "「", "」", "《", "》"}

# grams holds every run of 1 to max_run tokens of every field.
grams contains g if {
	some name, field in fields
	some i, tok in field.tokens
	some n in numbers.range(1, max_run)
	last := (i + n) - 1
	last < count(field.tokens)
	g := {"field": name, "i": i, "n": n, "key": key_at(name, i, n), "s": tok.s, "e": field.tokens[last].e}
}

# key_at is the concatenation of n tokens of field name from index i.
key_at(name, i, n) := key if {
	toks := fields[name].tokens
	i >= 0
	(i + n) <= count(toks)
	key := concat("", [toks[m].t | some m in numbers.range(i, (i + n) - 1)])
}

# starts and ends index each field's tokens by their byte offsets, so a
# figure's span can be joined to the tokens around it.
starts[name] := {tok.s: i | some i, tok in field.tokens} if {
	some name, field in fields
}

ends[name] := {tok.e: i | some i, tok in field.tokens} if {
	some name, field in fields
}

# word_hits are the grams found in words, outside the skipped fields.
word_hits(words, skip) := {object.union(g, {"word": g.key, "entry": entry}) |
	some g in grams
	not skip[g.field]
	entry := words[g.key]
}

# prefix_hits are single tokens that start with a prefix (最) and are not
# words of their own: 最 alone (and 最为) reaches over the next word (最 保暖),
# 最X tokens the tokenizer knows (最热销) stand as they are, unless listed as
# not claims (最近, 最后).
prefix_hits(prefixes, words, skip) := {c |
	some g in grams
	g.n == 1
	not skip[g.field]
	pre := prefixes[substring(g.key, 0, 1)]
	not words[g.key]
	not pre.not_claims[g.key]
	c := prefix_hit(pre, g, words)
}

prefix_hit(pre, g, words) := object.union(g, {"word": g.key, "entry": pre}) if not pre.extend[g.key]

prefix_hit(pre, g, words) := c if {
	pre.extend[g.key]
	n := word_run(g.field, g.i + 1)
	next := key_at(g.field, g.i + 1, n)
	word := concat("", [g.key, next])
	not words[word]
	not pre.not_claims[word]
	c := object.union(g, {"n": n + 1, "e": fields[g.field].tokens[g.i + n].e, "word": word, "entry": pre})
}

# word_run is how many tokens from i make the next word: one, or a run of
# single ASCII letters (最in is one word cut into i|n).
word_run(name, i) := n if {
	regex.match(`^[\p{Han}0-9]`, fields[name].tokens[i].t)
	n := 1
} else := n if {
	runs := [k |
		some k in numbers.range(1, 8)
		every m in numbers.range(i, (i + k) - 1) {
			regex.match(`^[a-z]$`, fields[name].tokens[m].t)
		}
	]
	n := max(runs)
}

# longest keeps, of hits that overlap, the longest (the first of equals):
# 全网最低价 over 最低价, 行业第一 over 第一品牌 in 行业第一品牌.
longest(hits) := {c |
	some c in hits
	not beaten(c, hits)
}

beaten(c, hits) if {
	some d in hits
	d.field == c.field
	d.s < c.e
	c.s < d.e
	better(d, c)
}

better(d, c) if (d.e - d.s) > (c.e - c.s)

better(d, c) if {
	(d.e - d.s) == (c.e - c.s)
	d.s < c.s
}

# in_context reports whether the context named name (of contexts) holds
# around hit c.
in_context(contexts, name, c) if {
	ctx := contexts[name]
	not ctx.all
	not ctx.unless
	simple_match(ctx, c)
}

in_context(contexts, name, c) if {
	ctx := contexts[name]
	ctx.all
	every part in ctx.all {
		simple_match(contexts[part], c)
	}
}

in_context(contexts, name, c) if {
	ctx := contexts[name]
	ctx.unless
	simple_match(ctx, c)
	not simple_match(contexts[ctx.unless], c)
}

simple_match(ctx, c) if before_match(ctx, c)

simple_match(ctx, c) if after_match(ctx, c)

simple_match(ctx, c) if sentence_match(ctx, c)

# before_match: a context word ends within window tokens before the hit.
before_match(ctx, c) if {
	ctx.before
	some k in numbers.range(1, object.get(ctx, "window", 3))
	some n in numbers.range(1, min([k, max_run]))
	p := c.i - k
	ctx.before[key_at(c.field, p, n)]
	not boundary_between(c.field, p + n, c.i - 1)
}

# after_match: a context word starts within window tokens after the hit.
after_match(ctx, c) if {
	ctx.after
	some k in numbers.range(0, object.get(ctx, "window", 3) - 1)
	p := (c.i + c.n) + k
	some n in numbers.range(1, max_run)
	ctx.after[key_at(c.field, p, n)]
	not boundary_between(c.field, c.i + c.n, p - 1)
}

# sentence_match: a context word stands anywhere in the hit's sentence.
sentence_match(ctx, c) if {
	ctx.sentence
	some g in sentence_grams(c.field, sentence_at(c.field, c.s))
	ctx.sentence[g.key]
}

boundary_between(name, a, b) if {
	a <= b
	some m in numbers.range(a, b)
	boundaries[fields[name].tokens[m].t]
}

# sentence_at is the sentence span of field name holding byte offset s
# (the whole field when the document gives no sentences).
sentence_at(name, s) := sp if {
	some sp in fields[name].sentences
	sp.s <= s
	s < sp.e
} else := {"s": 0, "e": 1000000000}

sentence_grams(name, sp) := {g |
	some g in grams
	g.field == name
	g.s >= sp.s
	g.e <= sp.e
}

# registered reports whether hit c lies inside a name the user registered
# in data.tables.registered_names (a trademark or product name), looking at
# runs of up to 8 tokens either side of the hit.
registered(c) if {
	names := object.get(data.tables, ["registered_names", "names"], {})
	count(names) > 0
	toks := fields[c.field].tokens
	last := (c.i + c.n) - 1
	some a in numbers.range(max([c.i - 8, 0]), c.i)
	some b in numbers.range(last, min([last + 8, count(toks) - 1]))
	names[concat("", [toks[m].t | some m in numbers.range(a, b)])]
}

# sourced reports whether the claim at hit c states a source and a period,
# in its own sentence or in a footnote it points to (※, *, ①).
sourced(c) if {
	sp := sentence_at(c.field, c.s)
	has_source(c.field, sp)
	has_period(c.field, sp)
}

sourced(c) if footnote_holds(c, "period")

# sourced_only is sourced without a period (for quotes and endorsements).
sourced_only(c) if has_source(c.field, sentence_at(c.field, c.s))

sourced_only(c) if footnote_holds(c, "source")

# limited_and_sourced is the guide's time- and region-limited fact with a
# stated source (2023年京东净水器类目销量第一（数据来源：…）).
limited_and_sourced(c) if {
	sp := sentence_at(c.field, c.s)
	has_source(c.field, sp)
	has_limit(c.field, sp)
}

limited_and_sourced(c) if footnote_holds(c, "limit")

# missing lists what the claim at c lacks: 来源 and/or 期间.
missing(c) := [pair[0] |
	some pair in [["来源", not_has_source(c)], ["期间", not_has_period(c)]]
	pair[1]
]

not_has_source(c) := false if {
	has_source(c.field, sentence_at(c.field, c.s))
} else := false if {
	footnote_holds(c, "source")
} else := true

not_has_period(c) := false if {
	has_period(c.field, sentence_at(c.field, c.s))
} else := false if {
	footnote_holds(c, "period")
} else := true

has_source(name, sp) if {
	some g in sentence_grams(name, sp)
	evidence.sources[g.key]
}

has_source(name, sp) if {
	gs := sentence_grams(name, sp)
	some lead in gs
	evidence.study_lead[lead.key]
	some study in gs
	evidence.studies[study.key]
	study.s > lead.s
}

has_period(name, sp) if {
	some g in sentence_grams(name, sp)
	evidence.periods[g.key]
}

has_period(name, sp) if {
	some num in object.get(input, ["listing", "numbers"], [])
	num.field == name
	num.s >= sp.s
	num.e <= sp.e
	period_figure(num)
}

has_limit(name, sp) if has_period(name, sp)

has_limit(name, sp) if {
	some g in sentence_grams(name, sp)
	evidence.limits[g.key]
}

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
	evidence.period_units[num.unit]
	i := ends[num.field][num.s]
	evidence.period_lead[fields[num.field].tokens[i].t]
}

# footnote_holds: the claim's sentence carries a footnote mark, and a
# sentence of the listing that starts with that mark states a source and,
# for want "period" or "limit", that too.
footnote_holds(c, want) if {
	sp := sentence_at(c.field, c.s)
	some mark in marks
	mark.field == c.field
	mark.s >= sp.s
	mark.s < sp.e
	some first in marks
	first.t == mark.t
	note := sentence_at(first.field, first.s)
	first.s <= note.s + 3
	not same_span(first.field, note, c.field, sp)
	has_source(first.field, note)
	footnote_wants(first.field, note, want)
}

# marks are the footnote marks of every field (※, *, ①), found once.
marks contains {"field": name, "t": tok.t, "s": tok.s} if {
	some name, field in fields
	some tok in field.tokens
	evidence.footnote_marks[tok.t]
}

same_span(a, x, b, y) if {
	a == b
	x == y
}

footnote_wants(_, _, "source")

footnote_wants(name, note, "period") if has_period(name, note)

footnote_wants(name, note, "limit") if has_limit(name, note)
