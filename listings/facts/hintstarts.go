package facts

import "unicode/utf8"

// hintStarts marks, over the Basic Multilingual Plane, the runes at which
// holdsWordOf must read on: those that read (normalizeFast, then
// foldMaterialRune) as the first rune of a word of its lexicon, or as a
// Latin letter (a word boundary). Every other rune reads as a rune that
// is neither, so the hint steps over it with one bit test instead of three
// map lookups: the hint is asked of every title, and most of a title's
// characters start no fibre or down word.
type hintStarts [0x10000 / 64]uint64

// newHintStarts marks the runes of lx. Only ASCII, U+3000, the
// half-width and full-width forms and the keys of the traditional and
// material tables read as another rune; any other rune reads as itself,
// and so needs a bit only when it starts a word itself.
func newHintStarts[T any](lx *lexicon[T]) *hintStarts {
	s := &hintStarts{}
	mark := func(r rune) {
		if f := foldMaterialRune(normalizeFast(r)); r <= 0xFFFF && (len(lx.lengths[f]) > 0 || isLatinLower(f)) {
			s[r>>6] |= 1 << (r & 63)
		}
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		mark(r)
	}
	for r := rune(0xFF00); r <= 0xFFEF; r++ {
		mark(r)
	}
	mark('\u3000')
	for _, table := range []map[rune]rune{traditional, materialFold} {
		for r := range table {
			mark(r)
		}
	}
	for r := range lx.lengths {
		mark(r)
	}
	return s
}

// readOn reports whether holdsWordOf must read rune r (any rune beyond the
// plane: they are not marked).
func (s *hintStarts) readOn(r rune) bool {
	return r > 0xFFFF || s[r>>6]&(1<<(r&63)) != 0
}

var (
	fibreStarts    = newHintStarts(fibreLexicon)
	downStarts     = newHintStarts(downLexicon)
	materialStarts = eitherStarts(fibreStarts, downStarts)
)

// eitherStarts marks the runes either a or b marks: where neither hint
// reads on (most characters of a title), MayStateFibreOrClaimDown steps
// over the rune with one bit test instead of two.
func eitherStarts(a, b *hintStarts) *hintStarts {
	s := &hintStarts{}
	for k := range s {
		s[k] = a[k] | b[k]
	}
	return s
}
