package listings

import (
	"bytes"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// FuzzDecodeGBRun: the run decoder gives what x/text's decoder gives on
// any bytes, valid GB18030 or not.
func FuzzDecodeGBRun(f *testing.F) {
	for _, name := range []string{"taobao-classic-tshirt.gbk.html", "tmall-down-jacket.gbk.html"} {
		f.Add(fixture(f, "pages", name))
	}
	f.Add([]byte("a\x81\x30\x81\x30b\x80\xff\x81"))           // four-byte, euro, invalid lead, cut short
	f.Add([]byte("\x84\x31\xa4\x37\xe3\x32\x9a\x35\x81\x7f")) // U+FFFD, top of range, bad trail
	f.Add([]byte("\xfe\x39\xfe\x39\xb0\x41<p>\xc4\xe3</p>\x81"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		want, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil {
			t.Fatalf("x/text: %v", err) // its GB18030 decoder has no error at the end of input
		}
		got, err := decodeGBRun(raw)
		if err != nil || !bytes.Equal(got, want) {
			at := 0
			for at < min(len(got), len(want)) && got[at] == want[at] {
				at++
			}
			t.Fatalf("decodeGBRun of %d bytes: %v; differs from x/text at output byte %d: %q against %q",
				len(raw), err, at, got[at:min(len(got), at+12)], want[at:min(len(want), at+12)])
		}
	})
}
