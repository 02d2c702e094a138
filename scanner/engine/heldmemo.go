package engine

import (
	"encoding/binary"
	"hash/maphash"
	"slices"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// heldMemo shares the value of a list of held, {field: {positions}},
// between the listings whose list holds at the same positions: a
// sentence context holds at the end of the sentence, so every title of a
// length shares its value, and the before and after lists of short texts
// hold at a few small positions. Made per listing, each value was an
// object and a set, a good part of a judged title's held (issue 13).
// A value follows from its positions alone, and OPA only reads it.
//
// Values are kept as fields are (kept.Slots: at their second sight); a
// value is small, so the slots alone bound what is kept.
type heldMemo struct {
	seed maphash.Seed
	kept kept.Slots[heldValue]
}

type heldValue struct {
	at   []heldPos
	term *ast.Term
	// within are term wrapped in the object of a context's one list,
	// {where: term}, by where (whereIndex): most contexts of a listing
	// hold in one list, and that object was made per listing around a
	// value shared (heldterm.go).
	within [len(whereNames)]atomic.Pointer[ast.Term]
}

// whereNames are the lists of a context, as whereIndex numbers them.
var whereNames = [...]string{"before", "after", "sentence"}

// whereIndex is where's index in whereNames (-1: none).
func whereIndex(where string) int {
	for i, w := range whereNames {
		if w == where {
			return i
		}
	}
	return -1
}

// wrapped is {where: v.term}, whereTerm the string whereNames[i]:
// made at the first listing that asks for it, shared from then on.
func (v *heldValue) wrapped(i int, whereTerm *ast.Term) *ast.Term {
	slot := &v.within[i]
	if t := slot.Load(); t != nil {
		return t
	}
	t := frozen(ast.ObjectTerm(ast.Item(whereTerm, v.term)))
	if slot.CompareAndSwap(nil, t) {
		return t
	}
	return slot.Load() // another listing made it first: the same value
}

// heldPos is a position held in the field named field.
type heldPos struct {
	field string
	at    int32
}

func newHeldMemo() *heldMemo { return &heldMemo{seed: maphash.MakeSeed()} }

// of is the value of the list of positions at: the kept one when an
// equal list was kept, else made by build from the slab given (nil m:
// made for the listing alone). at is the caller's, kept as a copy. The
// entry kept is given too (nil: the value is the listing's alone).
func (m *heldMemo) of(at []heldPos, build func(*termSlab) *ast.Term, slab *termSlab) (*ast.Term, *heldValue) {
	if m == nil {
		return build(slab), nil
	}
	key := m.hash(at)
	old := m.kept.At(key)
	if old != nil && slices.Equal(old.at, at) {
		return old.term, old
	}
	if !m.kept.MetBefore(key) {
		return build(slab), nil // the first time: kept the next
	}
	// Kept terms live as long as the entry: a slab of their own, not
	// the listing's.
	entry := &heldValue{at: slices.Clone(at), term: frozenAll(build(&termSlab{}))}
	m.kept.Put(key, old, entry, 0)
	return entry.term, entry
}

// hash is the hash of the positions at, written out to one buffer and
// hashed at once: a maphash.Hash written position by position cost more
// than the memo saved on the lists of a title, which hardly ever repeat
// (maphash.WriteComparable hashes each position apart).
func (m *heldMemo) hash(at []heldPos) uint64 {
	var room [128]byte // most lists: a few positions in a field or two
	buf := room[:0]
	for _, p := range at {
		buf = append(buf, p.field...)
		buf = append(buf, 0)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(p.at))
	}
	return maphash.Bytes(m.seed, buf)
}
