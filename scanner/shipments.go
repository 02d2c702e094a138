package scanner

import (
	"context"
	"fmt"
	"iter"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Kinds of shipment results: one order (or an orders file), or one
// listing's shipping promise across its orders.
const (
	KindShipments = "shipments"
	KindPromise   = "shipments-promise"
)

// shipmentBatch is how many orders one task judges: the engine evaluates
// them together (Engine.EvalBatch), which spares most of an evaluation's
// own cost per order.
const shipmentBatch = 32

// shipmentWindow is how many tasks (batches of orders) may be in flight
// per worker.
const shipmentWindow = 4

// ShipmentInputs expands command-line paths into the orders and tracking
// files of a shipments run: directories walked for data files (hidden
// entries skipped), each file sniffed for what it holds. A path that
// cannot be read stays, with its error.
func ShipmentInputs(paths []string) []shipments.Input {
	var out []shipments.Input
	for _, p := range paths {
		files, err := WalkFiles(p, shipments.DataExts)
		if err != nil {
			out = append(out, shipments.Input{Path: p, Err: err})
			continue
		}
		for _, f := range files {
			kind, err := shipments.Sniff(f)
			out = append(out, shipments.Input{Path: f, Kind: kind, Err: err})
		}
	}
	return out
}

// RunShipments judges every item of src with the same pool and engine as
// listings and calls emit with one Result per item, in the source's order:
// an order (Kind KindShipments, ID the order id, Line its line), a
// listing's promise (KindPromise, ID the listing id), or a file or row that
// could not be read (Error set; Line 0 when the whole file failed).
func (s *Scanner) RunShipments(ctx context.Context, src *shipments.Source, emit func(Result) error) error {
	// Items reads the files as it goes: drawing it one item per task keeps
	// only the window's orders in memory.
	next, stop := iter.Pull(src.Items(ctx))
	defer stop()
	tasks := func() (task, bool) {
		var items []shipments.Item
		for len(items) < shipmentBatch {
			it, ok := next()
			if !ok {
				break
			}
			items = append(items, it)
		}
		if len(items) == 0 {
			return nil, false
		}
		return func(ctx context.Context, _ job) unit {
			results := s.judgeShipments(ctx, items)
			return unit{n: len(results), results: results}
		}, true
	}
	return s.runPool(ctx, tasks, shipmentWindow*s.workers(), false, nil, emit)
}

// judgeShipments judges items, a result each in their order: their
// documents in one batch, or one by one when the batch panics (so a panic
// is the error of the order that caused it).
func (s *Scanner) judgeShipments(ctx context.Context, items []shipments.Item) []Result {
	judged := s.judgeBatch(ctx, items)
	out := make([]Result, len(items))
	for i, it := range items {
		eval := func() ([]finding.Finding, error) { return s.Checker.Engine.Eval(ctx, it.Doc) }
		if j := judged[i]; j != nil {
			eval = func() ([]finding.Finding, error) { return j.Findings, j.Err }
		}
		out[i] = s.judgeShipment(it, eval)
	}
	return out
}

// judgeBatch evaluates the documents of the items that have one (nil for
// the others), or judges none when that panics.
func (s *Scanner) judgeBatch(ctx context.Context, items []shipments.Item) (judged []*engine.Judgement) {
	judged = make([]*engine.Judgement, len(items))
	defer func() {
		if recover() != nil {
			clear(judged) // judged one by one: the order that panics says so
		}
	}()
	var docs []*facts.Document
	var at []int
	for i, it := range items {
		if it.Err == nil && it.Doc != nil {
			docs, at = append(docs, it.Doc), append(at, i)
		}
	}
	for k, j := range s.Checker.Engine.EvalBatch(ctx, docs) {
		judged[at[k]] = &j
	}
	return judged
}

// judgeShipment makes one item's result of its evaluation (eval); it
// never panics outward.
func (s *Scanner) judgeShipment(it shipments.Item, eval func() ([]finding.Finding, error)) (r Result) {
	r = Result{Source: it.Source, Kind: KindShipments, ID: it.OrderID, Shop: it.Shop, Line: it.Line, Findings: []finding.Finding{}}
	what := "order " + it.OrderID
	if it.ListingID != "" {
		r.Kind, r.ID, what = KindPromise, it.ListingID, "listing "+it.ListingID
	}
	defer func() {
		if p := recover(); p != nil {
			msg := fmt.Sprintf("%s: internal error: %v", what, p)
			r.Error, r.Findings = &msg, []finding.Finding{}
		}
	}()
	if it.Err != nil {
		return r.failed(it.Err)
	}
	found, err := eval()
	if err != nil {
		return r.failed(fmt.Errorf("%s: %w", what, err))
	}
	// Orders are fingerprinted by order id, promises by shop and listing
	// (the fingerprint adds the order id and tracking number it finds).
	id := it.OrderID
	if it.ListingID != "" {
		id = it.Shop + "/" + it.ListingID
	}
	for i := range found {
		if it.Line > 0 {
			found[i].Location = &finding.Location{File: it.Source, Line: it.Line, Column: 1}
		}
		found[i].Fingerprint = finding.Fingerprint(id, it.Source, found[i])
	}
	r.Findings = found
	r.Exposure = OrderExposure(found)
	return r
}

func (r Result) failed(err error) Result {
	msg := err.Error()
	r.Error = &msg
	return r
}

// OrderExposure adds up compensation per order: unlike a listing's claims,
// every late or fake order is paid for.
func OrderExposure(found []finding.Finding) ExposureTotal {
	var t ExposureTotal
	for _, f := range found {
		if f.Suppressed == nil {
			t.PlatformCNY += f.Exposure.PlatformCNY
			t.Points += f.Exposure.Points
		}
	}
	return t
}
