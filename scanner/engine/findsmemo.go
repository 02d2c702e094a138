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
// tables kept, but of the tables only on those its look-up asks of
// (fieldFinds.used): a field's entry, picked by its name and value, keeps
// a view of finds for each mask of those tables met, so the rows of a
// shop, judged with masks that differ in tables their boilerplate has no
// word of, share one (keyed by the whole mask, an export's 64 attributes
// took hundreds of entries, each made twice before it paid). Titles are
// not kept, for the reason fieldsTerm gives.
//
// Fields are kept as in fieldTerms (kept.Slots, within the same budget
// of tokens, each view counting its field's tokens); kept terms are
// frozen before another worker can see them, and a kept entry is only
// read: a view is added in a copy.
type findsMemo struct {
	seed maphash.Seed
	kept kept.Slots[findsEntry]
}

type findsEntry struct {
	name  string
	field facts.Field
	used  uint64 // the finds' used
	views []findsView
}

// findsView is the finds of a field for the masks whose used bits are
// tables.
type findsView struct {
	tables uint64
	finds  *fieldFinds
}

func newFindsMemo() *findsMemo { return &findsMemo{seed: maphash.MakeSeed()} }

// of is the finds of field f, named name, for the tables of mask tables:
// the kept ones when an equal field was kept with a view for them (nil
// m: made for the listing alone, in scratch, from slab).
func (m *findsMemo) of(lw lexiconWords, name string, f facts.Field, tables uint64, scratch *fieldFinds, slab *termSlab) *fieldFinds {
	if m == nil || name == facts.FieldTitle || len(f.Tokens) > fieldMaxTokens {
		return lw.findsOf(scratch, name, f, tables, slab)
	}
	h := m.hash(name, f.Text)
	old := m.kept.At(h)
	same := old != nil && old.name == name && sameField(old.field, f)
	grow := int64(len(f.Tokens))
	switch {
	case same:
		mine := tables & old.used
		for _, v := range old.views {
			if v.tables == mine {
				return v.finds
			}
		}
		// The field was kept: its finds for this mask are kept too.
	case !m.kept.MetBefore(h):
		return lw.findsOf(scratch, name, f, tables, slab) // the first time: kept the next
	case old != nil:
		grow -= old.size() // the entry of another field, evicted
	}
	if !m.kept.Reserve(grow, fieldBudgetTokens) {
		return lw.findsOf(scratch, name, f, tables, slab)
	}
	// Kept terms live as long as the entry: a slab of their own, not
	// the listing's.
	ff := lw.findsOf(&fieldFinds{}, name, f, tables, &termSlab{})
	ff.freeze()
	var views []findsView
	if same {
		views = old.views[:len(old.views):len(old.views)] // appended to in a copy: other workers read old
	}
	views = append(views, findsView{tables: tables & ff.used, finds: ff})
	m.kept.Put(h, old, &findsEntry{name: name, field: f, used: ff.used, views: views}, grow)
	return ff
}

// size is what the entry counts in the budget: its field's tokens, once
// for each view.
func (e *findsEntry) size() int64 { return int64(len(e.field.Tokens) * len(e.views)) }

func (m *findsMemo) hash(name, text string) uint64 { return kept.FieldHash(m.seed, name, text) }

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
