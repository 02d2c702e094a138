package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
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

// BenchmarkEngineInputJudged is the cost of the input as evaluated
// (judgedInput) of each listing that reaches the policies (the gate skips
// not every rule for it), per listing: the export fixture's rows, and the corpus titles when the
// corpus is there. Building the input is allocation-bound, so bytes and
// allocations per listing are the figures to watch beside the time.
func BenchmarkEngineInputJudged(b *testing.B) {
	c := checker(b)
	sets := map[string]string{"export-rows": filepath.Join("..", "..", "fixtures", "exports", "taobao-assistant.csv")}
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		sets["corpus-titles"] = filepath.Join(dir, "titles", "taobao_titles_train.txt")
	} else {
		b.Logf("corpus-titles not run: no corpus (%v)", err)
	}
	for name, path := range sets {
		docs, skips := judgedDocs(b, c, path)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				for k, doc := range docs {
					if _, err := c.Engine.judgedInput(doc, skips[k]); err != nil {
						b.Fatal(err)
					}
				}
			}
			per := float64(b.N * len(docs))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/listing")
			b.ReportMetric(float64(cpuTime()-cpu)/per, "cpu-ns/listing")
			b.ReportMetric(float64(len(docs)), "listings")
		})
	}
}

// judgedDocs are the documents of the listings of a file that reach the
// policies, with the rules skipped for each.
func judgedDocs(b *testing.B, c *judge, path string) ([]*facts.Document, [][]string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	parse := listings.Parse
	switch {
	case listings.IsExportFile(path):
		parse = listings.ParseExport
	case strings.HasSuffix(path, ".txt"):
		parse = listings.ParseTitles
	}
	ls, err := parse(path, raw)
	if err != nil {
		b.Fatalf("%s: %v", path, err)
	}
	var docs []*facts.Document
	var skips [][]string
	for _, l := range ls {
		doc := c.Builder.Build(l)
		if skip, none := c.Engine.Skipped(doc); !none {
			docs, skips = append(docs, doc), append(skips, skip)
		}
	}
	if len(docs) == 0 {
		b.Fatalf("%s: no listing reaches the policies", path)
	}
	return docs, skips
}
