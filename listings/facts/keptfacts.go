package facts

import (
	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// keptFacts holds facts read from a field's text for the listings of a
// scan whose field is the same: an export's rows repeat a shop's
// description and attributes word for word (issue 13), and reading them
// again was most of the fibre and down facts of a row. Titles are not
// kept: each is its own, and keeping them would only evict the others.
//
// The facts sit in kept.Slots, picked by a hash of the field's name and
// text (FieldMemo.textHash), kept at their second sight (MetBefore) and
// only while the kept texts stay within a budget (keep). A FieldMemo
// holds one keptFacts for each kind of fact; a kept entry is only read.
type keptFacts[E any] struct {
	kept.Slots[E]
}

// keptFactBudget is the bytes of text a keptFacts keeps at most: the
// facts of an export's boilerplate fit, and cost the collector little.
const keptFactBudget = 4 << 20

// keep puts e, read from a text of size bytes, in h's slot while the
// budget holds it; old is what the slot held when the caller looked
// (At), of oldSize bytes, replaced only if it is still there.
func (kf *keptFacts[E]) keep(h uint64, old, e *E, size, oldSize int) {
	grow := int64(size - oldSize)
	if kf.Reserve(grow, keptFactBudget) {
		kf.Put(h, old, e, grow)
	}
}

// textHash is the hash of a field's name and text, which pick the slot
// of the facts read from them.
func (m *FieldMemo) textHash(field, text string) uint64 { return kept.FieldHash(m.seed, field, text) }
