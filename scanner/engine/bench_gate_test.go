package engine

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// BenchmarkGateUnjudged is the cost of the gate per title (Unjudged, with
// the tokens cut where the text allows some rule), the work done for
// every listing of a title list before any rule judges it: the corpus
// titles, most of which reach no rule.
func BenchmarkGateUnjudged(b *testing.B) {
	c := checker(b)
	raw, err := os.ReadFile(filepath.Join(testcorpus.Dir(b), "titles", "taobao_titles_train.txt"))
	if err != nil {
		b.Fatal(err)
	}
	ls, err := listings.ParseTitles("titles.txt", raw)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	unjudged := 0
	for b.Loop() {
		unjudged = 0
		for _, l := range ls {
			if c.Engine.Unjudged(l, func() map[string]facts.Field { return c.Builder.Fields(l) }) {
				unjudged++
			}
		}
	}
	per := float64(b.N * len(ls))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/title")
	b.ReportMetric(float64(cpuTime()-cpu)/per, "cpu-ns/title")
	b.ReportMetric(float64(unjudged)/float64(len(ls)), "unjudged/title")
}
