package listings

import (
	"bytes"
	"strings"
)

// gbReplacement is U+FFFD encoded in GB18030: a page may hold it literally.
var gbReplacement = []byte{0x84, 0x31, 0xA4, 0x37}

// DecodeGB18030 decodes GBK or GB18030 bytes and says how many U+FFFD the
// decoder had to put in place of bytes it could not decode.
//
// golang.org/x/text does not map GB18030's user-defined areas (AAA1-AFFE,
// F8A1-FEFE, A140-A7A0) to the Private Use Area as GB18030 and browsers do.
// Pages use them for icon-font glyphs (the saved Tmall pages hold a dozen),
// so DecodeGB18030 maps them itself rather than call them undecodable.
func DecodeGB18030(raw []byte) (string, int) {
	var text string
	if hasUserDefined(raw) {
		text = decodeGBSegments(raw)
	} else {
		out, err := decodeGBRun(raw)
		if err != nil {
			return strings.Repeat("\uFFFD", len(raw)), len(raw)
		}
		text = string(out)
	}
	bad := strings.Count(text, "\uFFFD") - bytes.Count(raw, gbReplacement)
	return text, max(bad, 0)
}

// hasUserDefined reports whether raw holds a two-byte sequence in a
// user-defined area; one cheap pass saves decoding twice.
func hasUserDefined(raw []byte) bool {
	for i := 0; i < len(raw); {
		if raw[i] < 0x80 {
			i++
			continue
		}
		n := gbSequenceLen(raw, i)
		if n == 2 {
			if _, ok := gbUserDefined(raw[i], raw[i+1]); ok {
				return true
			}
		}
		i += n
	}
	return false
}

// decodeGBSegments walks the byte sequences, writes user-defined ones as
// Private Use Area runes and decodes the runs in between with x/text.
func decodeGBSegments(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw) * 3 / 2)
	start := 0
	for i := 0; i < len(raw); {
		n := gbSequenceLen(raw, i)
		if n == 2 {
			if r, ok := gbUserDefined(raw[i], raw[i+1]); ok {
				writeGB(&b, raw[start:i])
				b.WriteRune(r)
				start = i + 2
			}
		}
		i += n
	}
	writeGB(&b, raw[start:])
	return b.String()
}

// writeGB decodes one run that has no user-defined sequences.
func writeGB(b *strings.Builder, run []byte) {
	if len(run) == 0 {
		return
	}
	out, err := decodeGBRun(run)
	if err != nil {
		b.WriteString(strings.Repeat("\uFFFD", len(run)))
		return
	}
	b.Write(out)
}

// gbSequenceLen is the length of the GB18030 byte sequence at raw[i]:
// 1 (ASCII or an invalid byte), 2 or 4.
func gbSequenceLen(raw []byte, i int) int {
	c := raw[i]
	if c < 0x81 || c == 0xFF || i+1 >= len(raw) {
		return 1
	}
	c2 := raw[i+1]
	switch {
	case c2 >= 0x30 && c2 <= 0x39:
		if i+3 < len(raw) && raw[i+2] >= 0x81 && raw[i+2] <= 0xFE && raw[i+3] >= 0x30 && raw[i+3] <= 0x39 {
			return 4
		}
		return 1
	case c2 >= 0x40 && c2 <= 0xFE && c2 != 0x7F:
		return 2
	}
	return 1
}

// gbUserDefined maps a two-byte sequence in one of GB18030's three
// user-defined areas to its Private Use Area code point.
func gbUserDefined(c1, c2 byte) (rune, bool) {
	switch {
	case c1 >= 0xAA && c1 <= 0xAF && c2 >= 0xA1 && c2 <= 0xFE:
		return 0xE000 + rune(c1-0xAA)*94 + rune(c2-0xA1), true
	case c1 >= 0xF8 && c1 <= 0xFE && c2 >= 0xA1 && c2 <= 0xFE:
		return 0xE234 + rune(c1-0xF8)*94 + rune(c2-0xA1), true
	case c1 >= 0xA1 && c1 <= 0xA7 && c2 >= 0x40 && c2 <= 0xA0 && c2 != 0x7F:
		trail := rune(c2 - 0x40)
		if c2 > 0x7F {
			trail--
		}
		return 0xE4C6 + rune(c1-0xA1)*96 + trail, true
	}
	return 0, false
}
