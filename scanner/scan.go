package scanner

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/locate"
)

// Options configures a scan.
type Options struct {
	Workers  int      // parallel workers; 0 means one per CPU
	Rules    []string // only these rule ids (empty: all)
	Platform string   // for listings that do not name theirs (or are "generic")
}

// Scanner scans inputs with a shared Checker.
type Scanner struct {
	Checker *Checker
	Options Options
	// check judges one listing; nil means checkOne (tests of the pool
	// put a stand-in here).
	check func(ctx context.Context, in Input, l *listings.Listing) Result
}

// Run scans every input in parallel and calls emit with each input's results
// in input order (see RunStream). A bad input yields an error result and
// never stops the batch; only ctx cancellation or an emit error ends Run early.
func (s *Scanner) Run(ctx context.Context, inputs []Input, emit func(Result) error) error {
	return s.RunStream(ctx, inputs, StreamOptions{}, emit) // bounded window, see pool.go
}

// work does one job: reads and parses an input, checking its listing
// when it has one (an input with several hands them back to be spread), or
// checks one listing of a spread input. It never panics outward: a panic
// becomes the listing's (or the input's) error result.
func (s *Scanner) work(ctx context.Context, in Input, j job) (u unit) {
	u = unit{pos: j.pos, k: j.k, n: 1}
	defer func() {
		if r := recover(); r != nil {
			u.result = errorResult(in, fmt.Errorf("internal error: %v", r))
		}
	}()
	b := j.b
	if b == nil {
		var err error
		if b, err = loadBatch(ctx, in); err != nil {
			u.result = errorResult(in, err)
			return u
		}
		if u.n = b.Len(); u.n != 1 {
			u.b = b // none to check, or several to spread
			return u
		}
	}
	l, recycled, err := listingOf(b, j.k)
	if err != nil {
		u.result = errorResult(in, err)
		return u
	}
	if recycled {
		defer recycle(l)
	}
	if s.check != nil {
		u.result = s.check(ctx, in, l)
	} else {
		u.result = s.checkOne(ctx, in, l, ruledOutAt(b, j.k))
	}
	return u
}

// checkOne checks l; ruledOut says the text stage already ruled it out
// (Pregate).
func (s *Scanner) checkOne(ctx context.Context, in Input, l *listings.Listing, ruledOut bool) Result {
	withPlatform(l, s.Options.Platform)
	r := Result{Input: in.Index, Source: in.Source, Kind: "listing", ID: l.ID, Title: l.Title,
		Platform: l.Platform, Encoding: l.Encoding, Price: l.Price.Highest(), Columns: l.Columns}
	found, doc, err := s.judge(ctx, l, ruledOut)
	if err != nil {
		msg := fmt.Sprintf("listing %q: %v", l.ID, err)
		r.Error = &msg
		r.Findings = []finding.Finding{}
		return r
	}
	found = keepRules(found, s.Options.Rules)
	locate.All(found, l, doc)
	found = applyIgnores(found, l)
	r.Findings = found
	r.Exposure = ListingExposure(found)
	return r
}

// withPlatform gives l the platform of Options.Platform when it names none.
func withPlatform(l *listings.Listing, platform string) {
	if platform != "" && (l.Platform == "" || l.Platform == "generic") {
		l.Platform = platform
	}
}

// judge is CheckListing, or for a listing whose text already ruled it out,
// what CheckListing gives such a listing: nothing found, no document.
func (s *Scanner) judge(ctx context.Context, l *listings.Listing, ruledOut bool) ([]finding.Finding, *facts.Document, error) {
	if ruledOut {
		return []finding.Finding{}, nil, nil
	}
	return s.Checker.CheckListing(ctx, l)
}

func keepRules(found []finding.Finding, rules []string) []finding.Finding {
	if len(rules) == 0 {
		return found
	}
	want := make(map[string]bool, len(rules))
	for _, r := range rules {
		want[r] = true
	}
	kept := found[:0]
	for _, f := range found {
		if want[f.Rule] {
			kept = append(kept, f)
		}
	}
	return kept
}

// batch is one input's listings, built one at a time on demand (a title
// list of 200,000 lines is not 200,000 listings in memory at once).
type batch interface {
	Len() int
	Listing(i int) (*listings.Listing, error)
}

// parsed is a batch of listings parsed all at once.
type parsed []*listings.Listing

func (p parsed) Len() int                                 { return len(p) }
func (p parsed) Listing(i int) (*listings.Listing, error) { return p[i], nil }

// loadBatch reads and parses one input, or lets it load itself. Title
// lists and shop exports build their listings on demand.
func loadBatch(ctx context.Context, in Input) (batch, error) {
	if in.pregate != nil {
		return in.pregate.load()
	}
	if in.Load != nil {
		ls, err := in.Load(ctx)
		return parsed(ls), err
	}
	raw, err := in.Read()
	if err != nil {
		return nil, err
	}
	switch {
	case listings.IsExportFile(in.Source):
		return listings.ReadExport(in.Source, raw)
	case isTitleList(in.Source):
		return listings.ReadTitles(in.Source, raw)
	}
	ls, err := listings.Parse(in.Source, raw)
	return parsed(ls), err
}

func isTitleList(source string) bool { return strings.EqualFold(filepath.Ext(source), ".txt") }

// ParseInput turns one input's bytes into listings.
func ParseInput(source string, raw []byte) ([]*listings.Listing, error) {
	if listings.IsExportFile(source) { // shop export CSV
		return listings.ParseExport(source, raw)
	}
	if isTitleList(source) {
		return listings.ParseTitles(source, raw)
	}
	return listings.Parse(source, raw)
}
