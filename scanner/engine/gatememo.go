package engine

import (
	"hash/maphash"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// fieldMarks keeps what markWords met in a field (the words and prefixes
// of the gate it called marks with, in order) for the listings whose
// field is the same, as findsMemo keeps a field's finds: an export's rows
// repeat a shop's description and attributes word for word, and walking
// their tokens again was most of markTokensIn on an export row (issue
// 13). The calls follow from the field's tokens alone; what each does
// depends on the marks so far, so they are made again, in the same order,
// with the listing's field name. Titles are not kept, for the reason
// fieldsTerm gives.
//
// Fields are kept as in fieldTerms (kept.Slots, within the same budget of
// tokens); a kept list is only read.
type fieldMarks struct {
	seed maphash.Seed
	kept kept.Slots[markedField]
}

type markedField struct {
	text  string
	toks  []facts.Token
	calls []markCall
}

// markCall is a call markWords made: addRun of word w over tokens i to
// last, or (w nil) markPrefix of token i, tok, whose first character is
// first.
type markCall struct {
	w          *gateWord
	i, last    int
	tok, first string
}

func newFieldMarks() *fieldMarks { return &fieldMarks{seed: maphash.MakeSeed()} }

// markField is markWords of field f, named name: the kept calls made
// again when an equal field was kept.
func (g *gate) markField(name string, f facts.Field, m *marks) {
	fm := g.fieldMarks
	if fm == nil || name == facts.FieldTitle || len(f.Tokens) > fieldMaxTokens {
		g.markWords(name, f.Tokens, m)
		return
	}
	h := maphash.String(fm.seed, f.Text)
	old := fm.kept.At(h)
	if old != nil && old.text == f.Text && sameTokens(old.toks, f.Tokens) {
		for _, c := range old.calls {
			if c.w != nil {
				m.addRun(c.w, name, c.i, c.last)
			} else {
				g.markPrefix(name, c.tok, c.first, c.i, m)
			}
		}
		return
	}
	if !fm.kept.MetBefore(h) {
		g.markWords(name, f.Tokens, m) // the first time: kept the next
		return
	}
	grow := int64(len(f.Tokens))
	if old != nil {
		grow -= int64(len(old.toks))
	}
	if !fm.kept.Reserve(grow, fieldBudgetTokens) {
		g.markWords(name, f.Tokens, m)
		return
	}
	entry := &markedField{text: f.Text, toks: f.Tokens}
	m.calls = &entry.calls
	g.markWords(name, f.Tokens, m)
	m.calls = nil
	fm.kept.Put(h, old, entry, grow)
}
