package engine

// edgeTable maps a trie edge's key (edgeKey) to the node it leads to: an
// open-addressed table probed from the bits of the key's hash (edgeHash)
// that edgeSet's bit is read from too. The text stage looks an edge up
// each time a word goes on past its first character in a title, and a
// Go map cost several times this table's probe for it.
type edgeTable struct {
	keys  []uint64 // the key with edgeTaken set; 0 is a free slot
	nodes []int32
	bits  int // log2 of the table's size
	count int
}

// edgeTaken marks a slot in use: no key has the bit (a node is an int32,
// never negative in a key).
const edgeTaken = 1 << 63

func newEdgeTable() *edgeTable { return (&edgeTable{}).sized(10) }

// sized is an empty table of 2^bits slots.
func (e *edgeTable) sized(bits int) *edgeTable {
	return &edgeTable{keys: make([]uint64, 1<<bits), nodes: make([]int32, 1<<bits), bits: bits}
}

// get is the node of key, whose hash is h (edgeHash). Not inlined, so
// that textTrie.after, which calls it only behind the bitset, is.
//
//go:noinline
func (e *edgeTable) get(key, h uint64) (int32, bool) {
	mask := uint64(len(e.keys) - 1)
	for i := h >> (64 - e.bits); ; i = (i + 1) & mask {
		switch e.keys[i] {
		case key | edgeTaken:
			return e.nodes[i], true
		case 0:
			return 0, false
		}
	}
}

// put adds key (not yet in the table) leading to node, growing the table
// to keep it at most half full (a miss ends at a free slot soon).
func (e *edgeTable) put(key uint64, node int32) {
	if 2*(e.count+1) > len(e.keys) {
		grown := e.sized(e.bits + 1)
		e.each(func(k uint64, n int32) { grown.put(k, n) })
		*e = *grown
	}
	mask := uint64(len(e.keys) - 1)
	i := edgeHash(key) >> (64 - e.bits)
	for e.keys[i] != 0 {
		i = (i + 1) & mask
	}
	e.keys[i], e.nodes[i] = key|edgeTaken, node
	e.count++
}

// each calls f with every key and its node.
func (e *edgeTable) each(f func(key uint64, node int32)) {
	for i, k := range e.keys {
		if k != 0 {
			f(k&^edgeTaken, e.nodes[i])
		}
	}
}

// edgeHash is the key multiplied by an odd constant (Fibonacci hashing):
// its top bits spread neighbouring nodes and characters over a table.
func edgeHash(key uint64) uint64 { return key * 0x9E3779B97F4A7C15 }
