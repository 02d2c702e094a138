# METADATA
# title: lexicon matching
# description: |
#   Word-list matching on tokens, shared by the advertising, counterfeit and
#   guarantee rules. A lexicon is an object keyed by word; a key matches any
#   run of one to max_run whole tokens whose normalised forms concatenate to it, so
#   "最保暖" matches 最|保暖 and "最" never matches inside 最近. Every check
#   is an object lookup on a token or a run of tokens: a longer lexicon does
#   not make evaluation slower.
#
#   Allow-contexts (exemptions) and partner contexts are data too: a context
#   lists words that may stand before the hit (before), after it (after) or
#   anywhere in its sentence (sentence), within window tokens and without a
#   clause mark in between; "all" needs every named context, "unless" names a
#   context that cancels it.
#
#   Performance notes (measured, see scanner/bench_ad_test.go): functions
#   take field names and indexes, never token arrays or whole lexicons (OPA
#   hashes and converts arguments, so a large argument costs its size on
#   every call), and rules look words up with data refs (data.tables.X.words[key])
#   so only the entries looked up are read from the store. Nothing walks
#   every token of a listing when the engine gives input.listing.lexicon
#   (see found): rules walk the runs their own tables know, and look at the
#   tokens around each hit.
package xiaoer.lib.lexicon

fields := object.get(input, ["listing", "fields"], {})

# max_run is the longest run of tokens a lexicon key can span (jieba cuts
# 原单尾货 into 原|单|尾|货).
max_run := 4

# boundaries are the tokens that close a clause: context words do not reach
# across them (坚持原创，最好的面料 is no aspiration). Brackets are no
# boundary: 【复刻】大牌香水 and 销量第一（数据来源…） read across them.
boundaries := {",", "。", ";", "!", "?", "、", "|"}

# runs holds, for every field and token, the keys of the runs of 1 to
# max_run tokens that start there: in 最近|上新|最|保暖,
# runs.title[2] == ["最", "最保暖", "最保暖", "最保暖"]. Built once per document with builtins only, and only
# when the document has no input.listing.lexicon (see found). Near the
# end of a field the array repeats its shorter keys (the padding is empty);
# users of a key at k check that token i+k exists.
runs := {name: field_runs(field.tokens) | some name, field in fields}

# field_runs is runs for one field (a complete rule, so OPA builds it once
# per document; a partial rule would be rebuilt at every reference).
field_runs(toks) := [[
	tok.t,
	concat("", [tok.t, padded[i + 1].t]),
	concat("", [tok.t, padded[i + 1].t, padded[i + 2].t]),
	concat("", [tok.t, padded[i + 1].t, padded[i + 2].t, padded[i + 3].t]),
] |
	padded := array.concat(toks, [{"t": ""}, {"t": ""}, {"t": ""}])
	some i, tok in toks
]

# found(table, lex) are the runs of the listing whose key is a word of
# data.tables[table][lex]: {field, i, n, key}. The engine lists them in Go
# (input.listing.lexicon.found), so a word-list rule walks its own hits and
# not every token; documents built by hand (policy tests) lack the list,
# and every run of every field is looked up here.
#
# The engine's list is read by the head alone (the compiler drops the body
# true, and the head's reference and lookup are the call's two steps; a
# condition on the list was a third): a document without it leaves the
# reference undefined, which takes the else branch all the same. found is
# asked a few times per rule.
found(table, lex) := object.get(input.listing.lexicon.found, [table, lex], []) if {
	true
} else := [c |
	some c in all_runs
	data.tables[table][lex][c.key]
]

# all_runs are the runs of 1 to max_run tokens of every field.
all_runs := [{"field": name, "i": i, "n": k + 1, "key": key} |
	some name, rs in runs
	some i, keys in rs
	some k, key in keys
	input.listing.fields[name].tokens[i + k]
]

# context_at[name][i] lists the runs {n, key} from token i of field name
# that may be context words, so a context is checked with a lookup per
# token around a hit. The engine groups them (input.listing.lexicon.context:
# the runs whose key is a word of some data.tables.<table>.contexts);
# documents built by hand get every run.
context_at := {name: {e.i: e.runs | some e in starts} |
	some name, starts in input.listing.lexicon.context
} if {
	input.listing.lexicon.context
} else := {name: {i: [{"n": k + 1, "key": key} | some k, key in keys; input.listing.fields[name].tokens[i + k]] |
	some i, keys in rs
} |
	some name, rs in runs
}

# prefixed are the tokens {field, i} that may start with a prefix of a
# table (最为): input.listing.lexicon.prefixed (tokens whose first
# character is a key of some table's prefixes), or every token.
prefixed := input.listing.lexicon.prefixed if {
	input.listing.lexicon.prefixed
} else := [{"field": name, "i": i} |
	some name, field in fields
	some i, _ in field.tokens
]

# matches are the runs of the listing (outside the skipped fields) found in
# the lexicon data.tables[table][lex], as hits: match's shape. The hits are
# built in Go (xiaoer.matches, policies/matchesbuiltin.go): built here,
# each took two dozen steps, and every word rule builds its own. A table
# without the lexicon, or a document without fields, gives no hits.
default matches(_, _, _) := set()

# The engine's found list is read in the head, as found reads it: a call
# of found was one more function call per rule and lexicon (about 24k
# instructions a listing that reaches ad-absolute). The body is empty
# (true) on purpose: without that list (documents built by hand) the head
# is undefined, and the else calls found.
matches(table, lex, skip) := xiaoer.matches(
	object.get(input.listing.lexicon.found, [table, lex], []),
	data.tables[table][lex], input.listing.fields, skip,
) if {
	true
} else := xiaoer.matches(found(table, lex), data.tables[table][lex], input.listing.fields, skip)

# any_match reports whether some run of the listing is in the lexicon.
# The engine's list is read in place (its first run), not through found:
# the two calls and the count cost ad-pressure's dated about 27k
# instructions a listing. A document without the list walks its runs.
any_match(table, lex) if input.listing.lexicon.found[table][lex][0]

any_match(table, lex) if {
	not input.listing.lexicon.found
	count(found(table, lex)) > 0
}

# match is the hit of run key (k+1 tokens from token i of field name).
match(name, i, k, key, entry) := {
	"field": name, "i": i, "n": k + 1,
	"s": input.listing.fields[name].tokens[i].s, "e": input.listing.fields[name].tokens[i + k].e,
	"key": key, "word": key, "entry": entry,
}

# prefix_hit is the hit of a token starting with a prefix (最) that is no
# word of its own: 最 alone (and 最为) reaches over the next word (最 保暖);
# 最X tokens the tokenizer knows (最热销) stand as they are.
# prefix_hits are the tokens that start with a prefix of the table (最) and
# are no words of their own: 最 alone (and 最为) reaches over the next word
# (最 保暖); 最X tokens the tokenizer knows (最热销) stand as they are;
# words the table lists as not claims (最近, 最后) are left out. Those
# tokens are picked in Go (xiaoer.prefix_starts,
# policies/prefixstartsbuiltin.go): in Rego each token of prefixed took
# six steps, and most fail (another table's prefix, or a word: 最好).
prefix_hits(table, skip) := {c |
	some p in xiaoer.prefix_starts(prefixed, data.tables[table], input.listing.fields, skip)
	c := prefix_hit(table, p.prefix, p.field, p.i)
}

prefix_hit(table, prefix, name, i) := match(name, i, 0, tok.t, entry) if {
	tok := input.listing.fields[name].tokens[i]
	not data.tables[table].prefixes[prefix].extend[tok.t]
	entry := object.remove(data.tables[table].prefixes[prefix], ["not_claims", "extend"])
}

prefix_hit(table, prefix, name, i) := object.union(match(name, i, n, word, entry), {"word": word}) if {
	tok := input.listing.fields[name].tokens[i]
	data.tables[table].prefixes[prefix].extend[tok.t]
	n := word_run(name, i + 1)
	word := concat("", [tok.t, key_at(name, i + 1, n)])
	not data.tables[table].words[word]
	not data.tables[table].prefixes[prefix].not_claims[word]
	entry := object.remove(data.tables[table].prefixes[prefix], ["not_claims", "extend"])
}

# word_run is how many tokens from i make the next word: one, or a run of
# single ASCII letters when the tokenizer cut a Latin word (最 i n).
word_run(name, i) := 1 if {
	regex.match(`^(?:[\p{Han}0-9]|[a-z]{2})`, input.listing.fields[name].tokens[i].t)
} else := n if {
	letters := [k |
		some k in numbers.range(1, 8)
		every m in numbers.range(i, (i + k) - 1) {
			regex.match(`^[a-z]$`, input.listing.fields[name].tokens[m].t)
		}
	]
	n := max(letters)
}

# longest keeps, of hits that overlap, the longest (the first of equals):
# 全网最低价 over 最低价, 行业第一 over 第一品牌 in 行业第一品牌. Of a word
# and a word-class pattern over the same span (销量领先, 销量|领先), the
# word wins: its entry is the more specific.
#
# A hit is dropped when another hit of its field overlaps it (one starts
# before the other ends, both ways) and ranks higher, by rank [length,
# -start, word] (word: true for a word, false for a pattern). The ranking
# and pairing run in Go (xiaoer.longest, policies/longestbuiltin.go): in
# Rego, the sort and the pairs of a listing with a few overlapping hits
# took a hundred steps and more, where the call is one. Hits lacking
# field, s, e or entry are left out; fewer than two come back as given.
longest(hits) := xiaoer.longest(hits)

# in_context reports whether the context name of data.tables[table].contexts
# holds around hit c.
#
# in_context and simple_match end in false rather than undefined: OPA
# keeps a function's answer for its arguments only when the function
# gives a value, and rules ask the same context about the same hit more
# than once (an exemption checked, then named).
in_context(table, name, c) := false if {
	# the usual answer, in one step: the engine's held has no entry for
	# the context (the listing has none of its words). It always has one,
	# empty or not, for a conjunction (all) or a restated context: those
	# take the steps below. (The second line is `not walked`.)
	not input.listing.lexicon.held[table][name]
	input.listing.lexicon.held
} else := holds if {
	# the engine's documents: xiaoer.in_context (policies/contextbuiltin.go)
	# answers the rest of the chain in one step, where its calls of
	# simple_match and reads of the context took about 90k instructions;
	# it leaves the rare shapes (a restated word elsewhere) to the bodies
	# below, which documents built by hand take.
	holds := xiaoer.in_context(input.listing.lexicon, table, name, c, data.tables[table].contexts, input.listing.fields)
} else := true if {
	simple_match(table, name, c)
	ctx := data.tables[table].contexts[name]
	not ctx.all
	not ctx.unless
} else := true if {
	ctx := data.tables[table].contexts[name]
	ctx.all
	every part in ctx.all {
		simple_match(table, part, c)
	}
} else := true if {
	simple_match(table, name, c)
	ctx := data.tables[table].contexts[name]
	ctx.unless
	not simple_match(table, ctx.unless, c)
} else := false

# holds_any reports whether one of the context names (of table) holds
# around hit c: some name of may_hold(table, names) with in_context. On
# the engine's documents xiaoer.any_in_context (policies/
# anycontextbuiltin.go) answers for all the names in one step, where
# may_hold and a call of in_context per name it kept took two calls and
# two builtins a hit at least; where it does not answer (a rare shape of
# context, a document built by hand) the names are walked. It ends in
# false, as in_context does, so the answer is kept for the hit.
holds_any(table, names, c) := holds if {
	holds := xiaoer.any_in_context(input.listing.lexicon, table, names, c, data.tables[table].contexts, input.listing.fields)
} else := true if {
	some name in may_hold(table, names)
	in_context(table, name, c)
} else := false

# may_hold are those of the context names (of table) that can hold around
# a hit: with the engine's held, the names it lists (in_context answers
# false at once for the others, so a rule walking an entry's exemptions
# asks only these: one call per hit, not one per name); without held, all.
# xiaoer.held_names (policies/heldbuiltin.go) picks them in one step, where
# a comprehension took two per name.
may_hold(table, names) := names if {
	not input.listing.lexicon.held
} else := xiaoer.held_names(input.listing.lexicon.held, table, names)

# held are the engine's answers (input.listing.lexicon.held, worked out
# from the same context words with the same windows and clause marks):
# held[table][name].before[field] holds the first tokens of the hits with
# a before word, .after[field] the tokens right after the hits with an
# after word, .sentence[field] the ends (sp.e) of the sentences with a
# sentence word. Documents built by hand have none; the rules below walk
# the tokens for them.
#
# held and walked are kept for policies that read them; the hot paths
# here (in_context, may_hold, simple_match, unexempting) read
# input.listing.lexicon.held itself: a reference to a rule is a rule to
# evaluate or look up in OPA's cache, every time, and costs more than the
# input reference (export-1000: about 2% of the Rego's instructions, with
# exposure's tables read through an import).
held := input.listing.lexicon.held

# simple_match: a word of the context's before, after or sentence list
# holds around hit c. With held, a context none of whose words the
# listing has (most of those an exemption list names) is one failed
# lookup, and the sentence of the hit is looked up only when some
# sentence of its field holds the context. A context marked restated
# also holds when the hit's word is restated in a sentence of another
# field with a word of its sentence list: 抗菌 in the title, 抗菌性能按GB
# 21551.2检测 in the description. The engine's positions of the context
# hold where h.before[c.field][c.i], h.after[c.field][c.i + c.n] or
# h.sentence[c.field][sentence_at(c.field, c.s).e] does: xiaoer.held_at
# (policies/heldbuiltin.go) looks, in one step where three clauses and
# the sentence lookup took several, for every context of every hit.
simple_match(table, name, c) := true if {
	xiaoer.held_at(input.listing.lexicon.held[table][name], c, input.listing.fields)
} else := true if {
	not input.listing.lexicon.held
	walked_match(table, name, c)
} else := true if {
	data.tables[table].contexts[name].restated
	restated_match(table, name, c)
} else := false

# walked: the document has no held (built by hand); the library walks
# the tokens around a hit.
walked if not input.listing.lexicon.held

walked_match(table, name, c) if before_match(table, name, c)

walked_match(table, name, c) if after_match(table, name, c)

walked_match(table, name, c) if sentence_match(table, name, c)

# sentence_match: a context word lies in the sentence of the hit.
sentence_match(table, name, c) if held[table][name].sentence[c.field][sentence_at(c.field, c.s).e]

sentence_match(table, name, c) if {
	not input.listing.lexicon.held
	words := data.tables[table].contexts[name].sentence
	sp := sentence_at(c.field, c.s)
	sp.first < sp.end
	some i in numbers.range(sp.first, sp.end - 1)
	some r in context_at[c.field][i]
	words[r.key]
	input.listing.fields[c.field].tokens[(i + r.n) - 1].e <= sp.e
}

# restated_match: the word of hit c, restated in a sentence of another
# field beside a word of the context's sentence list.
restated_match(table, name, c) if {
	ctx := data.tables[table].contexts[name]
	some r in found(table, "words")
	r.field != c.field
	r.key == c.key
	toks := input.listing.fields[r.field].tokens
	sp := sentence_at(r.field, toks[r.i].s)
	some i in numbers.range(sp.first, sp.end - 1)
	some w in context_at[r.field][i]
	ctx.sentence[w.key]
	toks[(i + w.n) - 1].e <= sp.e
}

# before_match: a context word lies within window tokens before the hit.
before_match(table, name, c) if held[table][name].before[c.field][c.i]

before_match(table, name, c) if {
	not input.listing.lexicon.held
	ctx := data.tables[table].contexts[name]
	ctx.before
	some p in numbers.range(max([c.i - object.get(ctx, "window", 3), 0]), c.i - 1)
	some r in context_at[c.field][p]
	p + r.n <= c.i
	ctx.before[r.key]
	not boundary_between(c.field, p + r.n, c.i - 1)
}

# after_match: a context word starts within window tokens after the hit.
after_match(table, name, c) if held[table][name].after[c.field][c.i + c.n]

after_match(table, name, c) if {
	not input.listing.lexicon.held
	ctx := data.tables[table].contexts[name]
	ctx.after
	start := c.i + c.n
	some p in numbers.range(start, (start + object.get(ctx, "window", 3)) - 1)
	some r in context_at[c.field][p]
	ctx.after[r.key]
	not boundary_between(c.field, start, p - 1)
}

# boundary_between: a clause mark among tokens a..b of field name, looked
# for in Go (xiaoer.boundary_between, policies/boundarybuiltin.go): the
# rules ask it across the tokens before every context word, figure and
# pattern part, and the Rego's walk took three steps a token.
boundary_between(name, a, b) if xiaoer.boundary_between(input.listing.fields, name, a, b, boundaries)

# sentence_at is the sentence of field name holding byte offset s, with the
# indexes of its first token and of the first token after it (the whole
# field when the document gives no sentences).
sentence_at(name, s) := with_tokens(name, sp) if {
	some sp in input.listing.fields[name].sentences
	sp.s <= s
	s < sp.e
} else := {"s": 0, "e": 1000000000, "first": 0, "end": count(input.listing.fields[name].tokens)}

# with_tokens is sentence sp with its token indexes: the engine's sentences
# carry them; sentences written by hand (policy tests) get them here.
with_tokens(_, sp) := sp if sp.first

with_tokens(name, sp) := object.union(sp, {"first": first_token(name, sp.s), "end": first_token(name, sp.e)}) if not sp.first

# first_token is the index of the first token at or after byte s (sentences
# may start with spaces the tokenizer dropped), or the token count.
first_token(name, s) := count(input.listing.fields[name].tokens) if {
	count(input.listing.fields[name].tokens) == 0
} else := count(input.listing.fields[name].tokens) if {
	s >= input.listing.fields[name].tokens[count(input.listing.fields[name].tokens) - 1].e
} else := min(found) if {
	found := [i | some d in numbers.range(0, 8); i := starts[name][s + d]]
	count(found) > 0
} else := min(after) if {
	after := [i | some i, tok in input.listing.fields[name].tokens; tok.s >= s]
	count(after) > 0
} else := count(input.listing.fields[name].tokens)
