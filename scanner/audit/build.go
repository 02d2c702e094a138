package audit

import (
	"cmp"
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Builder computes the report as results arrive, so a shop of any size
// fits in memory: it counts everything but keeps only the listings that
// can still be among the MaxRanked highest, the first MaxOrders flagged
// orders, MaxClean clean listings and MaxErrors unreadable inputs.
type Builder struct {
	r       *Report
	table   *PointsTable
	titles  map[string]string
	counts  map[string]*RuleCount
	kept    []*ListingView // flagged listings, trimmed to the best MaxRanked now and then
	days    map[string]map[string]int
	points  map[string]float64 // shop points per family
	pointed map[string]int     // listings with points per family
	exports map[string]bool
}

// MaxErrors bounds the unreadable inputs the report lists.
const MaxErrors = 500

// NewBuilder starts a report; in's results, if any, are added.
func NewBuilder(in Input) *Builder {
	b := &Builder{
		r:     &Report{Title: "店铺合规体检报告", Shop: in.Shop, Tool: in.Tool, Generated: longTime(in.Generated)},
		table: pointsTable(), titles: ruleTitles(in.Rules), counts: map[string]*RuleCount{},
		days: map[string]map[string]int{}, points: map[string]float64{}, pointed: map[string]int{}, exports: map[string]bool{},
	}
	for _, res := range in.Listings {
		b.AddListing(res)
	}
	for _, res := range in.Shipments {
		b.AddShipment(res)
	}
	return b
}

// Build computes the report from the scan results.
func Build(in Input) *Report { return NewBuilder(in).Report() }

// Report ranks what was added and lays out the charts.
func (b *Builder) Report() *Report {
	r := b.r
	b.trim()
	r.Ranked = b.kept
	r.MoreRanked = r.Totals.ListingsFlagged - len(r.Ranked)
	r.Detailed = r.Ranked[:min(len(r.Ranked), MaxDetailed)]
	r.ByRule = sortCounts(b.counts)
	r.Points = b.table.ledgers(b.points, b.pointed)
	r.FixFirst = fixFirst(r.Ranked, b.table)
	r.Charts = Charts{ByRule: ruleChart(r.ByRule), ByListing: listingChart(r.Ranked), Shipments: shipmentChart(b.days)}
	return r
}

// AddListing counts one listing result.
func (b *Builder) AddListing(res scanner.Result) {
	t := &b.r.Totals
	b.export(res)
	if res.Failed() {
		b.unreadable(res)
		return
	}
	t.Listings++
	v := &ListingView{ID: res.ID, Title: res.Title, Source: res.Source, Platform: res.Platform, Price: res.Price}
	v.Findings = placeViews(res.Findings, b.titles, b.table)
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			t.Suppressed++
			continue
		}
		b.count(f)
	}
	open := 0
	for _, f := range v.Findings {
		if f.Suppressed != nil {
			continue
		}
		open++
		switch f.Severity {
		case "error":
			v.Errors++
		case "warning":
			v.Warnings++
		}
		v.Stake = v.Stake.add(f.Stake, b.table)
	}
	if open == 0 {
		b.clean(res, len(res.Findings))
		return
	}
	b.flagged(v, open)
}

// flagged adds a listing with open findings to the totals and the ranking.
func (b *Builder) flagged(v *ListingView, open int) {
	t := &b.r.Totals
	t.Findings += open
	t.Errors += v.Errors
	t.Warnings += v.Warnings
	t.ListingsFlagged++
	t.Punitive += v.Stake.Claim
	t.Platform += v.Stake.Platform
	t.Unconfirmed = t.Unconfirmed || v.Stake.Unconfirmed
	if v.Stake.Fine[1] > 0 {
		t.FineListings++
		if v.Stake.Fine[1] > t.FineRange[1] {
			t.FineRange = v.Stake.Fine
		}
	}
	for fam, p := range v.Stake.Points {
		b.points[fam] += p
		b.pointed[fam]++
	}
	b.kept = append(b.kept, v)
	if len(b.kept) >= 2*MaxRanked {
		b.trim()
	}
}

func (b *Builder) clean(res scanner.Result, waived int) {
	if len(b.r.Clean) < MaxClean {
		b.r.Clean = append(b.r.Clean, CleanView{ID: res.ID, Title: res.Title, Source: res.Source, Waived: waived})
	} else {
		b.r.MoreClean++
	}
}

// export records, once per shop export, what its columns were read as.
func (b *Builder) export(res scanner.Result) {
	if res.Columns == nil || b.exports[res.Source] {
		return
	}
	b.exports[res.Source] = true
	b.r.Exports = append(b.r.Exports, exportView(res.Source, res.Columns))
}

// notItemPrefix starts the error of a page that is not an item page.
var notItemPrefix = listings.ErrNotItemPage.Error() + ": "

func (b *Builder) unreadable(res scanner.Result) {
	msg := *res.Error
	if _, reason, ok := strings.Cut(msg, notItemPrefix); ok {
		b.r.Totals.NotItems++
		if len(b.r.NotItems) < MaxErrors {
			b.r.NotItems = append(b.r.NotItems, ErrorView{Source: res.Source, Error: reason})
		}
		return
	}
	b.r.Totals.Unreadable++
	if len(b.r.Errors) < MaxErrors {
		b.r.Errors = append(b.r.Errors, ErrorView{Source: res.Source, Error: msg})
	}
}

// trim sorts the kept listings by rank and drops those past MaxRanked:
// stake, then open errors and warnings, then id and source.
func (b *Builder) trim() {
	slices.SortStableFunc(b.kept, compareListings)
	for i := range b.kept[:min(len(b.kept), MaxRanked)] {
		b.kept[i].Rank = i + 1
	}
	clear(b.kept[min(len(b.kept), MaxRanked):])
	b.kept = b.kept[:min(len(b.kept), MaxRanked)]
}

// compareListings ranks by what the seller stands to lose; errors before
// warnings at equal stakes.
func compareListings(x, y *ListingView) int {
	return cmp.Or(compareStakes(x.Stake, y.Stake), cmp.Compare(y.Errors, x.Errors),
		cmp.Compare(y.Warnings, x.Warnings), strings.Compare(x.ID, y.ID), strings.Compare(x.Source, y.Source))
}

// count adds an open finding to its rule's count.
func (b *Builder) count(f finding.Finding) {
	c, ok := b.counts[f.Rule]
	if !ok {
		c = &RuleCount{Rule: f.Rule, Title: b.titles[f.Rule], Severity: f.Severity}
		b.counts[f.Rule] = c
	}
	c.Count++
	if finding.SeverityRank(f.Severity) > finding.SeverityRank(c.Severity) {
		c.Severity = f.Severity
	}
}

// sortCounts lists rules by count, highest first.
func sortCounts(counts map[string]*RuleCount) []RuleCount {
	out := make([]RuleCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b RuleCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Rule, b.Rule))
	})
	return out
}

func ruleTitles(rules []finding.RuleMeta) map[string]string {
	m := make(map[string]string, len(rules))
	for _, r := range rules {
		m[r.ID] = r.Title
	}
	return m
}
