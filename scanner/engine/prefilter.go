package engine

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// prefilter decides, from a listing's text alone, that the gate would
// skip every listing rule: then the listing needs no tokens, no facts and
// no evaluation. Most titles hold no word any rule needs, and tokenizing
// and building facts for them cost more than judging the few that do.
//
// It may let through a listing the gate then skips, never the reverse:
//   - a run of tokens concatenates to a stretch of the text the tokenizer
//     cuts (Dodges.CutText) with at most whitespace left out (whitespace
//     tokens are dropped), so a gate word (whitespace removed) is a
//     substring of that text with whitespace removed;
//   - a token's first character is a character of that text;
//   - facts are hinted by the words their extractors start from
//     (facts.MayStateFibre, facts.MayClaimDown, facts.MayPromise) or by a
//     brand that might be written masked; other facts are taken as there.
//
// Where the text allows some rule, the tokens decide the words (as the
// gate does) and the hints still stand for the facts: extracting them
// costs about as much as building the document.
//
// Listings with attributes go the whole way: their facts come from the
// attributes too.
type prefilter struct {
	words    map[string][]int // gate words, whitespace removed → alternatives
	lengths  map[rune][]int   // first rune → byte lengths of those words, longest first
	prefixes map[rune][]int   // one-character prefix keys → alternatives
}

func newPrefilter(g *gate) prefilter {
	p := prefilter{words: map[string][]int{}, lengths: map[rune][]int{}, prefixes: map[rune][]int{}}
	for word, alts := range g.allWords() {
		w := withoutSpace(word)
		if w == "" {
			continue // no token run is whitespace alone
		}
		if p.words[w] == nil {
			r, _ := utf8.DecodeRuneInString(w)
			p.lengths[r] = append(p.lengths[r], len(w))
		}
		p.words[w] = append(p.words[w], alts...)
	}
	for r, ls := range p.lengths {
		sort.Sort(sort.Reverse(sort.IntSlice(ls)))
		p.lengths[r] = ls
	}
	for key, alts := range g.prefixes {
		if r, size := utf8.DecodeRuneInString(key); size == len(key) && size > 0 {
			p.prefixes[r] = append(p.prefixes[r], alts...)
		}
	}
	return p
}

// withoutSpace is s without the whitespace and NUL characters, the ones
// no kept token holds at either end (the tokenizer reads NUL as a space).
func withoutSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0 || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// mark marks the alternatives whose words are in text (normalised,
// whitespace removed) and whose prefixes are some character of it.
func (p *prefilter) mark(text string, words, prefixes []bool) {
	for i, r := range text {
		mark(prefixes, p.prefixes[r])
		for _, n := range p.lengths[r] {
			if i+n <= len(text) {
				mark(words, p.words[text[i:i+n]])
			}
		}
	}
}

// unjudged reports that no listing rule can find anything in l, decided
// before the document is built (see prefilter): first from the text, then,
// when the text allows some rule, from the tokens as the gate reads them
// (fields gives them: Builder.Fields, called at most once).
func (g *gate) unjudged(l *listings.Listing, fields func() map[string]facts.Field) bool {
	if len(g.rules) == 0 || g.open || len(l.Attributes) > 0 {
		return false
	}
	h := newTextHints(l, g.masked)
	words, prefixes := make([]bool, len(g.alts)), make([]bool, len(g.alts))
	for _, norm := range h.norms {
		g.pre.mark(withoutSpace(g.dodges.CutText(norm)), words, prefixes)
	}
	anyUnit := func(map[string]bool) bool { return true } // no figures before the tokens
	if !g.anyAlternative(words, prefixes, h.mayHaveFact, h.mayPromise, anyUnit) {
		return true
	}
	m := g.newMarks()
	cut := fields()
	for name, f := range cut {
		g.markWords(name, f.Tokens, m)
	}
	m.resolvePartners()
	// The figures Build would find (they read the cut fields alone), once.
	var numbers []facts.Number
	figures := func() []facts.Number {
		if numbers == nil {
			numbers = nonNilNumbers(facts.Numbers(cut))
		}
		return numbers
	}
	if len(m.heads) > 0 {
		g.resolveHeads(m.heads, m.words, newPatternEvidence(cut, figures))
	}
	if len(m.near) > 0 {
		g.resolveNearFigures(m, figures())
	}
	units := func(units map[string]bool) bool { return hasUnit(figures(), units) }
	return !g.anyAlternative(m.words, m.prefixes, h.mayHaveFact, h.mayPromise, units)
}

func nonNilNumbers(ns []facts.Number) []facts.Number {
	if ns == nil {
		return []facts.Number{}
	}
	return ns
}

// anyAlternative: some alternative has its words, prefixes, facts,
// promises and units (the other tests run only where the words are).
func (g *gate) anyAlternative(words, prefixes []bool, fact func([]string) bool, promise, unit func(map[string]bool) bool) bool {
	for a, alt := range g.alts {
		if (!alt.words || words[a]) && (!alt.prefixes || prefixes[a]) && fact(alt.facts) && promise(alt.promises) && unit(alt.units) {
			return true
		}
	}
	return false
}

// allWords are the gate's words, its pattern heads and its words with a
// partner context, each with the alternatives that name it: the text
// alone cannot tell whether a head's pattern completes, a partner's words
// are runs of tokens or a word follows a figure, so the prefilter takes
// them all as words.
func (g *gate) allWords() map[string][]int {
	all := make(map[string][]int, len(g.words)+len(g.heads)+len(g.partners)+len(g.nearFigure))
	for w, alts := range g.words {
		all[w] = append(all[w], alts...)
	}
	for w, needs := range g.heads {
		for _, h := range needs {
			all[w] = append(all[w], h.alt)
		}
	}
	for w, needs := range g.partners {
		for _, p := range needs {
			all[w] = append(all[w], p.alt)
		}
	}
	for w, alts := range g.nearFigure {
		all[w] = append(all[w], alts...)
	}
	return all
}
