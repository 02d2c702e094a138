package runes

import (
	"testing"
	"unicode/utf8"
)

// At reads what utf8.DecodeRuneInString reads wherever it gives a size:
// every byte alone, every lead byte with every pair of following bytes,
// cut short or not, after other bytes; and a size for every ASCII byte
// and every Chinese character.
func TestAtDecodesAsUTF8(t *testing.T) {
	t.Parallel()
	check := func(s string, i int) {
		r, n := At(s, i)
		if n == 0 {
			return
		}
		if want, size := utf8.DecodeRuneInString(s[i:]); r != want || n != size {
			t.Fatalf("At(%q, %d) = %U, %d; decoding gives %U, %d", s, i, r, n, want, size)
		}
	}
	for c := 0; c < 256; c++ {
		check(string([]byte{byte(c)}), 0)
		for c1 := 0; c1 < 256; c1++ {
			check(string([]byte{byte(c), byte(c1)}), 0)
			for c2 := 0; c2 < 256; c2++ {
				b := []byte{'a', byte(c), byte(c1), byte(c2)}
				check(string(b), 1)
				check(string(b[:3]), 1)
			}
		}
	}
	for _, s := range []string{"a", "~", "\x7f", "中", "一", "龥", "、", "。", "က", "\uCFFF"} {
		if _, n := At(s, 0); n == 0 {
			t.Errorf("At(%q, 0) gives no size", s)
		}
	}
}

// Han holds for every character from U+4000 to U+9FFF and for nothing
// else a scan meets: ASCII, the CJK marks below (。 U+3002), full-width
// forms above (！ U+FF01), and a character cut short.
func TestHanIsTheThreeByteChineseRange(t *testing.T) {
	for r := rune(0x3000); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates: no UTF-8
		}
		if got, want := Han(string(r), 0), r >= 0x4000 && r <= 0x9FFF; got != want {
			t.Fatalf("Han(%U) = %v, want %v", r, got, want)
		}
	}
	for _, s := range []string{"a", "。", "！", "中"[:2], "\xe4a\x80"} {
		if Han(s, 0) {
			t.Errorf("Han(%q) holds", s)
		}
	}
}
