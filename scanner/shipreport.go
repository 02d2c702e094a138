package scanner

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// FileResult is what became of one input file.
type FileResult struct {
	Source   string            `json:"source"`
	Kind     string            `json:"kind"` // orders-csv, orders-json, tracking
	Orders   int               `json:"orders"`
	Findings []finding.Finding `json:"findings"`
	// RowErrors are orders that could not be read; the rest of the file was.
	RowErrors []string `json:"row_errors,omitempty"`
	Error     *string  `json:"error"`
}

// ShopTotal adds up one shop's findings and the compensation they can cost.
type ShopTotal struct {
	Orders      int            `json:"orders"`
	Flagged     int            `json:"flagged_orders"` // orders with at least one finding
	Findings    int            `json:"findings"`
	ByRule      map[string]int `json:"by_rule"`
	PlatformCNY float64        `json:"platform_cny"` // compensation due, summed over findings
	// Confirmed is false when any finding's compensation rests on an
	// unconfirmed platform rule, or on none (a platform with no table).
	Confirmed bool `json:"confirmed"`
}

// ShipmentsReport is a whole shipments scan: every input file once, the listing-level
// findings, and the totals per shop.
type ShipmentsReport struct {
	Files    []FileResult          `json:"files"`
	Listings []finding.Finding     `json:"listings"` // shipping-promise-rate and other listing-scope findings
	Shops    map[string]*ShopTotal `json:"shops"`
	Errors   int                   `json:"errors"`

	files map[string]*FileResult // by source, for Add
}

// ScanShipments runs a shipments scan and gathers every result into the
// report; use RunShipments to stream instead when the findings themselves
// may be many.
func (s *Scanner) ScanShipments(ctx context.Context, paths []string, opts shipments.Options) (*ShipmentsReport, error) {
	inputs := ShipmentInputs(paths)
	rep := NewShipmentsReport(inputs)
	err := s.RunShipments(ctx, shipments.NewSource(inputs, opts), func(r Result) error {
		rep.Add(r)
		return nil
	})
	return rep, err
}

// NewShipmentsReport is an empty report with one entry per input file.
func NewShipmentsReport(inputs []shipments.Input) *ShipmentsReport {
	rep := &ShipmentsReport{Shops: map[string]*ShopTotal{}, Listings: []finding.Finding{}, files: map[string]*FileResult{}}
	for _, in := range inputs {
		rep.Files = append(rep.Files, FileResult{Source: in.Path, Kind: in.Kind, Findings: []finding.Finding{}})
	}
	for i := range rep.Files {
		rep.files[rep.Files[i].Source] = &rep.Files[i]
	}
	return rep
}

// Add counts one result of RunShipments and keeps its findings.
func (r *ShipmentsReport) Add(res Result) { r.add(res, true) }

// Count counts one result of RunShipments like Add, but leaves an order's
// findings to the caller: a writer that streams them keeps the report
// small however many orders are flagged. Listing findings are kept.
func (r *ShipmentsReport) Count(res Result) { r.add(res, false) }

func (r *ShipmentsReport) add(res Result, keep bool) {
	fr := r.files[res.Source]
	switch {
	case res.Kind == KindPromise:
		r.Listings = append(r.Listings, res.Findings...)
		r.shop(res.Shop).addFindings(res.Findings, false)
	case fr == nil:
		return
	case res.Failed() && res.Line == 0:
		fr.Error = res.Error
		r.Errors++
	case res.Failed():
		fr.RowErrors = append(fr.RowErrors, *res.Error)
		r.Errors++
	default:
		fr.Orders++
		if keep {
			fr.Findings = append(fr.Findings, res.Findings...)
		}
		st := r.shop(res.Shop)
		st.Orders++
		st.addFindings(res.Findings, true)
	}
}

func (r *ShipmentsReport) shop(name string) *ShopTotal {
	st, ok := r.Shops[name]
	if !ok {
		st = &ShopTotal{ByRule: map[string]int{}, Confirmed: true}
		r.Shops[name] = st
	}
	return st
}

func (st *ShopTotal) addFindings(found []finding.Finding, order bool) {
	if order && len(found) > 0 {
		st.Flagged++
	}
	for _, f := range found {
		st.Findings++
		st.ByRule[f.Rule]++
		// Sum in cents: float sums of many prices drift.
		st.PlatformCNY = math.Round((st.PlatformCNY+f.Exposure.PlatformCNY)*100) / 100
		if !f.Exposure.Confirmed {
			st.Confirmed = false
		}
	}
}

// ShopNames returns the shops of the report, sorted.
func (r *ShipmentsReport) ShopNames() []string {
	names := make([]string, 0, len(r.Shops))
	for n := range r.Shops {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Results folds the report into one result per orders or tracking file
// (Kind KindShipments), plus one for the listing-level promise findings, so
// every reporter (SARIF, JUnit, JSONL ...) shows orders like listings.
// Unreadable rows make their file's result an error: nothing is dropped.
// Positions count down from -1 after the listings' inputs.
func (r *ShipmentsReport) Results() []Result {
	out := make([]Result, 0, len(r.Files)+1)
	for i, fr := range r.Files {
		res := Result{Input: -1 - i, Source: fr.Source, Kind: KindShipments, ID: fr.Kind,
			Findings: fr.Findings, Exposure: OrderExposure(fr.Findings), Error: fr.Error}
		if res.Error == nil && len(fr.RowErrors) > 0 {
			msg := fmt.Sprintf("%d orders could not be read: %v", len(fr.RowErrors), fr.RowErrors)
			res.Error = &msg
		}
		out = append(out, res)
	}
	if len(r.Listings) > 0 {
		out = append(out, Result{Input: -1 - len(r.Files), Source: "shipments", Kind: KindShipments,
			ID: "listing-promises", Title: "listings' shipping promises against their orders", Findings: r.Listings})
	}
	return out
}
