// Package audit writes the pre-sale shop audit: one self-contained HTML file
// (inline CSS, inline SVG charts, no script, nothing fetched) that a seller
// opens offline before 双十一 or 618, on a desk or on a phone, or prints to
// PDF. It opens with 先改这几个 (the ten changes that remove the most risk),
// then the headline cards (money at risk, shop points against the
// thresholds that bar a shop from big sales, the largest fine range), the
// charts, and the listings ranked by what the seller stands to lose, each
// collapsed with its findings (one per place, naming every rule that flags
// the words), then the orders, the clean listings and what was not scanned.
package audit

import (
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
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
// MaxDetailed, the shipments table the first MaxOrders flagged orders, the
// clean list the first MaxClean. Totals and charts always count everything.
const (
	MaxRanked   = 500
	MaxDetailed = 200
	MaxOrders   = 500
	MaxClean    = 2000
	// TopListingsChart is how many listings the money chart shows.
	TopListingsChart = 12
	// FixFirst is how many changes 先改这几个 lists.
	FixFirst = 10
)

// Report is the audit's view model, everything the template shows.
type Report struct {
	Title      string
	Shop       string
	Generated  string // Beijing time, as people write it
	Tool       string
	Totals     Totals
	Points     []LedgerView // shop points per rule family, against thresholds
	FixFirst   []FixView    // the changes that remove the most risk
	ByRule     []RuleCount
	Charts     Charts
	Ranked     []*ListingView // by stake, highest first, at most MaxRanked
	Detailed   []*ListingView // the first MaxDetailed of Ranked
	MoreRanked int            // flagged listings past MaxRanked
	Orders     []OrderView    // flagged orders, at most MaxOrders
	MoreOrders int
	Clean      []CleanView // listings with no open finding
	MoreClean  int
	Exports    []ExportView // shop exports and what became of their columns
	NotItems   []ErrorView  // pages that are not item pages, with the reason
	Errors     []ErrorView
}

// Totals are the headline figures. Fine ranges are never added up: the
// report names how many listings a regulator could fine and the largest
// single range.
type Totals struct {
	Listings        int // listings scanned (readable)
	ListingsFlagged int // with at least one open finding
	Findings        int // open findings on listings, one per place
	Errors          int // open findings of severity error
	Warnings        int
	Suppressed      int
	Unreadable      int     // inputs that could not be scanned
	NotItems        int     // pages that are not item pages
	Punitive        float64 // buyers' claims, per listing the largest
	Platform        float64 // platform compensation, listings and orders
	FineListings    int     // listings a regulator could fine
	FineRange       [2]float64
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

// ListingView is one flagged listing: its stake and its findings.
type ListingView struct {
	Rank     int
	ID       string
	Title    string
	Source   string
	Platform string
	Price    float64
	Errors   int
	Warnings int
	Stake    Stake
	Findings []FindingView
}

// RuleRef names one rule that flags a place.
type RuleRef struct {
	ID       string
	Title    string
	Severity string
}

// FindingView is one place in a listing and every rule that flags it: the
// evidence split out of its sentence so the template can mark it.
type FindingView struct {
	Rules      []RuleRef // the most severe first
	Severity   string
	Messages   []string
	Field      string // 标题, 详情 ... as a seller reads it
	Before     string
	Evidence   string
	After      string
	Basis      []finding.Basis
	Suggestion string
	Stake      Stake
	Suppressed *finding.Suppression
	field      string
	span       finding.Span
}

// FixView is one line of 先改这几个: a listing, its words, what to write.
type FixView struct {
	Rank       int // the listing's rank, for its anchor
	Title      string
	Field      string   // 标题、详情
	Words      []string // the flagged words, the most serious first
	MoreWords  int      // places past the words shown
	Suggestion string   // for the most serious place
	Why        string   // the stake in a few words
}

// LedgerView is the shop's points in one rule family and where they stand
// against that family's thresholds.
type LedgerView struct {
	Family      string
	Name        string
	Points      float64
	Listings    int
	Next        *Threshold // the lowest threshold not yet reached
	Reached     []Threshold
	Percent     int // of the next threshold, for the bar
	Confirmed   bool
	Basis       string
	BarsSale    bool // a reached threshold bars the shop from big sales
	Unconfirmed bool
}

// CleanView is a listing with no open finding.
type CleanView struct {
	ID     string
	Title  string
	Source string
	Waived int // findings waived with a reason
}

// ExportView is a shop export and what each of its columns was read as.
type ExportView struct {
	Source   string
	Mapped   int
	Unused   []string
	Preamble int
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
	Date       string // Beijing date, 11月18日
	day        string // 2026-11-18, for the timeline
	Platform   float64
	Events     []EventView
}

// EventView is one line of an order's timeline.
type EventView struct {
	Time string // Beijing time, 11月19日 10:00
	Kind string
	Text string
}

// ErrorView is an input that could not be scanned, or was not an item page.
type ErrorView struct {
	Source string
	Error  string
}

// exportView summarises a column report.
func exportView(source string, c *listings.ColumnReport) ExportView {
	return ExportView{Source: source, Mapped: len(c.Mapped), Unused: c.Unused, Preamble: c.Preamble}
}
