package audit

import (
	"cmp"
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Builder computes the report as results arrive, so a shop of any size
// fits in memory: it counts everything but keeps only the listings that
// can still be among the MaxRanked highest, the first MaxOrders flagged
// orders and MaxErrors unreadable inputs.
type Builder struct {
	r      *Report
	titles map[string]string
	counts map[string]*RuleCount
	kept   []*ListingView // flagged listings, trimmed to the best MaxRanked now and then
	days   map[string]map[string]int
}

// MaxErrors bounds the unreadable inputs the report lists.
const MaxErrors = 500

// NewBuilder starts a report; in's results, if any, are added.
func NewBuilder(in Input) *Builder {
	b := &Builder{
		r: &Report{Title: "店铺合规体检报告", Shop: in.Shop, Tool: in.Tool,
			Generated: in.Generated.In(shanghai).Format("2006-01-02 15:04")},
		titles: ruleTitles(in.Rules), counts: map[string]*RuleCount{}, days: map[string]map[string]int{},
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
	r.Charts = Charts{ByRule: ruleChart(r.ByRule), ByListing: listingChart(r.Ranked), Shipments: shipmentChart(b.days)}
	return r
}

// AddListing counts one listing result.
func (b *Builder) AddListing(res scanner.Result) {
	t := &b.r.Totals
	if res.Failed() {
		b.unreadable(res)
		return
	}
	t.Listings++
	v := &ListingView{ID: res.ID, Title: res.Title, Source: res.Source, Platform: res.Platform,
		Price: res.Price, Exposure: scanner.ListingExposure(res.Findings)}
	open := 0
	for _, f := range res.Findings {
		v.Findings = append(v.Findings, findingView(f, b.titles))
		if f.Suppressed != nil {
			t.Suppressed++
			continue
		}
		open++
		b.count(f)
		switch f.Severity {
		case "error":
			v.Errors++
		case "warning":
			v.Warnings++
		}
		t.Unconfirmed = t.Unconfirmed || (!f.Exposure.Confirmed && hasCost(f.Exposure))
	}
	if open == 0 {
		return
	}
	t.Findings += open
	t.Errors += v.Errors
	t.Warnings += v.Warnings
	t.ListingsFlagged++
	t.Punitive += v.Exposure.PunitiveCNY
	t.Platform += v.Exposure.PlatformCNY
	t.FineMin += v.Exposure.FineCNY[0]
	t.FineMax += v.Exposure.FineCNY[1]
	sortFindings(v.Findings)
	b.kept = append(b.kept, v)
	if len(b.kept) >= 2*MaxRanked {
		b.trim()
	}
}

func (b *Builder) unreadable(res scanner.Result) {
	b.r.Totals.Unreadable++
	if len(b.r.Errors) < MaxErrors {
		b.r.Errors = append(b.r.Errors, ErrorView{Source: res.Source, Error: *res.Error})
	}
}

func hasCost(e finding.Exposure) bool {
	return e.PunitiveCNY > 0 || e.PlatformCNY > 0 || e.FineCNY[1] > 0
}

// trim sorts the kept listings by rank and drops those past MaxRanked:
// Score, then open errors and warnings, then id and source.
func (b *Builder) trim() {
	slices.SortStableFunc(b.kept, func(x, y *ListingView) int {
		return cmp.Or(cmp.Compare(y.Score(), x.Score()), cmp.Compare(y.Errors, x.Errors),
			cmp.Compare(y.Warnings, x.Warnings), strings.Compare(x.ID, y.ID), strings.Compare(x.Source, y.Source))
	})
	for i := range b.kept[:min(len(b.kept), MaxRanked)] {
		b.kept[i].Rank = i + 1
	}
	clear(b.kept[min(len(b.kept), MaxRanked):])
	b.kept = b.kept[:min(len(b.kept), MaxRanked)]
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

// sortFindings puts open findings first, errors before warnings.
func sortFindings(fs []FindingView) {
	slices.SortStableFunc(fs, func(a, b FindingView) int {
		return cmp.Or(cmp.Compare(boolRank(a.Suppressed == nil), boolRank(b.Suppressed == nil)),
			cmp.Compare(finding.SeverityRank(b.Severity), finding.SeverityRank(a.Severity)))
	})
}

func boolRank(open bool) int {
	if open {
		return 0
	}
	return 1
}

func ruleTitles(rules []finding.RuleMeta) map[string]string {
	m := make(map[string]string, len(rules))
	for _, r := range rules {
		m[r.ID] = r.Title
	}
	return m
}
