// Package kept holds what the listings of a scan share: entries in
// direct-mapped, lock-free slots picked by a hash (Slots). The engine keeps
// the terms and finds of repeated fields in them, and facts.Builder the
// cutting of repeated fields.
package kept

import (
	"hash/maphash"
	"iter"
	"sync/atomic"
)

// Slots holds entries in direct-mapped, lock-free slots picked by a hash,
// safe for concurrent use. An entry is kept only at its hash's second
// sight (MetBefore), so a list of unique texts keeps nothing and evicts
// nothing; where entries have a size, only while the kept sizes stay
// within a budget (Reserve), since what the slots hold is live heap the
// collector marks on every cycle. The slots are many more than the fields
// an export repeats: two entries of one slot, met in turn (rows of two
// shops), evict each other and are made at every sight.
//
// A kept entry is read by every goroutine that meets its hash: it is
// never changed once put.
type Slots[E any] struct {
	slots [slotCount]atomic.Pointer[E]
	seen  [seenCount]atomic.Uint64 // the hashes met once
	size  atomic.Int64             // the kept entries' sizes
}

const (
	slotCount = 4096
	seenCount = 16384
)

// At is the entry in h's slot (nil: none).
func (k *Slots[E]) At(h uint64) *E { return k.slots[h%slotCount].Load() }

// MetBefore reports whether h was met before, and marks it met.
func (k *Slots[E]) MetBefore(h uint64) bool { return k.seen[h%seenCount].Swap(h) == h }

// Reserve takes grow from a budget of size budget (false: over it,
// nothing taken).
func (k *Slots[E]) Reserve(grow, budget int64) bool {
	if k.size.Add(grow) > budget {
		k.size.Add(-grow)
		return false
	}
	return true
}

// Put stores e in h's slot if it still holds old; when another goroutine
// filled it first, the grow reserved for e goes back to the budget.
func (k *Slots[E]) Put(h uint64, old, e *E, grow int64) {
	if !k.slots[h%slotCount].CompareAndSwap(old, e) {
		k.size.Add(-grow)
	}
}

// Size is the sum of the kept entries' sizes (Reserve less what Put gave
// back).
func (k *Slots[E]) Size() int64 { return k.size.Load() }

// All are the kept entries, slot by slot (for tests and figures).
func (k *Slots[E]) All() iter.Seq[*E] {
	return func(yield func(*E) bool) {
		for i := range k.slots {
			if e := k.slots[i].Load(); e != nil && !yield(e) {
				return
			}
		}
	}
}

// FieldHash is the hash of a field's name and text under seed: the key of
// what is kept of a named field, so equal texts of two fields differ.
func FieldHash(seed maphash.Seed, name, text string) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(name)
	h.WriteByte(0)
	h.WriteString(text)
	return h.Sum64()
}
