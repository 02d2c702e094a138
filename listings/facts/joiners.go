package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// joiners are the symbols sellers put inside a word to dodge a word filter
// (第*一, 最~好, 销·量·第·一, 最❤好). Between two Chinese characters they carry no
// meaning, so dropJoiners removes them before cutting and the word is found
// whole. Separators that do mean something stay: / (男/女), - (中-英), . and
// the clause marks.
const joiners = "*·•・~_^★☆♥❤♡"

// isJoiner: r is one of the joiners. A switch, not strings.ContainsRune:
// it is asked of every character of every title before it is cut.
func isJoiner(r rune) bool {
	switch r {
	case '*', '·', '•', '・', '~', '_', '^', '★', '☆', '♥', '❤', '♡':
		return true
	}
	return false
}

// hasJoiner: some character of s is a joiner (see cutSigns).
func hasJoiner(s string) bool {
	joiner, _ := cutSigns(s)
	return joiner
}

// cutSigns reports whether some character of s is a joiner (hasJoiner)
// and whether one is a splitter (Dodges.mayUnsplit), in one read of the
// bytes: CutText asks both of every title, and strings.ContainsAny, which
// looks every non-ASCII character up, cost more than the rest of the text
// stage's folding together. A joiner is ASCII or led by 0xC2, 0xE2 or
// 0xE3, bytes that start a character wherever they stand (no character
// holds them but as its first byte), so only those are decoded, not every
// Chinese character.
func cutSigns(s string) (joiner, splitter bool) {
	for i := 0; i < len(s); i++ {
		// Most bytes are none of them: a loop of its own steps over them
		// in a few instructions a byte.
		for i < len(s) && signBytes[s[i]] == 0 {
			i++
		}
		if i == len(s) {
			break
		}
		switch signBytes[s[i]] {
		case joinerByte:
			joiner = true
		case joinerLead:
			if r, _ := utf8.DecodeRuneInString(s[i:]); isJoiner(r) {
				joiner = true
			}
		case splitterByte:
			splitter = true
		}
		if joiner && splitter {
			break
		}
	}
	return joiner, splitter
}

// signBytes classes the bytes cutSigns reads: a joiner, the first byte
// of a character that may be one, a splitter, or none of them (0).
var signBytes = func() (t [256]uint8) {
	for _, c := range []byte("*~_^") {
		t[c] = joinerByte
	}
	for _, c := range []byte{0xC2, 0xE2, 0xE3} {
		t[c] = joinerLead
	}
	for _, c := range []byte(splitters) {
		t[c] = splitterByte
	}
	return t
}()

const (
	joinerByte = 1 + iota
	joinerLead
	splitterByte
)

// dropJoiners removes every run of joiners that stands between two Han
// characters of norm, and keeps origin (one entry per byte of norm, plus
// its end; nil for none) in step, so evidence spans still quote the
// seller's text with the symbol in it.
func dropJoiners(norm string, origin []int32) (string, []int32) {
	if !hasJoiner(norm) {
		return norm, origin
	}
	var b strings.Builder
	b.Grow(len(norm))
	out := make([]int32, 0, len(origin))
	prevHan := false
	for i := 0; i < len(norm); {
		r, size := utf8.DecodeRuneInString(norm[i:])
		if prevHan && isJoiner(r) {
			if j := skipJoiners(norm, i); j < len(norm) {
				if next, _ := utf8.DecodeRuneInString(norm[j:]); unicode.Is(unicode.Han, next) {
					i = j
					continue
				}
			}
		}
		b.WriteString(norm[i : i+size])
		out = keepOrigin(out, origin, i, i+size)
		prevHan = unicode.Is(unicode.Han, r)
		i += size
	}
	return b.String(), keepOrigin(out, origin, len(norm), len(norm)+1)
}

// keepOrigin appends origin[from:to] to out; with no origin (nil: the
// caller wants the text alone, Dodges.CutText) it keeps none.
func keepOrigin(out, origin []int32, from, to int) []int32 {
	if origin == nil {
		return nil
	}
	return append(out, origin[from:to]...)
}

// skipJoiners returns the byte offset of the first rune at or after i that
// is no joiner.
func skipJoiners(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isJoiner(r) {
			return i
		}
		i += size
	}
	return i
}
