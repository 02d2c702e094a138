package scanner

import (
	"context"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Options configures a scan.
type Options struct {
	Workers int      // parallel workers; 0 means one per CPU
	Rules   []string // only these rule ids (empty: all)
}

// Scanner scans inputs with a shared Checker.
type Scanner struct {
	Checker *Checker
	Options Options
}

// Run scans every input in parallel and calls emit with each input's results
// in input order. A bad input yields an error result and never stops the
// batch; only ctx cancellation or an emit error ends Run early.
func (s *Scanner) Run(ctx context.Context, inputs []Input, emit func(Result) error) error {
	workers := s.Options.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make([]chan []Result, len(inputs))
	for i := range slots {
		slots[i] = make(chan []Result, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				slots[i] <- s.scanInput(ctx, inputs[i])
			}
		}()
	}
	go feed(ctx, jobs, len(inputs), workers)
	defer wg.Wait()
	return drain(ctx, slots, emit)
}

// feed hands out input indexes, at most a window ahead of what drain has
// taken, so memory stays bounded however many inputs there are.
func feed(ctx context.Context, jobs chan<- int, n, workers int) {
	defer close(jobs)
	for i := range n {
		select {
		case jobs <- i:
		case <-ctx.Done():
			return
		}
	}
}

func drain(ctx context.Context, slots []chan []Result, emit func(Result) error) error {
	for _, slot := range slots {
		select {
		case results := <-slot:
			for _, r := range results {
				if err := emit(r); err != nil {
					return err
				}
			}
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return nil
}

// scanInput reads, parses and checks one input; it never panics outward.
func (s *Scanner) scanInput(ctx context.Context, in Input) (results []Result) {
	defer func() {
		if r := recover(); r != nil {
			results = []Result{errorResult(in, fmt.Errorf("internal error: %v", r))}
		}
	}()
	raw, err := in.Read()
	if err != nil {
		return []Result{errorResult(in, err)}
	}
	ls, err := ParseInput(in.Source, raw)
	if err != nil {
		return []Result{errorResult(in, err)}
	}
	for _, l := range ls {
		results = append(results, s.checkOne(ctx, in, l))
	}
	return results
}

func (s *Scanner) checkOne(ctx context.Context, in Input, l *listings.Listing) Result {
	r := Result{Input: in.Index, Source: in.Source, Kind: "listing", ID: l.ID, Title: l.Title,
		Platform: l.Platform, Encoding: l.Encoding, Price: l.Price.Highest()}
	found, doc, err := s.Checker.CheckListing(ctx, l)
	if err != nil {
		msg := fmt.Sprintf("listing %q: %v", l.ID, err)
		r.Error = &msg
		r.Findings = []Finding{}
		return r
	}
	found = keepRules(found, s.Options.Rules)
	locateAll(found, l, doc)
	applyIgnores(found, l)
	r.Findings = found
	r.Exposure = ListingExposure(found)
	return r
}

func keepRules(found []Finding, rules []string) []Finding {
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

// applyIgnores marks findings waived by the listing's own suppressions.
// An ignore without a reason waives nothing.
func applyIgnores(found []Finding, l *listings.Listing) {
	for _, ig := range l.Ignores {
		if ig.Reason == "" {
			continue
		}
		for i := range found {
			if found[i].Rule == ig.Rule && found[i].Suppressed == nil {
				found[i].Suppressed = &Suppression{Reason: ig.Reason, Source: "inline"}
			}
		}
	}
}

// ParseInput turns one input's bytes into listings.
func ParseInput(source string, raw []byte) ([]*listings.Listing, error) {
	if strings.EqualFold(filepath.Ext(source), ".txt") {
		return listings.ParseTitles(source, raw)
	}
	return listings.Parse(source, raw)
}
