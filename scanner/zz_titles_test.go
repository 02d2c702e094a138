package scanner

import (
	"context"
	"os"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

func BenchmarkZZTitles(b *testing.B) {
	f := os.Getenv("ZZ_FILE")
	if f == "" {
		f = "/work/shared/corpus/titles/taobao_titles_train.txt"
	}
	raw, _ := os.ReadFile(f)
	ls, err := ParseInput(f, raw)
	if err != nil {
		b.Fatal(err)
	}
	c := checker(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var l *listings.Listing = ls[i%len(ls)]
		if _, _, err := c.CheckListing(ctx, l); err != nil {
			b.Fatal(err)
		}
	}
}
