package engine

import (
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// The pattern search (xiaoer.pattern_hits, which lib/pattern.rego calls)
// looks for the second part of a pattern only within the pattern's gap
// after its head: a word of the part's class whose run starts there, or
// a run of 1 to 3 tokens starting there whose text ends with a suffix of
// a "~name" class. Where the listing has no such word,
// or no such suffix in the tokens those runs can cover, the pattern
// cannot complete after that head, and the engine leaves it out of the
// head's patterns (headTerms): most heads start several patterns and
// complete none (缓解 before no disease, 销量 before no figure word), and
// each pattern the search tries costs a walk. The reach here must stay
// the search's (wordEnds, suffixEnds in policies/patternparts.go).

// partReach is what the second part of a pattern needs after its head:
// a word of class, or (class "") a suffix of suffixes, within gap tokens.
type partReach struct {
	gap      int
	class    string
	suffixes []string
}

// partReaches are the second parts of the patterns with a whole gap of 0
// or more (the default 2 when absent) whose second part is a word class
// or a "~name" class; figure parts ("#unit") and other gaps are not
// narrowed here.
func partReaches(patterns map[string]any, suffixes map[string][]string) map[string]partReach {
	out := map[string]partReach{}
	for id, p := range patterns {
		pattern, _ := p.(map[string]any)
		parts, _ := pattern["parts"].([]any)
		if len(parts) < 2 {
			continue
		}
		second, _ := parts[1].(string)
		gap, ok := gapOf(pattern["gap"])
		switch {
		case !ok || second == "" || strings.HasPrefix(second, "#"):
		case strings.HasPrefix(second, "~"):
			out[id] = partReach{gap: gap, suffixes: suffixes[second[1:]]}
		default:
			out[id] = partReach{gap: gap, class: second}
		}
	}
	return out
}

// gapOf is a pattern's gap (a JSON number), or the default 2 when it has
// none, and whether it is a whole number of at least 0.
func gapOf(v any) (int, bool) {
	if v == nil {
		return 2, true
	}
	g, ok := wholeNumber(v)
	return g, ok && g >= 0
}

// wordAt is a run of a table's pattern_words in the listing: its table,
// its field, its first token and its word's classes.
type wordAt struct {
	table, field string
	i            int
	classes      []string
}

// follows: the part can follow a head of table's field whose last token
// is just before start (toks are the field's tokens, words the pattern
// words in the listing, of every table).
func (r partReach) follows(table, field string, toks []facts.Token, start int, words []wordAt) bool {
	if r.class != "" {
		for _, w := range words {
			if w.table == table && w.field == field && w.i >= start && w.i <= start+r.gap && slices.Contains(w.classes, r.class) {
				return true
			}
		}
		return false
	}
	return r.suffixWithin(toks, start)
}

// suffixWithin: the text of the tokens from start to gap+2 after it holds
// one of the suffixes.
func (r partReach) suffixWithin(toks []facts.Token, start int) bool {
	if start >= len(toks) {
		return false
	}
	var b strings.Builder
	for _, tok := range toks[start:min(start+r.gap+3, len(toks))] {
		b.WriteString(tok.T)
	}
	text := b.String()
	for _, s := range r.suffixes {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// hasClass: some pattern word of table among words has class cls.
func hasClass(words []wordAt, table, cls string) bool {
	for _, w := range words {
		if w.table == table && slices.Contains(w.classes, cls) {
			return true
		}
	}
	return false
}
