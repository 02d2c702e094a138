package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

// Checker is everything the server needs from the policy engine and the
// pipeline. It is the one place that knows their API: when the engine
// moves, only this file changes.
type Checker interface {
	// Check judges listings in order, one result each (an item's error in
	// its result), using up to workers goroutines. platform applies to
	// listings that do not name theirs.
	Check(ctx context.Context, items []Item, platform string, workers int) ([]scanner.Result, error)
	// Shipments judges the orders (and tracking) files at paths.
	Shipments(ctx context.Context, paths []string) (*scanner.ShipmentsReport, error)
	Rules() []finding.RuleMeta
	Tool() report.Tool
}

// NewChecker adapts the scan pipeline: the same checker, gate (config
// exceptions, baseline) and clock as `xiaoer scan` runs with.
func NewChecker(c *scanner.Checker, gate *scanner.Gate, tool report.Tool, now func() time.Time) Checker {
	if gate == nil {
		gate = &scanner.Gate{}
	}
	return &pipeline{checker: c, gate: gate, tool: tool, now: now}
}

type pipeline struct {
	checker *scanner.Checker
	gate    *scanner.Gate
	tool    report.Tool
	now     func() time.Time
}

func (p *pipeline) Check(ctx context.Context, items []Item, platform string, workers int) ([]scanner.Result, error) {
	inputs := make([]scanner.Input, len(items))
	for i, it := range items {
		source := "request"
		if it.Listing != nil {
			source = it.Listing.Source
		}
		inputs[i] = scanner.Input{Index: i, Source: source, Load: func(context.Context) ([]*listings.Listing, error) {
			if it.Err != nil {
				return nil, it.Err
			}
			return []*listings.Listing{it.Listing}, nil
		}}
	}
	s := &scanner.Scanner{Checker: p.checker, Options: scanner.Options{Workers: workers, Platform: platform}}
	out := make([]scanner.Result, 0, len(items))
	err := s.Run(ctx, inputs, func(r scanner.Result) error {
		p.gate.Apply(&r) // as scan's judge does, without a baseline writer
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check listings: %w", err)
	}
	return out, nil
}

func (p *pipeline) Shipments(ctx context.Context, paths []string) (*scanner.ShipmentsReport, error) {
	var opts shipments.Options
	if p.now != nil {
		opts.Now = p.now()
	}
	s := &scanner.Scanner{Checker: p.checker, Options: scanner.Options{Workers: 1}}
	rep, err := s.ScanShipments(ctx, paths, opts)
	if err != nil {
		return nil, fmt.Errorf("judge shipments: %w", err)
	}
	return rep, nil
}

func (p *pipeline) Rules() []finding.RuleMeta { return p.checker.Engine.Rules() }

func (p *pipeline) Tool() report.Tool { return p.tool }

// isTimeout tells a result error that is the engine's time limit.
func isTimeout(msg string) bool { return strings.Contains(msg, engine.ErrEvalTimeout.Error()) }

// tempOrders writes an orders body where the shipments reader can open it
// (it reads files by name, twice: index, then judgement), and returns the
// path and a cleanup.
func tempOrders(raw []byte, ext string) (string, func(), error) {
	dir, err := os.MkdirTemp("", "xiaoer-serve-")
	if err != nil {
		return "", nil, fmt.Errorf("write orders: %w", err)
	}
	path := filepath.Join(dir, "orders"+ext)
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("write orders: %w", err)
	}
	return path, func() { os.RemoveAll(dir) }, nil
}
