package report

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

// appendResult appends r as one JSON line, byte for byte what a
// json.Encoder with SetEscapeHTML(false) writes for it. A bulk scan of
// titles writes hundreds of thousands of lines, nearly all of a listing
// without findings, and the reflection of encoding/json cost about 3% of
// such a run. The envelope and the findings (findingjson.go) are written
// here; columns, rare and nested, still go through encoding/json (enc,
// writing into buf).
// TestAppendResultIsEncodingJSON holds every field of Result to
// encoding/json, so a field added to Result and not here fails it.
func appendResult(b []byte, r *scanner.Result, enc *json.Encoder, buf *bytes.Buffer, cols *columnsMemo) ([]byte, error) {
	b = append(b, `{"input":`...)
	b = strconv.AppendInt(b, int64(r.Input), 10)
	b = appendStringField(b, `,"source":`, r.Source)
	b = appendStringField(b, `,"kind":`, r.Kind)
	b = appendStringField(b, `,"id":`, r.ID)
	b = appendStringField(b, `,"title":`, r.Title)
	if r.Platform != "" {
		b = appendStringField(b, `,"platform":`, r.Platform)
	}
	if r.Encoding != "" {
		b = appendStringField(b, `,"encoding":`, r.Encoding)
	}
	var ok bool
	if r.Price != 0 {
		if b, ok = appendFloatField(b, `,"price":`, r.Price); !ok {
			return b, errUnsupportedFloat
		}
	}
	if r.Shop != "" {
		b = appendStringField(b, `,"shop":`, r.Shop)
	}
	if r.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(r.Line), 10)
	}
	b = append(b, `,"findings":`...)
	var err error
	switch {
	case r.Findings == nil:
		b = append(b, "null"...)
	case len(r.Findings) == 0:
		b = append(b, "[]"...)
	default:
		if b, err = appendFindings(b, r.Findings, enc, buf); err != nil {
			return b, err
		}
	}
	if b, ok = appendExposure(b, r.Exposure); !ok {
		return b, errUnsupportedFloat
	}
	if r.Columns != nil {
		b = append(b, `,"columns":`...)
		if b, err = cols.append(b, r.Columns, enc, buf); err != nil {
			return b, err
		}
	}
	b = append(b, `,"error":`...)
	if r.Error == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, *r.Error)
	}
	return append(b, "}\n"...), nil
}

// errUnsupportedFloat: NaN and the infinities have no JSON form; the
// caller lets encoding/json say so, in its words.
var errUnsupportedFloat = &json.UnsupportedValueError{Str: "NaN or Inf"}

func appendExposure(b []byte, e scanner.ExposureTotal) ([]byte, bool) {
	b, ok := appendExposureFigures(append(b, `,"exposure":{`...), e)
	return append(b, '}'), ok
}

// appendExposureFigures appends the four figures a listing's and a
// finding's exposure both start with, inside the object's braces; false
// for NaN or an infinity.
func appendExposureFigures(b []byte, e scanner.ExposureTotal) ([]byte, bool) {
	ok := [5]bool{}
	b, ok[0] = appendFloatField(b, `"punitive_cny":`, e.PunitiveCNY)
	b, ok[1] = appendFloatField(b, `,"platform_cny":`, e.PlatformCNY)
	b, ok[2] = appendFloatField(b, `,"fine_cny":[`, e.FineCNY[0])
	b, ok[3] = appendFloatField(b, `,`, e.FineCNY[1])
	b, ok[4] = appendFloatField(b, `],"points":`, e.Points)
	return b, ok == [5]bool{true, true, true, true, true}
}

// appendEncoded appends v as enc writes it, without its newline.
func appendEncoded(b []byte, v any, enc *json.Encoder, buf *bytes.Buffer) ([]byte, error) {
	buf.Reset()
	if err := enc.Encode(v); err != nil {
		return b, err
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte("\n"))...), nil
}

// columnsMemo is the encoding of the last column report written: every
// row of a shop export carries its export's report (one pointer, read
// once and never changed), and encoding/json wrote it again for every row
// (12k instructions an export row). Holding the report keeps its address
// from being reused by another. A nil memo encodes every time.
type columnsMemo struct {
	of   *listings.ColumnReport
	json []byte
}

func (m *columnsMemo) append(b []byte, c *listings.ColumnReport, enc *json.Encoder, buf *bytes.Buffer) ([]byte, error) {
	if m == nil {
		return appendEncoded(b, c, enc, buf)
	}
	if c != m.of {
		encoded, err := appendEncoded(m.json[:0], c, enc, buf)
		if err != nil {
			return b, err
		}
		m.of, m.json = c, encoded
	}
	return append(b, m.json...), nil
}

func appendStringField(b []byte, key, s string) []byte {
	return appendJSONString(append(b, key...), s)
}

// appendFloatField appends key and f as encoding/json writes a float64
// (the shortest form that reads back the same; exponents only below 1e-6
// and from 1e21, without a leading zero in the exponent). It reports false
// for NaN and the infinities.
func appendFloatField(b []byte, key string, f float64) ([]byte, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, false
	}
	b = append(b, key...)
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 is written 1e-7.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSONString appends s quoted as encoding/json quotes a string
// without HTML escaping: quote and backslash escaped, control characters
// as \b \f \n \r \t or \u00XX, bytes that are not UTF-8 as \ufffd, and
// U+2028 and U+2029 escaped (JavaScript reads them as line ends).
//
// Runs of plain ASCII and of plain three-byte characters are skipped in
// loops of their own: a report's text is mostly Chinese, and telling each
// character's kind apart in one loop took about 10 instructions a byte.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		i = skipPlain(s, i)
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			b = appendEscapedByte(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			if r == utf8.RuneError {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, `\u202`...)
				b = append(b, hexDigits[r&0xF])
			}
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// skipPlain returns the end of the run of bytes from i that JSON takes as
// they are: ASCII other than control characters, quote and backslash,
// and valid three-byte characters other than U+2028 and U+2029.
func skipPlain(s string, i int) int {
	for i < len(s) {
		for i < len(s) && plainASCII[s[i]] {
			i++
		}
		from := i
		for i+3 <= len(s) {
			t := s[i : i+3] // one bounds check for the three
			if !plainLead[t[0]] || (uint(t[1])<<8|uint(t[2]))&0xC0C0 != 0x8080 {
				break
			}
			i += 3
		}
		if i == from {
			return i
		}
	}
	return i
}

// plainASCII and plainLead are skipPlain's tables. Lead bytes E1-EC and
// EE-EF take any two continuation bytes (E0 and ED restrict the second,
// and E2 holds the two separators); the CJK characters lie in E3-E9.
var plainASCII, plainLead = func() (ascii, lead [256]bool) {
	for c := range 256 {
		ascii[c] = c >= ' ' && c < utf8.RuneSelf && c != '"' && c != '\\'
		lead[c] = c >= 0xE3 && c <= 0xEC || c == 0xE1 || c == 0xEE || c == 0xEF
	}
	return ascii, lead
}()

const hexDigits = "0123456789abcdef"

// appendEscapedByte escapes an ASCII quote, backslash or control byte.
func appendEscapedByte(b []byte, c byte) []byte {
	switch c {
	case '\\', '"':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}
