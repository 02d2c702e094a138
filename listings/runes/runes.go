// Package runes reads a text's characters where a decoder call per
// character costs more than the scan around it: the gate reads every
// character of every title several times over, and most of them are
// Chinese characters (three bytes led by 0xE1 to 0xEC).
package runes

// At is the character at byte i of s and its size when it is ASCII or
// three bytes led by 0xE1 to 0xEC (U+1000 to U+CFFF, every Chinese
// character and the CJK marks), which is well formed whatever its two
// continuation bytes are; for any other the size is 0 and the caller
// decodes it (utf8.DecodeRuneInString). Small enough to inline (cost 74):
// a call, as runtime.decoderune is for range, costs about as much as the
// decoding itself. That is also why each caller writes the fallback to
// utf8.DecodeRuneInString itself: a function doing both would not inline.
func At(s string, i int) (rune, int) {
	c := s[i]
	if c < 0x80 {
		return rune(c), 1
	}
	if i+2 < len(s) {
		// A continuation byte (0x80 to 0xBF) has its top bit flipped to
		// below 0x40, and its six bits then stand alone: one test for
		// both bytes, and no mask to take the bits.
		c1, c2 := s[i+1]^0x80, s[i+2]^0x80
		if c-0xE1 <= 0xEC-0xE1 && c1|c2 < 0x40 {
			return rune(c&0x0F)<<12 | rune(c1)<<6 | rune(c2), 3
		}
	}
	return 0, 0
}

// Han reports whether byte i of s starts three bytes led by 0xE4 to 0xE9
// (U+4000 to U+9FFF): a Chinese character, which is no space, mark or
// invisible character, so scans that look for those step over it without
// decoding it. Small enough to inline.
func Han(s string, i int) bool {
	c := s[i]
	return c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}
