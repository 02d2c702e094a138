package engine

import (
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// marks is what the gate finds in one listing's tokens.
type marks struct {
	words, prefixes []bool // by alternative
	// heads are the runs that are pattern heads (counted by
	// resolveHeads), partners the runs with a partner context (counted by
	// resolvePartners); contexts marks the partner contexts some run is a
	// word of.
	heads    []pendingHead
	partners []pendingPartner
	contexts []bool
	// near are the runs that count only after a figure
	// (resolveNearFigures).
	near []pendingNear
}

func (g *gate) newMarks() *marks {
	return &marks{words: make([]bool, len(g.alts)), prefixes: make([]bool, len(g.alts)), contexts: make([]bool, len(g.contexts.ids))}
}

// runWord is what a run of tokens counts for in the gate: the
// alternatives it marks at once, the partner contexts it is a word of, and
// the alternatives it marks only with more of the listing (a pattern head,
// a word with a partner context, a word after a figure). One lookup per
// run instead of one per kind: the gate runs on every listing the text
// lets through.
type runWord struct {
	alts, contexts, near []int
	heads                []headNeed
	partners             []partnerNeed
}

// indexRuns gathers the gate's words of every kind by run.
func (g *gate) indexRuns() {
	g.runs = map[string]*runWord{}
	at := func(k string) *runWord {
		if g.runs[k] == nil {
			g.runs[k] = &runWord{}
		}
		return g.runs[k]
	}
	for k, alts := range g.words {
		at(k).alts = alts
	}
	for k, ids := range g.contexts.words {
		at(k).contexts = ids
	}
	for k, alts := range g.nearFigure {
		at(k).near = alts
	}
	for k, heads := range g.heads {
		at(k).heads = heads
	}
	for k, partners := range g.partners {
		at(k).partners = partners
	}
}

// markWords marks the alternatives whose tables hold a run of the tokens,
// or the first character of a token (prefixes), and keeps the runs that
// count only with more of the listing: pattern heads, words with a
// partner context, words after figures.
func (g *gate) markWords(field string, toks []facts.Token, m *marks) {
	var key []byte // looked up as string(key), which does not allocate
	for i, tok := range toks {
		if _, size := utf8.DecodeRuneInString(tok.T); size > 0 {
			mark(m.prefixes, g.prefixes[tok.T[:size]])
		}
		key = key[:0]
		for n := 0; n < maxLexiconRun && i+n < len(toks); n++ {
			key = append(key, toks[i+n].T...)
			if w := g.runs[string(key)]; w != nil {
				m.add(w, field, i, string(key))
			}
		}
	}
}

// add records run key (from token i of field) of word w.
func (m *marks) add(w *runWord, field string, i int, key string) {
	mark(m.words, w.alts)
	mark(m.contexts, w.contexts)
	for _, h := range w.heads {
		if !m.words[h.alt] {
			m.heads = append(m.heads, pendingHead{alt: h.alt, table: h.table, key: key})
		}
	}
	for _, p := range w.partners {
		m.partners = append(m.partners, pendingPartner(p))
	}
	for _, a := range w.near {
		m.near = append(m.near, pendingNear{alt: a, field: field, i: i})
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
