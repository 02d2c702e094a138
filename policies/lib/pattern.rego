# METADATA
# title: word-class patterns
# description: |
#   Patterns over classes of words, for claims sellers paraphrase: a
#   time word, then a price rise (明天|就|涨价, 下周|就要|涨价); a failed
#   exam, then a refund (考|不过|全额|退款, 挂科|退费); a storage time,
#   then a gain (存|五年|翻|一倍). A table lists its patterns
#   (data.tables.<table>.patterns: {id: {parts, gap, block, and the
#   fields of a word entry: kind, law, suggestion, needs, allow}}) and the
#   words of each class: data.tables.<table>.pattern_heads holds the
#   words that can start a pattern (its first part), pattern_words the
#   words of its later parts and of its blocking classes, each as
#   {"classes": [...]}. A part is a class name; "#unit", a figure with
#   that unit (提分|50分); or "~name", a run of one to three tokens whose
#   text ends with one of the suffixes data.tables.<table>.pattern_suffixes
#   .name.suffixes lists, with at least one character before it and not
#   in its "not" list: the suffixes that make a word a disease
#   (缓解|腹痛, 改善|消化|不良) without listing every disease.
#
#   Each later part starts within gap tokens (default 2) of the end of the
#   one before, with no clause mark between and no word of a blocking
#   class (不 in 明天也不涨价). A hit spans the whole pattern and has the
#   shape of a lexicon match, with the pattern as its entry, so the word
#   rules treat it as they treat a word: partner contexts, exemptions,
#   names, the longest of overlapping hits.
#
#   The engine's gate stays sound as long as a rule that uses patterns
#   names <table>.pattern_heads in its needs: every pattern hit starts at
#   a word of that lexicon.
package xiaoer.lib.pattern

import data.xiaoer.lib.lexicon

# hits are the pattern hits of table outside the skipped fields.
hits(table, skip) := {h |
	some head in lexicon.found(table, "pattern_heads")
	name := head.field
	not skip[name]
	some id in starting(table, head)
	p := data.tables[table].patterns[id]
	some last in tails(table, p, head)

	# the hit from run head to run last, shaped as lexicon.match's, built
	# in place (a call per hit costs more than the object it builds); the
	# head's fields read once, as each reference is a step
	i := head.i
	n := (last.i + last.n) - i
	toks := input.listing.fields[name].tokens
	key := lexicon.key_at(name, i, n)
	h := {
		"field": name, "i": i, "n": n,
		"s": toks[i].s, "e": toks[(i + n) - 1].e,
		"key": key, "word": key,
		"entry": object.union(object.remove(p, ["parts", "gap", "block"]), {"pattern": id}),
	}
}

# starting are the ids of the patterns run head can start: those whose
# first part is a class of its word. The engine lists them with the run
# (head.patterns, from the tables once when the policies load), less those
# whose second part is a word class no pattern word of the listing has
# (they cannot complete), so a head reads its own patterns and not every
# pattern of the table; documents built by hand (policy tests) get them
# all here.
starting(table, head) := head.patterns if {
	is_array(head.patterns)
} else := [id |
	classes := data.tables[table].pattern_heads[head.key].classes
	some id, p in data.tables[table].patterns
	p.parts[0] in classes
]

# tails are the runs that end pattern p begun at run head: its last part.
tails(table, p, head) := nexts(table, p, head, 1) if {
	count(p.parts) == 2
} else := {last |
	count(p.parts) == 3
	some mid in nexts(table, p, head, 1)
	some last in nexts(table, p, mid, 2)
}

# nexts are the runs of part k of pattern p that follow run prev: words
# of its class, a run ending with one of its suffixes ("~name") or a
# figure with its unit ("#unit"), whichever the part is.
nexts(table, p, prev, k) := word_runs(table, p, prev, p.parts[k]) if {
	not regex.match(`^[#~]`, p.parts[k])
} else := suffixed(table, p, prev, k) if {
	startswith(p.parts[k], "~")
} else := figure_runs(table, p, prev, p.parts[k])

word_runs(table, p, prev, part) := {r |
	name := prev.field
	start := prev.i + prev.n
	last := start + object.get(p, "gap", 2)

	# every pattern word of the listing is tried: its index read once
	some r in lexicon.found(table, "pattern_words")
	i := r.i
	i >= start
	i <= last
	r.field == name
	part in data.tables[table].pattern_words[r.key].classes
	open_between(table, p, name, start, i - 1)
}

figure_runs(table, p, prev, part) := {r |
	startswith(part, "#")
	unit := substring(part, 1, -1)
	start := prev.i + prev.n
	some num in object.get(input, ["listing", "numbers"], [])
	num.unit == unit
	num.field == prev.field
	first := lexicon.figure_first(num)
	first >= start
	first <= start + object.get(p, "gap", 2)
	open_between(table, p, num.field, start, first - 1)
	r := {"field": num.field, "i": first, "n": (lexicon.figure_last(num) - first) + 1}
}

# open_between: no clause mark and no word of a blocking class among
# tokens a..b of field name.
open_between(table, p, name, a, b) := true if {
	a > b
} else := true if {
	a <= b
	not blocked(table, p, name, a, b)
}

blocked(_, _, name, a, b) if lexicon.boundary_between(name, a, b)

blocked(table, p, name, a, b) if {
	some m in numbers.range(a, b)
	some cls in data.tables[table].pattern_words[input.listing.fields[name].tokens[m].t].classes
	cls in object.get(p, "block", [])
}

# suffixed are the runs of part k ("~name") of pattern p after run prev
# whose text ends with a suffix of the class. Each ending of a run's text
# is looked up among the suffixes (a run has a few characters, a class
# tens of suffixes). The engine gives a head a "~name" second part only
# where a suffix of the class lies in this reach (runs of 1 to 3 tokens
# from within gap tokens of the head: scanner/engine/patternreach.go):
# widen it there too. The same holds for word_runs' gap.
suffixed(table, p, prev, k) := {r |
	startswith(p.parts[k], "~")
	cls := data.tables[table].pattern_suffixes[substring(p.parts[k], 1, -1)]
	start := prev.i + prev.n
	some q in numbers.range(start, start + object.get(p, "gap", 2))
	some n in [1, 2, 3]
	key := lexicon.key_at(prev.field, q, n)
	count(input.listing.fields[prev.field].tokens) >= q + n
	count(key) > 1
	some l in numbers.range(1, count(key) - 1)
	_ = cls.suffixes[substring(key, count(key) - l, l)]
	not cls.not[key]
	open_between(table, p, prev.field, start, q - 1)
	r := {"field": prev.field, "i": q, "n": n}
}
