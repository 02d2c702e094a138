package engine

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/runes"
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
//     (facts.MayStateFibre, facts.MayClaimDown, facts.PromiseWordsIn) or by a
//     brand that might be written masked; other facts are taken as there.
//     Where a fibre, down or promise word is there, the facts are extracted
//     as Build extracts them (they read the text alone, see textHints):
//     most such words state nothing (棉服, 包邮).
//
// Where the text allows some rule, the tokens decide the words (as the
// gate does) and the facts stand as the text stage read them. A listing's
// category holds its product-kind contexts at both stages, as in gate.skip
// (productkinds.go).
//
// Listings with attributes go the whole way: their facts come from the
// attributes too.
type prefilter struct {
	words *textTrie // the gate's words, prefix characters and pattern words, whitespace removed
	// figureUnits are each alternative's Needs.FigureUnits (nil: any).
	figureUnits []map[string]bool
}

func newPrefilter(g *gate) prefilter {
	p := prefilter{words: newTextTrie(), figureUnits: make([]map[string]bool, len(g.alts))}
	for a, alt := range g.alts {
		p.figureUnits[a] = alt.figureUnits
	}
	for k, w := range g.words {
		p.word(k).merge(w)
	}
	for _, pt := range g.starts {
		for k := range pt.classes {
			p.word(k).addClasses(pt.index, pt.wordBits[k])
		}
	}
	for key, alts := range g.prefixes {
		if _, size := utf8.DecodeRuneInString(key); size == len(key) && size > 0 {
			p.word(key).prefixes = append(p.word(key).prefixes, alts...)
		}
	}
	// The text counts a prefix wherever it is: which token it starts is
	// read from the tokens (prefixgate.go).
	for key, needs := range g.hitPrefixes {
		for _, n := range needs {
			p.word(key).prefixes = append(p.word(key).prefixes, n.alt)
		}
	}
	return p
}

// addClasses adds the class bits of a table (its index) to w's (two
// words the same without whitespace are one word of the text).
func (w *gateWord) addClasses(table int, bits uint64) {
	for i := range w.classes {
		if w.classes[i].table == table {
			w.classes[i].bits |= bits
			return
		}
	}
	w.classes = append(w.classes, classBits{table, bits})
}

// merge adds what o counts for to w (two words the same without
// whitespace are one word of the text). An allowed word counts in the
// text wherever it is: whether its contexts hold is read from the tokens.
func (w *gateWord) merge(o *gateWord) {
	w.alts = append(w.alts, o.alts...)
	for _, need := range o.allowed {
		w.alts = append(w.alts, need.alt)
	}
	w.contexts = append(w.contexts, o.contexts...)
	w.near = append(w.near, o.near...)
	w.before = append(w.before, o.before...)
	w.heads = append(w.heads, o.heads...)
	w.partners = append(w.partners, o.partners...)
}

// word is the entry of word (whitespace removed), made on first use; a
// word of whitespace alone gets one no text finds (no token run is
// whitespace alone).
func (p *prefilter) word(word string) *gateWord { return p.words.add(withoutSpace(word)) }

// withoutSpace is s without the whitespace and NUL characters, the ones
// no kept token holds at either end (the tokenizer reads NUL as a space).
// Most titles hold none, and a look at the bytes finds that: every
// whitespace character and NUL is encoded starting with a control or
// space byte, 0xC2 (U+0085, U+00A0) or 0xE1 to 0xE3 (U+1680, U+2000 to
// U+205F, U+3000), none of which starts a Chinese character.
func withoutSpace(s string) string {
	for i := 0; i < len(s); i++ {
		if mayBeSpace(s[i]) {
			return mapWithoutSpace(s)
		}
	}
	return s
}

// mayBeSpace: c may start a whitespace character or NUL (see withoutSpace).
func mayBeSpace(c byte) bool { return c <= ' ' || c == 0xC2 || c >= 0xE1 && c <= 0xE3 }

// mapWithoutSpace is strings.Map dropping NUL and whitespace (an invalid
// byte written as U+FFFD, as Map writes it), copying the runs between
// them whole: half the titles hold a space, and Map's call and write per
// character cost the text stage more than its search.
func mapWithoutSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	kept := 0 // the start of the run not yet copied
	for i := 0; i < len(s); {
		r, n := runes.At(s, i)
		if n == 0 {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if r == 0 || mayBeSpace(s[i]) && unicode.IsSpace(r) || r == utf8.RuneError && n == 1 {
			b.WriteString(s[kept:i])
			if r == utf8.RuneError {
				b.WriteRune(r)
			}
			kept = i + n
		}
		i += n
	}
	b.WriteString(s[kept:])
	return b.String()
}

// mark marks, in m, what the words in text (a field's text, normalised,
// read without its whitespace: textTrie.each) count for, the prefixes
// that are some character of it, and in ev the pattern-word classes of
// the words found; chars are the text's (trieText.read). figures names
// the field (figureChars.hints, .field).
// The offsets are the text's, whitespace and all: a word comes before or
// after a figure's character there as it does without the whitespace.
func (p *prefilter) mark(text string, chars []trieChar, figures figureChars, m *marks, ev *textEvidence) {
	figures.text, figures.chars = text, chars
	p.words.each(figures.chars, func(at, end int, w *gateWord) { p.markText(m, w, at, end, &figures, ev) })
	ev.texts = append(ev.texts, text)
}

// figureChars are the offsets of the first and the last character of a
// text that can start a figure, and the units its figures may have,
// found when first asked: most texts hold no word that counts only before
// or after a figure.
type figureChars struct {
	text        string
	chars       []trieChar // the text's, as the trie reads them
	first, last int
	found       bool
	hints       *textHints // the listing's, for the units of figures
	field       int        // the text's index in hints
}

func (f *figureChars) find() {
	if !f.found {
		f.first, f.last = figureCharsIn(f.chars, len(f.text))
		f.found = true
	}
}

// mayHaveUnit: some figure the field may have has one of the units (nil:
// any figure will do). A word after a figure (figurenear.go) counts only
// after a figure of its field with one of its units: most titles with a
// crowd word (宝宝, 学生) hold no figure, or one of a size or an age (3岁).
func (f *figureChars) mayHaveUnit(units map[string]bool) bool {
	for _, u := range f.hints.figureUnits(f.field) {
		if units == nil || units[u] {
			return true
		}
	}
	return false
}

// markText records word w found in a text from byte offset at to end:
// what it counts for at once, what it counts for where a figure can start
// before or after it, and what it may count for once the whole text is
// read.
func (p *prefilter) markText(m *marks, w *gateWord, at, end int, figures *figureChars, ev *textEvidence) {
	mark(m.words, w.alts)
	mark(m.prefixes, w.prefixes)
	mark(m.contexts, w.contexts)
	if len(w.near) > 0 {
		if figures.find(); at >= figures.first {
			for _, a := range w.near {
				if figures.mayHaveUnit(p.figureUnits[a]) {
					m.words[a] = true
				}
			}
		}
	}
	if len(w.before) > 0 {
		if figures.find(); end <= figures.last {
			mark(m.words, w.before)
		}
	}
	// Most words are neither: an append of none still calls the runtime.
	if len(w.heads) > 0 {
		m.heads = append(m.heads, w.heads...)
	}
	if len(w.partners) > 0 {
		m.partners = append(m.partners, w.partners...)
	}
	ev.add(w)
}

// unjudged reports that no listing rule can find anything in l, decided
// before the document is built (see prefilter): first from the text, then,
// when the text allows some rule, from the tokens as the gate reads them
// (fields gives them: Builder.Fields, called at most once).
func (g *gate) unjudged(l *listings.Listing, fields func() map[string]facts.Field) (Gated, bool) {
	if !g.textGated(l) {
		return Gated{}, false
	}
	w := g.work(l)
	defer g.done(w)
	if g.textRulesOut(w, l) {
		return Gated{}, true
	}
	h := &w.hints
	cut := fields()
	// The figures Build would find (they read the cut fields alone), once.
	var numbers []facts.Number
	figures := func() []facts.Number {
		if numbers == nil {
			numbers = nonNilNumbers(facts.Numbers(cut))
		}
		return numbers
	}
	m := g.markTokensIn(&w.tokens, cut, figures, l.Category)
	units := func(units map[string]bool) bool { return hasUnit(figures(), units) }
	if !g.anyAlternative(m.words, m.prefixes, h, units) {
		return Gated{}, true
	}
	// The document is built from these fields: its figures are these, so
	// gate.skip would mark the same (the marks go back to the pool).
	return Gated{tokens: &marks{words: slices.Clone(m.words), prefixes: slices.Clone(m.prefixes)}}, false
}

// textGated: the gate reads l at all (unjudged's first test). Listings
// with attributes go the whole way: their facts come from them too.
func (g *gate) textGated(l *listings.Listing) bool {
	return len(g.rules) > 0 && !g.open && len(l.Attributes) == 0
}

// textRulesOut is unjudged's text stage on w, the work of l (a listing
// textGated lets in): its text alone allows no alternative.
func (g *gate) textRulesOut(w *unjudgedWork, l *listings.Listing) bool {
	h, m, ev := &w.hints, &w.text, &w.ev
	for i, norm := range h.norms {
		// The text's characters are read once: most texts are not cut
		// (facts.Dodges.MayCut reads their runes), and then the trie, the
		// promise words and the masked brands read them (noteText).
		cut, chars := norm, w.chars.read(norm)
		if g.dodges.MayCut(w.chars.runes) {
			if cut = g.dodges.CutText(norm); cut != norm {
				chars = w.chars.read(cut)
			}
		}
		g.pre.mark(cut, chars, figureChars{hints: h, field: i}, m, ev)
		if cut == norm {
			h.noteText(i, chars, w.chars.runes)
		}
	}
	g.markCategory(m, l.Category)
	m.resolvePartners()
	if len(m.heads) > 0 {
		g.resolveHeads(m.heads, m.words, ev)
	}
	mayUnit := func(units map[string]bool) bool { return mayHaveUnits(h, units) }
	return !g.anyAlternative(m.words, m.prefixes, h, mayUnit)
}

func nonNilNumbers(ns []facts.Number) []facts.Number {
	if ns == nil {
		return []facts.Number{}
	}
	return ns
}

// anyAlternative: some alternative has its words, prefixes, promises,
// facts (as h hints them) and units (the other tests run only where the
// words are; the promises before the facts, since their need words rule
// most titles out before anything is extracted). An alternative that
// needs no promise, fact or unit is not asked about them: a call for
// each of the alternatives of every title cost more than the answers.
func (g *gate) anyAlternative(words, prefixes []bool, h *textHints, unit func(map[string]bool) bool) bool {
	for a := range g.alts {
		alt := &g.alts[a]
		if alt.words && !words[a] || alt.prefixes && !prefixes[a] {
			continue
		}
		if (len(alt.promises) == 0 || h.mayPromise(alt)) && (len(alt.facts) == 0 || h.mayHaveFact(alt.facts)) && (alt.units == nil || unit(alt.units)) {
			return true
		}
	}
	return false
}
