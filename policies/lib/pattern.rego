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

# hits are the pattern hits of table outside the skipped fields. They
# are found in Go (xiaoer.pattern_hits, policies/patternbuiltin.go): in
# Rego, every pattern word of the listing was tried for every later part
# of every pattern of every head, a hundred steps and more per call, and
# each word rule calls it. A table without patterns has no hits.
#
# The engine gives a head a "~name" second part only where a suffix of
# the class lies in the builtin's reach (runs of 1 to 3 tokens from within
# gap tokens of the head: scanner/engine/patternreach.go): widen it there
# too. The same holds for a word part's gap.
default hits(_, _) := set()

# Every hit starts at a pattern head, and the engine lists a lexicon in
# input.listing.lexicon.found only where the listing has runs of it: on a
# listing without a head (most) the call is left out. With a head, the
# engine's runs of the table go to the builtin whole
# (xiaoer.found_pattern_hits picks the heads and words, and knows the
# boundaries), read in the head as lexicon.found reads them: the body is
# empty on purpose, and a document built by hand (no found) leaves the
# head undefined and takes the last call. The engine's runs are read
# here, not through lexicon.found: its two calls cost ad-pressure about
# 40k instructions a listing that reaches it.
hits(table, skip) := set() if {
	input.listing.lexicon.found
	not input.listing.lexicon.found[table].pattern_heads
} else := xiaoer.found_pattern_hits(input.listing.lexicon.found[table], data.tables[table], input.listing, skip) if {
	true
} else := xiaoer.pattern_hits(
	lexicon.found(table, "pattern_heads"), lexicon.found(table, "pattern_words"),
	data.tables[table], input.listing, lexicon.boundaries, skip,
)

# starting are the ids of the patterns run head can start: those whose
# first part is a class of its word. The engine lists them with the run
# (head.patterns, from the tables once when the policies load), less those
# whose second part is a word class no pattern word of the listing has
# (they cannot complete), so a head reads its own patterns and not every
# pattern of the table; documents built by hand (policy tests) get them
# all (xiaoer.pattern_hits does the same; the engine's tests read this).
starting(table, head) := head.patterns if {
	is_array(head.patterns)
} else := [id |
	classes := data.tables[table].pattern_heads[head.key].classes
	some id, p in data.tables[table].patterns
	p.parts[0] in classes
]
