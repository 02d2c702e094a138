package scanner

import (
	"context"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

// Checker turns listings into documents and judges them. One Checker serves
// every worker: the tokenizer and the prepared query are shared.
type Checker struct {
	Engine  *engine.Engine
	Builder *facts.Builder
}

// NewChecker loads the shared tokenizer and compiles the policies.
// now fixes the clock policies see (nil: the real time).
//
// Loading gojieba's dictionaries (C++) and compiling the policies (Go)
// take about as long as each other and share nothing, so they run side by
// side: a one-listing run (a CI check) waits for the longer, not the sum.
func NewChecker(ctx context.Context, opts engine.Options, now func() time.Time) (*Checker, error) {
	return NewCheckerThen(ctx, opts, now, nil)
}

// NewCheckerThen is NewChecker, and calls ready (if set) with the engine
// as soon as the policies are compiled, while the tokenizer may still be
// loading: Pregate's start uses that time.
func NewCheckerThen(ctx context.Context, opts engine.Options, now func() time.Time, ready func(*engine.Engine)) (*Checker, error) {
	loaded := make(chan error, 1)
	var tk *tokenizer.Jieba
	go func() {
		var err error
		tk, err = tokenizer.Shared()
		loaded <- err
	}()
	eng, err := engine.New(ctx, opts)
	if err == nil && ready != nil {
		ready(eng)
	}
	if terr := <-loaded; terr != nil {
		return nil, terr
	}
	if err != nil {
		return nil, err
	}
	return &Checker{Engine: eng, Builder: &facts.Builder{Tokenizer: tk, Now: now, Dodges: eng.Dodges(), Memo: facts.NewFieldMemo()}}, nil
}

// CheckListing builds the listing's document and evaluates it. A listing
// no rule can find anything in (Engine.Gate) is neither built nor
// evaluated: it has no findings, and its document is nil. One the gate
// let through is built from the fields it cut, and judged with what it
// read of them.
func (c *Checker) CheckListing(ctx context.Context, l *listings.Listing) ([]finding.Finding, *facts.Document, error) {
	var fields map[string]facts.Field
	cut := func() map[string]facts.Field {
		fields = c.Builder.Fields(l)
		return fields
	}
	read, unjudged := c.Engine.Gate(l, cut)
	if unjudged {
		return []finding.Finding{}, nil, nil
	}
	if fields == nil {
		fields = c.Builder.Fields(l)
	}
	doc := c.Builder.BuildFrom(l, fields)
	found, err := c.Engine.EvalGated(ctx, doc, read)
	if err != nil {
		return nil, doc, err
	}
	finding.Finish(found, l.ID, l.Source)
	return found, doc, nil
}
