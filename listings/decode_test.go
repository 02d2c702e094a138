package listings

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// gbk encodes s as GB18030 bytes for a test.
func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestDecode(t *testing.T) {
	t.Parallel()
	const page = `<html><head><title>纯棉T恤</title></head><body><h1>纯棉T恤 全网最低价</h1></body></html>`
	declared := strings.Replace(page, "<head>", `<head><meta charset="gbk">`, 1)
	httpEquiv := strings.Replace(page, "<head>", `<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, 1)
	tests := []struct {
		name        string
		raw         func(t *testing.T) []byte
		contentType string
		wantText    string // a substring the text must hold
		wantEnc     string
	}{
		{"utf-8 plain", func(*testing.T) []byte { return []byte(page) }, "", "纯棉T恤 全网最低价", "utf-8"},
		{"utf-8 bytes declaring gbk", func(*testing.T) []byte { return []byte(declared) }, "", "纯棉T恤 全网最低价", "utf-8"},
		{"utf-8 bytes, header says gbk", func(*testing.T) []byte { return []byte(page) }, "text/html; charset=GBK", "全网最低价", "utf-8"},
		{"gbk declared by meta", func(t *testing.T) []byte { return gbk(t, declared) }, "", "纯棉T恤 全网最低价", "gb18030"},
		{"gb2312 declared by http-equiv", func(t *testing.T) []byte { return gbk(t, httpEquiv) }, "", "全网最低价", "gb18030"},
		{"gbk without declaration", func(t *testing.T) []byte { return gbk(t, page) }, "", "纯棉T恤 全网最低价", "gb18030"},
		{"gbk declared by header only", func(t *testing.T) []byte { return gbk(t, page) }, "text/html;charset=gbk", "全网最低价", "gb18030"},
		{"gb18030 four-byte characters", func(t *testing.T) []byte { return gbk(t, "<p>𠮷野家 €99 ¥129 ƛ</p>") }, "", "𠮷野家 €99 ¥129 ƛ", "gb18030"},
		{"gbk page declaring utf-8", func(t *testing.T) []byte {
			return gbk(t, strings.Replace(page, "<head>", `<head><meta charset="utf-8">`, 1))
		}, "", "全网最低价", "gb18030"},
		{"meta charset after 150 KB of script", func(t *testing.T) []byte {
			big := strings.Replace(declared, "<head>", "<head><script>"+strings.Repeat("var a=1;", 20000)+"</script>", 1)
			return gbk(t, big)
		}, "", "全网最低价", "gb18030"},
		{"user-defined area icon glyphs", func(t *testing.T) []byte {
			return append(append(gbk(t, "<i>"), 0xA4, 0x5B), gbk(t, "</i>加入购物车")...)
		}, "", "<i>\uE601</i>加入购物车", "gb18030"},
		{"gbk with one broken byte", func(t *testing.T) []byte {
			return append(gbk(t, strings.Repeat("纯棉短袖T恤，透气吸汗。", 10)), 0x81, 0x20)
		}, "", "纯棉短袖T恤", "gb18030 (lossy)"},
		{"utf-8 bom", func(*testing.T) []byte { return append([]byte{0xEF, 0xBB, 0xBF}, page...) }, "", "全网最低价", "utf-8"},
		{"utf-16le bom", func(*testing.T) []byte { return utf16le("\uFEFF纯棉T恤") }, "", "纯棉T恤", "utf-16le"},
		{"big5 declared", func(t *testing.T) []byte {
			b, err := traditionalchinese.Big5.NewEncoder().Bytes([]byte(`<meta charset="big5"><p>純棉T恤</p>`))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}, "", "純棉T恤", "big5"},
		{"latin-1 page", func(*testing.T) []byte {
			return []byte("<p>caf\xe9 cr\xe8me br\xfbl\xe9e \xe0 la fran\xe7aise, tr\xe8s cher, d\xe9j\xe0 vu</p>")
		}, "", "café crème", "windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text, enc, err := Decode(tt.raw(t), tt.contentType)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if enc != tt.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, tt.wantEnc)
			}
			if !strings.Contains(text, tt.wantText) {
				t.Errorf("text %q does not hold %q", text, tt.wantText)
			}
			if strings.Contains(text, "\uFFFD") != Lossy(enc) {
				t.Errorf("U+FFFD in text = %v but encoding %q", strings.Contains(text, "\uFFFD"), enc)
			}
		})
	}
}

// utf16le encodes s as UTF-16LE (BMP only).
func utf16le(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		raw  []byte
		want error
	}{
		{"nil", nil, ErrEmpty},
		{"empty", []byte{}, ErrEmpty},
		{"white space", []byte(" \r\n\t\n"), ErrEmpty},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00"), ErrBinary},
		{"gzip", []byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03}, ErrBinary},
		{"control bytes", []byte("\x01\x02\x03\x04\x05\x06\x07\x08abc"), ErrBinary},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, _, err := Decode(tt.raw, "")
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDecodeGB18030UserDefined(t *testing.T) {
	t.Parallel()
	// Expected code points follow the GB18030 mapping browsers and ICU use.
	tests := []struct {
		bytes []byte
		want  rune
	}{
		{[]byte{0xAA, 0xA1}, 0xE000},
		{[]byte{0xAF, 0xFE}, 0xE233},
		{[]byte{0xF8, 0xA1}, 0xE234},
		{[]byte{0xFE, 0xFE}, 0xE4C5},
		{[]byte{0xA1, 0x40}, 0xE4C6},
		{[]byte{0xA4, 0x5B}, 0xE601},
		{[]byte{0xA4, 0x86}, 0xE62B},
		{[]byte{0xA7, 0xA0}, 0xE765},
	}
	for _, tt := range tests {
		text, bad := DecodeGB18030(append([]byte("a"), tt.bytes...))
		if bad != 0 || text != "a"+string(tt.want) {
			t.Errorf("% X: got %q (%d bad), want %U", tt.bytes, text, bad, tt.want)
		}
	}
}

func TestDecodeGB18030LiteralReplacement(t *testing.T) {
	t.Parallel()
	// A page may hold U+FFFD itself: that is not a decoding loss.
	text, bad := DecodeGB18030(gbk(t, "乱码\uFFFD"))
	if text != "乱码\uFFFD" || bad != 0 {
		t.Fatalf("got %q, %d bad; want the literal U+FFFD and 0 bad", text, bad)
	}
}

func TestBaseEncoding(t *testing.T) {
	t.Parallel()
	if got := BaseEncoding("gb18030 (lossy)"); got != "gb18030" {
		t.Errorf("BaseEncoding = %q", got)
	}
	if Lossy("utf-8") || !Lossy("utf-8 (lossy)") {
		t.Error("Lossy misreads the suffix")
	}
}
