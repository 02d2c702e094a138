package engine

import "sync/atomic"

// keptSlots holds what the listings of a scan share (fieldTerms,
// findsMemo, factTerms): entries in direct-mapped, lock-free slots picked
// by a hash. An entry is kept only at its hash's second sight, so a list
// of unique texts keeps nothing and evicts nothing; where entries have a
// size, only while the kept sizes stay within a budget, since what the
// slots hold is live heap the collector marks on every cycle. The slots
// are many more than the fields an export repeats: two entries of one
// slot, met in turn (rows of two shops), evict each other and are made
// at every sight.
type keptSlots[E any] struct {
	slots [keptSlotCount]atomic.Pointer[E]
	seen  [keptSeenCount]atomic.Uint64 // the hashes met once
	size  atomic.Int64                 // the kept entries' sizes
}

const (
	keptSlotCount = 4096
	keptSeenCount = 16384
)

// at is the entry in h's slot (nil: none).
func (k *keptSlots[E]) at(h uint64) *E { return k.slots[h%keptSlotCount].Load() }

// metBefore reports whether h was met before, and marks it met.
func (k *keptSlots[E]) metBefore(h uint64) bool { return k.seen[h%keptSeenCount].Swap(h) == h }

// reserve takes grow from a budget of size budget (false: over it,
// nothing taken).
func (k *keptSlots[E]) reserve(grow, budget int64) bool {
	if k.size.Add(grow) > budget {
		k.size.Add(-grow)
		return false
	}
	return true
}

// put stores e in h's slot if it still holds old; when another worker
// filled it first, the grow reserved for e goes back to the budget.
func (k *keptSlots[E]) put(h uint64, old, e *E, grow int64) {
	if !k.slots[h%keptSlotCount].CompareAndSwap(old, e) {
		k.size.Add(-grow)
	}
}
