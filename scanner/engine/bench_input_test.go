package engine

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// BenchmarkEngineInput is the cost of turning a fixture page's document
// into the policies' input (AST, lexicon index), against OPA's own way
// through JSON.
func BenchmarkEngineInput(b *testing.B) {
	c := checker(b)
	raw, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "pages", "jd-sweater.html"))
	if err != nil {
		b.Skipf("fixture: %v", err)
	}
	ls, err := listings.Parse("jd-sweater.html", raw)
	if err != nil {
		b.Fatal(err)
	}
	doc := c.Builder.Build(ls[0])
	b.Run("input", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Engine.Input(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("via-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := jsonToAST(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}
