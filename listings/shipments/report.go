package shipments

import (
	"context"
	"math"
	"sort"

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

// Report is the whole scan: every input file once, the listing-level
// findings, and the totals per shop.
type Report struct {
	Files    []FileResult          `json:"files"`
	Listings []finding.Finding     `json:"listings"` // shipping-promise-rate and other listing-scope findings
	Shops    map[string]*ShopTotal `json:"shops"`
	Errors   int                   `json:"errors"`
}

// Scan reads the orders and tracking files under paths and judges every
// order; the report holds every finding, so use Scanner.Run to stream
// instead when the findings themselves may be many.
func Scan(ctx context.Context, paths []string, opts Options) (*Report, error) {
	s, err := NewScanner(paths, opts)
	if err != nil {
		return nil, err
	}
	rep := &Report{Shops: map[string]*ShopTotal{}, Listings: []finding.Finding{}}
	files := map[string]*FileResult{}
	for _, in := range s.Inputs() {
		rep.Files = append(rep.Files, FileResult{Source: in.Path, Kind: in.Kind, Findings: []finding.Finding{}})
	}
	for i := range rep.Files {
		files[rep.Files[i].Source] = &rep.Files[i]
	}
	err = s.Run(ctx, func(o Outcome) error {
		rep.add(files[o.Source], o)
		return nil
	})
	return rep, err
}

func (r *Report) add(fr *FileResult, o Outcome) {
	switch {
	case o.ListingID != "":
		r.Listings = append(r.Listings, o.Findings...)
		r.shop(o.Shop).addFindings(o.Findings, false)
	case fr == nil:
		return
	case o.FileErr:
		msg := o.Err.Error()
		fr.Error = &msg
		r.Errors++
	case o.Err != nil:
		fr.RowErrors = append(fr.RowErrors, o.Err.Error())
		r.Errors++
	default:
		fr.Orders++
		fr.Findings = append(fr.Findings, o.Findings...)
		st := r.shop(o.Shop)
		st.Orders++
		st.addFindings(o.Findings, true)
	}
}

func (r *Report) shop(name string) *ShopTotal {
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
func (r *Report) ShopNames() []string {
	names := make([]string, 0, len(r.Shops))
	for n := range r.Shops {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
