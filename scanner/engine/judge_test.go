package engine

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

// judge is how the engine's tests evaluate a listing: facts from the shared
// tokenizer at a fixed clock, then Eval, the way the scanner's Checker does.
type judge struct {
	Engine  *Engine
	Builder *facts.Builder
}

var testClock = time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func newJudge(opts Options) (*judge, error) {
	tk, err := tokenizer.Shared()
	if err != nil {
		return nil, err
	}
	eng, err := New(context.Background(), opts)
	if err != nil {
		return nil, err
	}
	return &judge{Engine: eng, Builder: &facts.Builder{Tokenizer: tk, Now: func() time.Time { return testClock }, Dodges: eng.Dodges()}}, nil
}

// CheckListing builds the listing's document and evaluates it; findings
// come sorted and fingerprinted, as the scanner reports them.
func (j *judge) CheckListing(ctx context.Context, l *listings.Listing) ([]finding.Finding, *facts.Document, error) {
	doc := j.Builder.Build(l)
	found, err := j.Engine.Eval(ctx, doc)
	if err != nil {
		return nil, doc, err
	}
	finding.Finish(found, l.ID, l.Source)
	return found, doc, nil
}

// testJudge is shared by the package's tests: compiling policies and
// loading gojieba once keeps the suite fast.
var testJudge = sync.OnceValues(func() (*judge, error) { return newJudge(Options{}) })

func checker(t testing.TB) *judge {
	t.Helper()
	j, err := testJudge()
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	return j
}
