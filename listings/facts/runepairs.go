package facts

// runePairs marks pairs of runes, hashed into a bitset: a pair whose bit
// is clear is none of those marked (a set bit may be another pair's).
type runePairs [1 << pairBits / 64]uint64

// pairBits is the log2 of the bits of a runePairs: 2^16 (8 KB) for the
// few thousand pairs that start a lexicon's words.
const pairBits = 16

func (p *runePairs) add(a, b rune) {
	k := pairBit(a, b)
	p[k/64] |= 1 << (k % 64)
}

func (p *runePairs) mayHave(a, b rune) bool {
	k := pairBit(a, b)
	return p[k/64]&(1<<(k%64)) != 0
}

// pairBit is the top bits of the pair multiplied by an odd constant
// (Fibonacci hashing), which spreads neighbouring runes over the set.
func pairBit(a, b rune) uint64 {
	return (uint64(uint32(a))<<32 | uint64(uint32(b))) * 0x9E3779B97F4A7C15 >> (64 - pairBits)
}
