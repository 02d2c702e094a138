package listings

import (
	"testing"
	"unicode/utf8"
)

// FuzzParseExport: a shop export never panics, and every listing it yields
// has UTF-8 text and a line inside the file. Seeds: testdata/fuzz/FuzzParseExport.
func FuzzParseExport(f *testing.F) {
	f.Add([]byte("宝贝名称,宝贝价格,宝贝描述\n全网最好的纯棉T恤,99,\"<p>纯棉</p>\"\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ls, err := ParseExport("fuzz.csv", raw)
		if err != nil {
			return
		}
		for _, l := range ls {
			for _, s := range []string{l.ID, l.Title, l.Description} {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 in %q", s)
				}
			}
			if l.Price.Max < l.Price.Min {
				t.Fatalf("price range reversed: %+v", l.Price)
			}
		}
	})
}
