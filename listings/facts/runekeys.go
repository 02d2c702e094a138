package facts

// RuneKeys is a set of runes of the Basic Multilingual Plane, asked before
// a map on paths that read every character of every text: most
// characters are no key, and a bit test is cheaper than the map. A rune
// beyond the plane is not marked and always may be a key, so the map
// still decides it.
type RuneKeys [0x10000 / 64]uint64

// Add marks r (a rune beyond the plane needs no mark: see MayHave).
func (s *RuneKeys) Add(r rune) {
	if r >= 0 && r <= 0xFFFF {
		s[r>>6] |= 1 << (r & 63)
	}
}

// MayHave: r may be a key (any rune beyond the plane may be: it is not marked).
func (s *RuneKeys) MayHave(r rune) bool {
	return r < 0 || r > 0xFFFF || s[r>>6]&(1<<(r&63)) != 0
}
