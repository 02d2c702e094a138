package listings

import (
	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbDecoder is x/text's GB18030 decoder; its Transform keeps no state
// between characters, so runs cut where a character starts decode alone to
// the same text.
var gbDecoder = simplifiedchinese.GB18030.NewDecoder().Transformer

// decodeGBRun decodes GBK/GB18030 bytes as x/text does. A saved item page
// is mostly ASCII (markup, script, style) around its Chinese text, and
// x/text decodes byte by byte: here ASCII runs are copied as they are and
// only the runs between them go through x/text. gbCharLen says where x/text
// ends each character, so every cut is where it starts a new one
// (FuzzDecodeGBRun compares the two on any bytes).
func decodeGBRun(raw []byte) ([]byte, error) {
	out := make([]byte, 0, len(raw)+len(raw)/2+16)
	for i := 0; i < len(raw); {
		j := i
		for j < len(raw) && raw[j] < 0x80 {
			j++
		}
		out = append(out, raw[i:j]...)
		if j == len(raw) {
			break
		}
		k := j
		for k < len(raw) && raw[k] >= 0x80 {
			k += gbCharLen(raw, k)
		}
		out = growFor(out, 3*(k-j)) // at most 3 bytes of UTF-8 per byte (U+FFFD for one)
		n, _, err := gbDecoder.Transform(out[len(out):cap(out)], raw[j:k], true)
		if err != nil {
			return nil, err
		}
		out = out[:len(out)+n]
		i = k
	}
	return out, nil
}

// growFor makes room for n more bytes.
func growFor(b []byte, n int) []byte {
	if cap(b)-len(b) >= n {
		return b
	}
	grown := make([]byte, len(b), 2*cap(b)+n)
	copy(grown, b)
	return grown
}

// gbCharLen is how many bytes x/text's GB18030 decoder takes for the
// character at raw[i] (at the end of the input): 1 for ASCII, 0x80, 0xFF
// and bytes it cannot decode, 2 for a two-byte sequence (mapped or not), 4
// for a four-byte one in range.
func gbCharLen(raw []byte, i int) int {
	c0 := raw[i]
	if c0 <= 0x80 || c0 == 0xFF || i+1 >= len(raw) {
		return 1
	}
	c1 := raw[i+1]
	switch {
	case (0x40 <= c1 && c1 < 0x7F) || (0x80 <= c1 && c1 < 0xFF):
		return 2
	case 0x30 <= c1 && c1 < 0x40:
		if i+3 >= len(raw) {
			return 1
		}
		c2, c3 := raw[i+2], raw[i+3]
		if c2 < 0x81 || c2 == 0xFF || c3 < 0x30 || c3 >= 0x3A {
			return 1
		}
		r := ((rune(c0-0x81)*10+rune(c1-0x30))*126+rune(c2-0x81))*10 + rune(c3-0x30)
		if r < 39420 || (r-189000 >= 0 && r-189000 < 0x100000) {
			return 4
		}
	}
	return 1
}
