package engine

import (
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// gateWord is what a word of the tables counts for in the gate: the
// alternatives it marks at once, the partner contexts it is a word of,
// and the alternatives it marks only with more of the listing: as a
// pattern head (patterngate.go), as a word with a partner context
// (partnergate.go) or a product-kind term (productkinds.go), as a word
// after or before a figure (figurenear.go, figurebefore.go), as a word
// its allow contexts may exempt (allowgate.go). At the text
// stage it may also be a prefix character and a pattern word of some
// classes (prefilter.go). One entry per word: a run is looked up once.
type gateWord struct {
	alts, contexts, near, before, prefixes []int
	heads                                  []pendingHead
	partners                               []partnerNeed
	allowed                                []*allowNeed
	classes                                []classBits // the pattern-word classes, by table, at the text stage
}

// word is the entry of word k, made on first use.
func (g *gate) word(k string) *gateWord {
	if g.words[k] == nil {
		g.words[k] = &gateWord{}
	}
	return g.words[k]
}

// marks is what the gate finds in one listing, in its text or its tokens.
type marks struct {
	words, prefixes []bool // by alternative
	// heads are the pattern heads found (counted by resolveHeads),
	// partners the words with a partner context (counted by
	// resolvePartners), near the words wanted after a figure (counted by
	// resolveNearFigures), before those wanted before one (counted by
	// resolveBeforeFigures); contexts marks the partner contexts some word
	// found is a word of, or the listing's category holds (productkinds.go).
	heads    []pendingHead
	partners []partnerNeed
	near     []pendingNear
	before   []pendingBefore
	allowed  []pendingAllowed // counted by resolveAllowed
	contexts []bool
	// calls, while markField keeps a field's, records what markWords
	// calls (gatememo.go; nil: nothing is recorded).
	calls *[]markCall
}

func (g *gate) newMarks() *marks {
	return &marks{words: make([]bool, len(g.alts)), prefixes: make([]bool, len(g.alts)), contexts: make([]bool, len(g.contexts))}
}

// reset clears m for another listing, keeping its lists.
func (m *marks) reset() {
	clear(m.words)
	clear(m.prefixes)
	clear(m.contexts)
	m.heads, m.partners, m.near, m.before = m.heads[:0], m.partners[:0], m.near[:0], m.before[:0]
	m.allowed = m.allowed[:0]
	m.calls = nil
}

// pooledMarks are cleared marks from the gate's pool (g.marks.Put gives
// them back): skip reads a judged listing's tokens into marks of its own
// when unjudged did not (an export row has attributes), and made them
// afresh, with their lists, for every row.
func (g *gate) pooledMarks() *marks {
	if m, ok := g.marks.Get().(*marks); ok {
		m.reset()
		return m
	}
	return g.newMarks()
}

// markTokensIn marks in m, cleared, what the listing's tokens hold, then
// counts the words that need more of the listing (numbers gives its
// figures, asked only when some word needs them; category is its
// category, which holds the product-kind contexts).
func (g *gate) markTokensIn(m *marks, fields map[string]facts.Field, numbers func() []facts.Number, category string) *marks {
	for name, f := range fields {
		g.markField(name, f, m) // gatememo.go
	}
	g.markCategory(m, category)
	m.resolvePartners()
	if len(m.heads) > 0 {
		g.resolveHeads(m.heads, m.words, newPatternEvidence(fields, numbers))
	}
	if len(m.near) > 0 {
		g.resolveNearFigures(m, numbers())
	}
	if len(m.before) > 0 {
		g.resolveBeforeFigures(m, fields, numbers())
	}
	// Last: a run some other word already counts for needs no held.
	if len(m.allowed) > 0 {
		g.resolveAllowed(m, fields)
	}
	return m
}

// markWords marks the alternatives whose tables hold a run of the tokens,
// or the first character of a token (prefixes), and keeps the runs that
// count only with more of the listing.
func (g *gate) markWords(field string, toks []facts.Token, m *marks) {
	for i, tok := range toks {
		if tok.T == "" { // no prefix, and the runs from it may go on
			g.tokenWords.addRuns(m, field, toks, i)
			continue
		}
		r, size := runes.At(tok.T, 0) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(tok.T)
		}
		if g.prefixStarts.MayHave(r) {
			g.markPrefix(field, tok.T, tok.T[:size], i, m)
		}
		if g.tokenWords.mayStart(r) { // most tokens start no word: no call
			g.tokenWords.addRuns(m, field, toks, i)
		}
	}
}

// markPrefix marks the alternatives whose tables hold first, the first
// character of token i (tok), as a prefix.
func (g *gate) markPrefix(field, tok, first string, i int, m *marks) {
	if m.calls != nil {
		*m.calls = append(*m.calls, markCall{i: i, tok: tok, first: first})
	}
	mark(m.prefixes, g.prefixes[first])
	for k := range g.hitPrefixes[first] {
		m.markPrefixHit(&g.hitPrefixes[first][k], field, i, tok)
	}
}

// addRun records a run of word w from token i to token last of field.
func (m *marks) addRun(w *gateWord, field string, i, last int) {
	if m.calls != nil {
		*m.calls = append(*m.calls, markCall{w: w, i: i, last: last})
	}
	mark(m.words, w.alts)
	mark(m.contexts, w.contexts)
	for _, h := range w.heads {
		if !m.words[h.alt] {
			h.field = field
			m.heads = append(m.heads, h)
		}
	}
	m.partners = append(m.partners, w.partners...)
	for _, a := range w.near {
		m.near = append(m.near, pendingNear{alt: a, field: field, i: i})
	}
	for _, a := range w.before {
		m.before = append(m.before, pendingBefore{alt: a, field: field, end: last})
	}
	for _, need := range w.allowed {
		m.allowed = append(m.allowed, pendingAllowed{need: need, field: field, i: i, n: last - i + 1})
	}
}

// resolvePartners marks the alternatives of the words whose partner
// context has a word in the listing.
func (m *marks) resolvePartners() {
	for _, p := range m.partners {
		if m.contexts[p.ctx] {
			m.words[p.alt] = true
		}
	}
}

func mark(marked []bool, alts []int) {
	for _, a := range alts {
		marked[a] = true
	}
}
