package facts

import (
	"fmt"
	"math"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// scanText is a field's text prepared for the material parsers: one
// normalised rune per original rune (Normalize plus a few fibre characters
// the shared traditional table leaves out), with the byte offset of each rune
// in the original text, so every match maps back to what the seller wrote.
type scanText struct {
	src   string
	runes []rune
	offs  []int32 // offs[i] is the byte offset of runes[i]; offs[len(runes)] == len(src)
}

// newScanText reads src. Its runes and offsets are made to their length
// in one allocation (a rune is an int32): sized by guess, they were two
// and grew for ASCII text.
func newScanText(src string) *scanText {
	n := scanTextRunes(src)
	t := &scanText{}
	t.read(src, n, make([]int32, 2*n+1))
	return t
}

// scanTextRunes is the number of runes of src, which a scan text of it
// holds in 2n+1 places of its buffer.
func scanTextRunes(src string) int {
	if len(src) >= math.MaxInt32 {
		panic(fmt.Sprintf("facts: a text of %d bytes is too long to read", len(src)))
	}
	n := 0
	for i := 0; i < len(src); n++ {
		_, size := runes.At(src, i) // see runes: counting by range decoded every Chinese character
		if size == 0 {
			_, size = utf8.DecodeRuneInString(src[i:])
		}
		i += size
	}
	return n
}

// read makes t the scan text of src, of n runes (scanTextRunes), in the
// first 2n+1 places of buf; it returns the rest of buf.
func (t *scanText) read(src string, n int, buf []int32) []int32 {
	*t = scanText{src: src, runes: buf[:0:n], offs: buf[n : n : 2*n+1]}
	for i := 0; i < len(src); {
		r, size := runes.At(src, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(src[i:])
		}
		if !unchanged(r) {
			r = normalizeFast(r)
		}
		t.runes = append(t.runes, foldMaterialRune(r))
		t.offs = append(t.offs, int32(i))
		i += size
	}
	t.offs = append(t.offs, int32(len(src)))
	return buf[2*n+1:]
}

// len is the number of runes.
func (t *scanText) len() int { return len(t.runes) }

// span converts a rune range to byte offsets into the original text.
func (t *scanText) span(a, b int) (int, int) { return int(t.offs[a]), int(t.offs[b]) }

// orig is the original text of a rune range.
func (t *scanText) orig(a, b int) string { return t.src[t.offs[a]:t.offs[b]] }

// norm is the normalised text of a rune range, clipped to the text.
func (t *scanText) norm(a, b int) string {
	a, b = max(a, 0), min(b, len(t.runes))
	if a >= b {
		return ""
	}
	return string(t.runes[a:b])
}

// at returns the rune at i, or 0 outside the text.
func (t *scanText) at(i int) rune {
	if i < 0 || i >= len(t.runes) {
		return 0
	}
	return t.runes[i]
}

// hasAt reports whether the normalised text at i starts with word. It
// reads word with runes.At: ranging over it calls the decoder for every
// Chinese character, and the material parsers ask at most characters.
func (t *scanText) hasAt(i int, word string) bool {
	for k := 0; k < len(word); i++ {
		r, size := runes.At(word, k)
		if size == 0 {
			r, size = utf8.DecodeRuneInString(word[k:])
		}
		if t.at(i) != r || r == 0 {
			return false
		}
		k += size
	}
	return true
}

// skip advances past runes in set.
func (t *scanText) skip(i int, set string) int {
	for i < len(t.runes) && containsRune(set, t.runes[i]) {
		i++
	}
	return i
}

// skipBack moves back past runes in set; it returns the index after the
// last rune not in set.
func (t *scanText) skipBack(i int, set string) int {
	for i > 0 && containsRune(set, t.runes[i-1]) {
		i--
	}
	return i
}

// containsRune reports whether set holds r; like hasAt it reads set with
// runes.At rather than the decoder.
func containsRune(set string, r rune) bool {
	for k := 0; k < len(set); {
		s, size := runes.At(set, k)
		if size == 0 {
			s, size = utf8.DecodeRuneInString(set[k:])
		}
		if s == r {
			return true
		}
		k += size
	}
	return false
}

// materialFold holds traditional forms of fibre and down words that the
// shared traditional table (traditional.go) does not cover, and odd percent
// and colon forms; every pair maps one rune to one rune.
var materialFold = buildTraditional("亞亚彈弹膠胶萊莱賽赛爾尔紗纱綢绸緞缎" +
	"紵苎蘇苏駝驼犛牦氂牦襯衬裡里層层塡填﹪%﹕:")

// materialFoldKeys marks the keys of materialFold: the material hints
// fold every character that may start a word of every title, and a bit
// test is cheaper than the map.
var materialFoldKeys = func() *RuneKeys {
	s := &RuneKeys{}
	for r := range materialFold {
		s.Add(r)
	}
	return s
}()

// normalizeFast is normalizeRune without the width transformer for the
// characters it cannot change: width folding only touches U+3000 and the
// half-width and full-width forms block (U+FF00–U+FFEF).
func normalizeFast(r rune) rune {
	if r < utf8.RuneSelf || r == '\u3000' || (r >= 0xFF00 && r <= 0xFFEF) {
		return normalizeRune(r)
	}
	return simplified(r)
}

func foldMaterialRune(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	if !materialFoldKeys.MayHave(r) {
		return r
	}
	if s, ok := materialFold[r]; ok {
		return s
	}
	return r
}

// isLatinLower reports whether r is a lower-case ASCII letter (text is
// already lower-cased), for word boundaries around English fibre names.
func isLatinLower(r rune) bool { return r >= 'a' && r <= 'z' }

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }
