package engine

import (
	"hash/maphash"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// maskedMemo keeps whether a field writes a brand masked (maskedBrands.in)
// for the listings whose field is the same, as findsMemo keeps its
// finds: the gate asks it of every field of every listing it reads the
// tokens of, and an export's rows repeat a shop's description and
// attributes word for word, so normalising and scanning their text again
// was most of what the gate's token stage cost an export row (issue 13).
// The answer follows from the field's text and tokens alone (the brands
// are the engine's), so both pick the entry. Titles are not kept, for the
// reason fieldsTerm gives: in reads them without a look-up.
//
// Fields are kept as in fieldTerms (kept.Slots, within the same budget
// of tokens); an entry is only read once kept.
type maskedMemo struct {
	seed maphash.Seed
	kept kept.Slots[maskedSeen]
}

type maskedSeen struct {
	text   string
	tokens []facts.Token
	holds  bool
}

func newMaskedMemo() *maskedMemo { return &maskedMemo{seed: maphash.MakeSeed()} }

// holds reports whether field f (no title) writes some brand of mb
// masked: the kept answer when an equal field was kept.
func (m *maskedMemo) holds(mb *maskedBrands, f facts.Field) bool {
	h := maphash.String(m.seed, f.Text)
	old := m.kept.At(h)
	if old != nil && old.text == f.Text && sameTokens(old.tokens, f.Tokens) {
		return old.holds
	}
	holds := mb.holdsIn(f)
	if !m.kept.MetBefore(h) {
		return holds // the first time: kept the next
	}
	grow := int64(len(f.Tokens))
	if old != nil {
		grow -= int64(len(old.tokens))
	}
	if m.kept.Reserve(grow, fieldBudgetTokens) {
		m.kept.Put(h, old, &maskedSeen{text: f.Text, tokens: f.Tokens, holds: holds}, grow)
	}
	return holds
}

// holdsIn reports whether field f writes some brand masked, read from
// its text.
func (mb maskedBrands) holdsIn(f facts.Field) bool {
	found := false
	mb.each(f, func(int, int, string, string) bool {
		found = true
		return false
	})
	return found
}
