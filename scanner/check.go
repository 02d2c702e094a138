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
func NewChecker(ctx context.Context, opts engine.Options, now func() time.Time) (*Checker, error) {
	tk, err := tokenizer.Shared()
	if err != nil {
		return nil, err
	}
	eng, err := engine.New(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &Checker{Engine: eng, Builder: &facts.Builder{Tokenizer: tk, Now: now}}, nil
}

// CheckListing builds the listing's document and evaluates it.
func (c *Checker) CheckListing(ctx context.Context, l *listings.Listing) ([]finding.Finding, *facts.Document, error) {
	doc := c.Builder.Build(l)
	found, err := c.Engine.Eval(ctx, doc)
	if err != nil {
		return nil, doc, err
	}
	finding.Finish(found, l.ID, l.Source)
	return found, doc, nil
}
