package listings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// BenchmarkParseHTML parses the largest fixture page, and the real saved
// pages when the corpus is there (testcorpus.Find).
func BenchmarkParseHTML(b *testing.B) {
	pages := map[string][]byte{"fixture/jd-sweater": fixture(b, "pages", "jd-sweater.html")}
	dir, err := testcorpus.Find()
	if err != nil {
		b.Fatal(err)
	}
	if dir != "" {
		for _, name := range corpusPages {
			raw, err := os.ReadFile(filepath.Join(dir, "pages", name))
			if err != nil {
				b.Fatalf("corpus: %v", err)
			}
			pages["corpus/"+name] = raw
		}
	}
	for name, raw := range pages {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ParseHTML(name, raw); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecode measures charset decoding alone on the GBK fixture.
func BenchmarkDecode(b *testing.B) {
	raw := fixture(b, "pages", "tmall-down-jacket.gbk.html")
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, _, err := Decode(raw, ""); err != nil {
			b.Fatal(err)
		}
	}
}
