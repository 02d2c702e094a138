package facts

import (
	"hash/maphash"
	"slices"

	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// FieldMemo keeps a field's cutting (Builder.cut: its normal text,
// tokens and sentences) for the listings whose field is the same: an
// export's rows repeat a shop's attributes and description word for word,
// and cutting them again was most of what building an export row's
// fields cost (issue 13). The cutting is a function of the text alone
// (and of the Builder's Tokenizer and Dodges: a memo serves Builders that
// have the same), so every listing with an equal text can hold the one
// Field, from any worker: nothing changes a Field's tokens, sentences or
// normal text once made. Titles are not kept, for the reason the engine's
// fieldsTerm gives: a title names one listing.
//
// Fields are kept in kept.Slots: at their second sight, only if their
// text is short, and only while the kept fields' bytes stay within a
// budget. The facts read from a repeated field, or attribute list, are
// kept the same way (keptFacts), by the Builder that holds the memo: they
// belong to one scan, as its cutting does, not to the process. A
// FieldMemo is safe for concurrent use.
type FieldMemo struct {
	seed    maphash.Seed
	kept    kept.Slots[Field]
	maxText int   // the longest text kept, in bytes
	budget  int64 // the kept fields' bytes at most (keptSize)

	copies     keptFacts[keptCopy]          // copyFactsOf
	attributes keptFacts[keptAttributeList] // compositionBuilder.attributes
	promises   keptFacts[keptFieldPromises] // promisesOf
	figures    keptFacts[keptFieldFigures]  // appendFieldFigures
}

// A kept field holds about 40 bytes a token, 48 a sentence and 6 a byte
// of text (the text, its normal form and origin): 16 KiB of text at most
// a field and 8 MiB in all keep an export's boilerplate and cost the
// collector little.
const (
	memoMaxText       = 16 << 10
	memoBudget        = 8 << 20
	keptTokenBytes    = 40 // a Token and its share of the slice
	keptSentenceBytes = 48 // a Sentence and its two bounds
)

// NewFieldMemo makes an empty memo.
func NewFieldMemo() *FieldMemo {
	return &FieldMemo{seed: maphash.MakeSeed(), maxText: memoMaxText, budget: memoBudget}
}

// field is b.cut(text): the kept field when an equal text was kept.
func (m *FieldMemo) field(b *Builder, text string) Field {
	h := maphash.String(m.seed, text)
	old := m.kept.At(h)
	if old != nil && old.Text == text {
		return *old
	}
	f := b.cut(text)
	if len(text) > m.maxText || !m.kept.MetBefore(h) {
		return f // the first time: kept the next
	}
	// A kept field's lists are shared: one at its full capacity has an
	// append copy it rather than write past another listing's end.
	f.Tokens, f.Sentences = slices.Clip(f.Tokens), slices.Clip(f.Sentences)
	grow := f.keptSize()
	if old != nil {
		grow -= old.keptSize()
	}
	if m.kept.Reserve(grow, m.budget) {
		kf := f
		m.kept.Put(h, old, &kf, grow)
	}
	return f
}

// keptSize is about the bytes field f holds (its token strings are
// slices of its normal text, or of a fold of it).
func (f *Field) keptSize() int64 {
	n := len(f.Text) + 4*len(f.normal.origin) + keptTokenBytes*len(f.Tokens) + keptSentenceBytes*len(f.Sentences)
	if f.normal.norm != f.Text {
		n += len(f.normal.norm)
	}
	return int64(n)
}
