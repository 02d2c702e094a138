package scanner

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
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
}

// Run scans every input in parallel and calls emit with each input's results
// in input order (see RunStream). A bad input yields an error result and
// never stops the batch; only ctx cancellation or an emit error ends Run early.
func (s *Scanner) Run(ctx context.Context, inputs []Input, emit func(Result) error) error {
	return s.RunStream(ctx, inputs, StreamOptions{}, emit) // bounded window, see pool.go
}

// scanInput reads, parses and checks one input; it never panics outward.
func (s *Scanner) scanInput(ctx context.Context, in Input) (results []Result) {
	defer func() {
		if r := recover(); r != nil {
			results = []Result{errorResult(in, fmt.Errorf("internal error: %v", r))}
		}
	}()
	ls, err := listingsOf(ctx, in) // URL and shop-export inputs load themselves
	if err != nil {
		return []Result{errorResult(in, err)}
	}
	for _, l := range ls {
		results = append(results, s.checkOne(ctx, in, l))
	}
	return results
}

func (s *Scanner) checkOne(ctx context.Context, in Input, l *listings.Listing) Result {
	if s.Options.Platform != "" && (l.Platform == "" || l.Platform == "generic") {
		l.Platform = s.Options.Platform
	}
	r := Result{Input: in.Index, Source: in.Source, Kind: "listing", ID: l.ID, Title: l.Title,
		Platform: l.Platform, Encoding: l.Encoding, Price: l.Price.Highest()}
	found, doc, err := s.Checker.CheckListing(ctx, l)
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

// ParseInput turns one input's bytes into listings.
func ParseInput(source string, raw []byte) ([]*listings.Listing, error) {
	if listings.IsExportFile(source) { // shop export CSV
		return listings.ParseExport(source, raw)
	}
	if strings.EqualFold(filepath.Ext(source), ".txt") {
		return listings.ParseTitles(source, raw)
	}
	return listings.Parse(source, raw)
}
