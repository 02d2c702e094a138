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

// markWords marks the alternatives whose tables hold a run of the tokens,
// or the first character of a token (prefixes), and keeps the runs that
// count only with more of the listing: pattern heads and words with a
// partner context.
func (g *gate) markWords(field string, toks []facts.Token, m *marks) {
	var key []byte // looked up as string(key), which does not allocate
	for i, tok := range toks {
		if _, size := utf8.DecodeRuneInString(tok.T); size > 0 {
			mark(m.prefixes, g.prefixes[tok.T[:size]])
		}
		key = key[:0]
		for n := 0; n < maxLexiconRun && i+n < len(toks); n++ {
			key = append(key, toks[i+n].T...)
			mark(m.words, g.words[string(key)])
			mark(m.contexts, g.contexts.words[string(key)])
			for _, h := range g.heads[string(key)] {
				if !m.words[h.alt] {
					m.heads = append(m.heads, pendingHead{alt: h.alt, table: h.table, key: string(key)})
				}
			}
			for _, p := range g.partners[string(key)] {
				m.partners = append(m.partners, pendingPartner(p))
			}
			for _, a := range g.nearFigure[string(key)] {
				m.near = append(m.near, pendingNear{alt: a, field: field, i: i})
			}
		}
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
