package facts

import (
	"hash/maphash"
	"sync/atomic"
)

// keptFacts holds facts read from a field's text for the listings of a
// scan whose field is the same: an export's rows repeat a shop's
// description and attributes word for word (issue 13), and reading them
// again was most of the fibre and down facts of a row. Titles are not
// kept: each is its own, and keeping them would only evict the others.
//
// Entries sit in direct-mapped, lock-free slots picked by a hash of the
// text, as the engine keeps its fields' terms (scanner/engine
// keptslots.go): an entry is kept at its hash's second sight, so a list
// of unique texts keeps nothing, and only while the kept texts stay
// within a budget, since what the slots hold is live heap. A kept entry
// is only read.
type keptFacts[E any] struct {
	seed  maphash.Seed
	slots [keptFactSlots]atomic.Pointer[E]
	seen  [keptFactSeen]atomic.Uint64 // the hashes met once
	size  atomic.Int64                // the kept texts' bytes
}

const (
	keptFactSlots  = 4096
	keptFactSeen   = 16384
	keptFactBudget = 4 << 20 // bytes of text
)

func newKeptFacts[E any]() *keptFacts[E] { return &keptFacts[E]{seed: maphash.MakeSeed()} }

// hash is the hash of a field's name and text.
func (kf *keptFacts[E]) hash(field, text string) uint64 {
	var h maphash.Hash
	h.SetSeed(kf.seed)
	h.WriteString(field)
	h.WriteByte(0)
	h.WriteString(text)
	return h.Sum64()
}

// at is the entry in h's slot (nil: none).
func (kf *keptFacts[E]) at(h uint64) *E { return kf.slots[h%keptFactSlots].Load() }

// metBefore reports whether h was met before, and marks it met.
func (kf *keptFacts[E]) metBefore(h uint64) bool { return kf.seen[h%keptFactSeen].Swap(h) == h }

// put stores e, read from a text of size bytes, in h's slot while the
// budget holds it; old is what the slot held when the caller looked
// (at), of oldSize bytes, replaced only if it is still there.
func (kf *keptFacts[E]) put(h uint64, old, e *E, size, oldSize int) {
	grow := int64(size - oldSize)
	if kf.size.Add(grow) > keptFactBudget {
		kf.size.Add(-grow)
		return
	}
	if !kf.slots[h%keptFactSlots].CompareAndSwap(old, e) {
		kf.size.Add(-grow)
	}
}
