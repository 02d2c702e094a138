package engine

import (
	"hash/maphash"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// findsMemo keeps a field's finds (fieldFinds) for the listings whose
// field is the same, as fieldTerms keeps its term: an export's rows
// repeat a shop's description and attributes word for word, and looking
// every run of their tokens up was a third of building a row's input
// (issue 13). The finds depend on the field's name and value and on the
// tables kept, so all three pick the entry. Titles are not kept, for the
// reason fieldsTerm gives.
//
// Fields are kept as in fieldTerms (kept.Slots, within the same budget
// of tokens); kept terms are frozen before another worker can see them.
type findsMemo struct {
	seed maphash.Seed
	kept kept.Slots[findsEntry]
}

type findsEntry struct {
	name   string
	field  facts.Field
	tables uint64
	finds  *fieldFinds
}

func newFindsMemo() *findsMemo { return &findsMemo{seed: maphash.MakeSeed()} }

// of is the finds of field f, named name, for the tables of mask tables:
// the kept ones when an equal field was kept (nil m: made for the listing
// alone, in scratch, from slab).
func (m *findsMemo) of(lw lexiconWords, name string, f facts.Field, tables uint64, scratch *fieldFinds, slab *termSlab) *fieldFinds {
	if m == nil || name == facts.FieldTitle || len(f.Tokens) > fieldMaxTokens {
		return lw.findsOf(scratch, name, f, tables, slab)
	}
	h := m.hash(name, f.Text, tables)
	old := m.kept.At(h)
	if old != nil && old.name == name && old.tables == tables && sameField(old.field, f) {
		return old.finds
	}
	if !m.kept.MetBefore(h) {
		return lw.findsOf(scratch, name, f, tables, slab) // the first time: kept the next
	}
	grow := int64(len(f.Tokens))
	if old != nil {
		grow -= int64(len(old.field.Tokens))
	}
	if !m.kept.Reserve(grow, fieldBudgetTokens) {
		return lw.findsOf(scratch, name, f, tables, slab)
	}
	// Kept terms live as long as the entry: a slab of their own, not
	// the listing's.
	ff := lw.findsOf(&fieldFinds{}, name, f, tables, &termSlab{})
	ff.freeze()
	m.kept.Put(h, old, &findsEntry{name: name, field: f, tables: tables, finds: ff}, grow)
	return ff
}

func (m *findsMemo) hash(name, text string, tables uint64) uint64 {
	var h maphash.Hash
	h.SetSeed(m.seed)
	h.WriteString(name)
	h.WriteByte(0)
	h.WriteString(text)
	// Hashed in, not xor-ed with a multiple: the slot is the hash's low
	// bits, and a product's low bits follow only the factors' low bits,
	// so masks that differ above bit 12 took one slot and evicted each
	// other at every row (issue 13: a third of an export's kept fields).
	maphash.WriteComparable(&h, tables)
	return h.Sum64()
}

// freeze readies the finds' terms to be shared between goroutines
// (frozenAll).
func (ff *fieldFinds) freeze() {
	for _, a := range ff.adds {
		if a.term != nil {
			frozenAll(a.term)
		}
	}
	if ff.starts != nil {
		frozenAll(ff.starts)
	}
	for _, t := range ff.prefixed {
		frozenAll(t)
	}
	for _, t := range ff.masked {
		frozenAll(t)
	}
}
