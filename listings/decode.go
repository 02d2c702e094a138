package listings

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names reported by Decode (and kept in Listing.Encoding).
const (
	EncodingUTF8    = "utf-8"
	EncodingGB18030 = "gb18030"
	// LossySuffix is appended to the encoding name when decoding had to put
	// U+FFFD in place of bytes it could not decode: "gb18030 (lossy)". The
	// text is still returned, so a scan can go on, but nobody should take its
	// odd characters for the seller's words.
	LossySuffix = " (lossy)"
)

// binaryWindow is how many leading bytes are checked for binary content.
const binaryWindow = 8 << 10

// Decode turns page or file bytes into text and names the encoding it used.
//
// The rule, in order:
//  1. empty or white-space-only input is ErrEmpty;
//  2. a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE);
//  3. NUL or many control bytes in the first 8 KiB is ErrBinary;
//  4. bytes that are valid UTF-8 are UTF-8, whatever the page declares
//     (saved Taobao pages are often UTF-8 bytes with <meta charset="gbk">);
//  5. otherwise the declared charset (contentType's charset parameter, then
//     <meta charset> or <meta http-equiv> in the head); gbk, gb2312 and
//     gb18030 all decode as GB18030, including its user-defined areas;
//  6. otherwise the bytes are sniffed: GB18030 when it fits them, else what
//     charset.DetermineEncoding guesses.
//
// When the decoder had to replace bytes by U+FFFD, the encoding name ends in
// LossySuffix ("gb18030 (lossy)"); see Lossy.
func Decode(raw []byte, contentType string) (text string, enc string, err error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return "", "", ErrEmpty
	}
	if e, name, n := bomEncoding(raw); e != nil {
		return decodeWith(e, name, raw[n:])
	}
	if err := checkBinary(raw); err != nil {
		return "", "", err
	}
	if utf8.Valid(raw) {
		return string(raw), EncodingUTF8, nil
	}
	if label := declaredCharset(raw, contentType); label != "" {
		if text, enc, ok := decodeDeclared(raw, label); ok {
			return text, enc, nil
		}
	}
	return sniff(raw)
}

// Lossy reports whether an encoding name returned by Decode says the text
// holds replacement characters that decoding put there.
func Lossy(enc string) bool { return strings.HasSuffix(enc, LossySuffix) }

// BaseEncoding is the encoding name without LossySuffix.
func BaseEncoding(enc string) string { return strings.TrimSuffix(enc, LossySuffix) }

// bomEncoding recognises a byte order mark and says how many bytes it takes.
func bomEncoding(raw []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return encoding.Nop, EncodingUTF8, 3
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	}
	return nil, "", 0
}

// checkBinary rejects input whose first bytes hold NUL, or where more than
// one byte in ten is a control character that text does not use.
func checkBinary(raw []byte) error {
	head := raw[:min(len(raw), binaryWindow)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B {
			controls++
		}
	}
	if controls*10 > len(head) {
		return fmt.Errorf("%w: %d control bytes in the first %d", ErrBinary, controls, len(head))
	}
	return nil
}

// decodeWith decodes with a known encoding and marks the name lossy when
// the decoder had to substitute U+FFFD.
func decodeWith(e encoding.Encoding, name string, raw []byte) (string, string, error) {
	if e == encoding.Nop {
		if utf8.Valid(raw) {
			return string(raw), name, nil
		}
		return strings.ToValidUTF8(string(raw), "\uFFFD"), name + LossySuffix, nil
	}
	out, err := e.NewDecoder().Bytes(raw)
	if err != nil {
		return "", "", fmt.Errorf("decode %s: %w", name, err)
	}
	text := string(out)
	if strings.Count(text, "\uFFFD") > bytes.Count(raw, []byte("\uFFFD")) {
		name += LossySuffix
	}
	return text, name, nil
}

// decodeDeclared decodes with a declared charset label. It says !ok when the
// label is unknown, or when the page declares UTF-8 but is not, so that the
// bytes get sniffed instead.
func decodeDeclared(raw []byte, label string) (string, string, bool) {
	e, name := charset.Lookup(label)
	switch {
	case e == nil || e == encoding.Replacement || name == EncodingUTF8:
		return "", "", false
	case isGBName(name):
		text, bad := DecodeGB18030(raw)
		return text, gbName(bad), true
	}
	text, enc, err := decodeWith(e, name, raw)
	if err != nil {
		return "", "", false
	}
	return text, enc, true
}

// isGBName reports whether a canonical charset name is of the GB family.
func isGBName(name string) bool {
	return name == "gbk" || name == "gb18030" || name == "gb2312"
}

// gbName is the encoding name for a GB18030 decode with bad replacements.
func gbName(bad int) string {
	if bad > 0 {
		return EncodingGB18030 + LossySuffix
	}
	return EncodingGB18030
}

// sniff picks an encoding for undeclared bytes that are not UTF-8. Chinese
// pages without a declaration are GBK in practice, so GB18030 wins when no
// more than one multi-byte sequence in twenty fails to decode.
//
// Bytes that are UTF-8 but for a few invalid sequences are UTF-8 with a
// broken byte, not another charset: they are an error naming the first bad
// offset, never garbled text from a guessed windows-1252.
func sniff(raw []byte) (string, string, error) {
	if off, ok := brokenUTF8(raw); ok {
		return "", "", fmt.Errorf("%w: invalid UTF-8 at byte offset %d (and no charset declared)", ErrEncoding, off)
	}
	text, bad := DecodeGB18030(raw)
	if bad == 0 || bad*20 <= multiByteSequences(raw) {
		return text, gbName(bad), nil
	}
	e, name, _ := charset.DetermineEncoding(raw, "")
	if isGBName(name) {
		return text, gbName(bad), nil
	}
	return decodeWith(e, name, raw)
}

// multiByteSequences estimates how many non-ASCII characters raw holds.
func multiByteSequences(raw []byte) int {
	n := 0
	for _, c := range raw {
		if c >= 0x80 {
			n++
		}
	}
	return n / 2
}

// brokenUTF8 reports whether raw reads as UTF-8 with a few invalid bytes:
// at least twenty valid multi-byte characters per invalid sequence. It
// returns the offset of the first invalid byte.
func brokenUTF8(raw []byte) (int, bool) {
	first, invalid, multi := -1, 0, 0
	for i := 0; i < len(raw); {
		if raw[i] < utf8.RuneSelf { // most of a page: skip it without decoding
			i++
			continue
		}
		r, n := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			if first < 0 {
				first = i
			}
			invalid++
		case n > 1:
			multi++
		}
		i += n
	}
	return first, invalid > 0 && multi >= 20*invalid
}
