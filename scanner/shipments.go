package scanner

import (
	"context"
	"fmt"
	"iter"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Kinds of shipment results: one order (or an orders file), or one
// listing's shipping promise across its orders.
const (
	KindShipments = "shipments"
	KindPromise   = "shipments-promise"
)

// shipmentWindow is how many orders may be in flight per worker: orders
// are small and quick to judge, so more of them keep the workers busy.
const shipmentWindow = 16

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
		it, ok := next()
		if !ok {
			return nil, false
		}
		return func(ctx context.Context, _ job) unit {
			return unit{n: 1, result: s.judgeShipment(ctx, it)}
		}, true
	}
	return s.runPool(ctx, tasks, shipmentWindow*s.workers(), false, nil, emit)
}

// judgeShipment evaluates one item's document; it never panics outward.
func (s *Scanner) judgeShipment(ctx context.Context, it shipments.Item) (r Result) {
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
	found, err := s.Checker.Engine.Eval(ctx, it.Doc)
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
