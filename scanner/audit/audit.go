// Package audit writes the pre-sale shop audit: one self-contained HTML file
// (inline CSS, inline SVG charts, no script, nothing fetched) that a seller
// opens offline before 双十一 or 618. It shows the totals (listings,
// findings by rule and severity, money at risk), charts (findings by rule,
// exposure by listing, late and fake shipments by day), the listings ranked
// by exposure, and each finding with its evidence marked in its sentence,
// its basis and what to write instead.
package audit

import (
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Input is what the audit is built from: the results of a listing scan and
// of a shipments scan (Kind "shipments", one result per order or per
// listing promise, ID the order id), and the rule catalogue for titles.
type Input struct {
	Shop      string // shop name for the title ("" for none)
	Generated time.Time
	Tool      string // "xiaoer v1.2.3 (policies 2026.1)"
	Listings  []scanner.Result
	Shipments []scanner.Result
	Rules     []finding.RuleMeta
}

// Caps keep a report of a large shop readable and its file small: the
// ranking lists the first MaxRanked listings, the details the first
// MaxDetailed, the shipments table the first MaxOrders flagged orders.
// Totals and charts always count everything.
const (
	MaxRanked   = 500
	MaxDetailed = 200
	MaxOrders   = 500
	// TopListingsChart is how many listings the exposure chart shows.
	TopListingsChart = 12
)

// Report is the audit's view model, everything the template shows.
type Report struct {
	Title      string
	Shop       string
	Generated  string
	Tool       string
	Totals     Totals
	ByRule     []RuleCount
	Charts     Charts
	Ranked     []*ListingView // by exposure, highest first, at most MaxRanked
	Detailed   []*ListingView // the first MaxDetailed of Ranked
	MoreRanked int            // flagged listings past MaxRanked
	Orders     []OrderView    // flagged orders, at most MaxOrders
	MoreOrders int
	Errors     []ErrorView
}

// Totals are the headline figures.
type Totals struct {
	Listings        int // listings scanned (readable)
	ListingsFlagged int // with at least one open finding
	Findings        int // open findings on listings
	Errors          int // open findings of severity error
	Warnings        int
	Suppressed      int
	Unreadable      int     // inputs that could not be scanned
	Punitive        float64 // buyers' punitive claims, per listing the largest
	Platform        float64 // platform compensation, listings and orders
	FineMin         float64
	FineMax         float64
	Orders          int // orders judged
	OrdersFlagged   int
	OrderFindings   int
	OrderPlatform   float64
	Unconfirmed     bool // some figure rests on an unconfirmed source
}

// AtRisk is what the findings can cost in claims and compensation.
func (t Totals) AtRisk() float64 { return t.Punitive + t.Platform }

// RuleCount is one rule's open findings, listings and orders together.
type RuleCount struct {
	Rule     string
	Title    string
	Severity string
	Count    int
}

// ListingView is one flagged listing: its figures and its findings.
type ListingView struct {
	Rank     int
	ID       string
	Title    string
	Source   string
	Platform string
	Price    float64
	Errors   int
	Warnings int
	Exposure scanner.ExposureTotal
	Findings []FindingView
}

// Score ranks listings: the smallest fine a regulator can impose plus the
// claims and compensation; a listing a regulator can fine comes first.
func (l *ListingView) Score() float64 {
	return l.Exposure.FineCNY[0] + l.Exposure.PunitiveCNY + l.Exposure.PlatformCNY
}

// FindingView is one finding as the report shows it: the evidence split
// out of its sentence so the template can mark it.
type FindingView struct {
	Rule       string
	RuleTitle  string
	Severity   string
	Message    string
	Where      string
	Before     string
	Evidence   string
	After      string
	Basis      finding.Basis
	Suggestion string
	Cost       string
	Suppressed *finding.Suppression
}

// OrderView is one flagged order (or listing promise) and what was found.
type OrderView struct {
	OrderID    string
	Source     string
	Rule       string
	RuleTitle  string
	Severity   string
	Message    string
	Evidence   string
	TrackingNo string
	Date       string
	Platform   float64
	Events     []EventView
}

// EventView is one line of an order's timeline.
type EventView struct {
	Time string
	Kind string
	Text string
}

// ErrorView is an input that could not be scanned.
type ErrorView struct {
	Source string
	Error  string
}
