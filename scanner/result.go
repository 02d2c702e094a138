package scanner

import (
	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Result is what became of one listing, one order or one listing's shipping
// promise, or of one input that yielded none. Every input appears in the
// results: with its findings, or with the error that stopped it.
type Result struct {
	Input    int               `json:"input"` // index of the input (0-based, in command-line order)
	Source   string            `json:"source"`
	Kind     string            `json:"kind"` // listing | shipments | shipments-promise
	ID       string            `json:"id"`
	Title    string            `json:"title"`
	Platform string            `json:"platform,omitempty"`
	Encoding string            `json:"encoding,omitempty"`
	Price    float64           `json:"price,omitempty"`
	Shop     string            `json:"shop,omitempty"` // shipments: the order's shop
	Line     int               `json:"line,omitempty"` // shipments: the order's line in its file
	Findings []finding.Finding `json:"findings"`
	Exposure ExposureTotal     `json:"exposure"`
	// Columns, for a shop export row, names the field each header column
	// was read as and the columns that were not read.
	Columns *listings.ColumnReport `json:"columns,omitempty"`
	Error   *string                `json:"error"`
}

// Failed reports whether the input could not be scanned.
func (r Result) Failed() bool { return r.Error != nil }

func errorResult(in Input, err error) Result {
	msg := err.Error()
	return Result{Input: in.Index, Source: in.Source, Kind: "listing", Findings: []finding.Finding{}, Error: &msg}
}

// Summary totals a run.
type Summary struct {
	Inputs     int            `json:"inputs"`
	Listings   int            `json:"listings"`
	Findings   int            `json:"findings"`
	Suppressed int            `json:"suppressed"`
	Errors     int            `json:"errors"`
	BySeverity map[string]int `json:"by_severity"`
	ByRule     map[string]int `json:"by_rule"`
	Exposure   ExposureTotal  `json:"exposure"`
}

// ExposureTotal adds up what the unsuppressed findings can cost.
type ExposureTotal struct {
	PunitiveCNY float64    `json:"punitive_cny"`
	PlatformCNY float64    `json:"platform_cny"`
	FineCNY     [2]float64 `json:"fine_cny"`
	Points      float64    `json:"points"`
}

// NewSummary returns an empty summary with its maps ready.
func NewSummary() Summary {
	return Summary{BySeverity: map[string]int{}, ByRule: map[string]int{}}
}

// Add counts one result. Inputs are counted by the caller (one input may
// yield several results).
func (s *Summary) Add(r Result) {
	if r.Failed() {
		s.Errors++
		return
	}
	if r.Kind != "shipments" {
		s.Listings++
	}
	for _, f := range r.Findings {
		if f.Suppressed != nil {
			s.Suppressed++
			continue
		}
		s.Findings++
		s.BySeverity[f.Severity]++
		s.ByRule[f.Rule]++
	}
	s.Exposure.add(r.Exposure)
}

func (t *ExposureTotal) add(o ExposureTotal) {
	t.PunitiveCNY += o.PunitiveCNY
	t.PlatformCNY += o.PlatformCNY
	// A fine range is never added to another: the total keeps the largest.
	if o.FineCNY[1] > t.FineCNY[1] {
		t.FineCNY = o.FineCNY
	}
	t.Points += o.Points
}

// ListingExposure is what one listing's unsuppressed findings can cost. A
// buyer claims once per purchase and a regulator fines one listing once, so
// punitive claims, fines and points take the largest finding, not the sum;
// platform compensation is per order, so it adds up.
func ListingExposure(found []finding.Finding) ExposureTotal {
	var t ExposureTotal
	for _, f := range found {
		if f.Suppressed != nil {
			continue
		}
		e := f.Exposure
		t.PunitiveCNY = max(t.PunitiveCNY, e.PunitiveCNY)
		t.PlatformCNY += e.PlatformCNY
		if e.FineCNY[1] > t.FineCNY[1] {
			t.FineCNY = e.FineCNY
		}
		t.Points = max(t.Points, e.Points)
	}
	return t
}

// Exit codes, as documented in the README.
const (
	ExitClean    = 0
	ExitFindings = 1
	ExitError    = 2
	// ExitInternal is a crash that escaped every per-input recovery: not
	// the inputs' fault, so not 2.
	ExitInternal = 3
)

// ExitCode is 2 when an input could not be scanned, 1 when an unsuppressed
// finding is at or above failOn ("never" never fails), 0 otherwise.
func ExitCode(results []Result, failOn string) int {
	code := ExitClean
	for _, r := range results {
		if r.Failed() {
			return ExitError
		}
		if code == ExitClean && hasFailure(r, failOn) {
			code = ExitFindings
		}
	}
	return code
}

func hasFailure(r Result, failOn string) bool {
	for _, f := range r.Findings {
		if f.Suppressed == nil && f.AtLeast(failOn) {
			return true
		}
	}
	return false
}
