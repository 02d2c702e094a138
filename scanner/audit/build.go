package audit

import (
	"cmp"
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// Build computes the report from the scan results.
func Build(in Input) *Report {
	titles := ruleTitles(in.Rules)
	r := &Report{Title: "店铺合规体检报告", Shop: in.Shop, Tool: in.Tool,
		Generated: in.Generated.In(shanghai).Format("2006-01-02 15:04")}
	counts := map[string]*RuleCount{}
	var flagged []*ListingView
	for _, res := range in.Listings {
		if v := r.addListing(res, titles, counts); v != nil {
			flagged = append(flagged, v)
		}
	}
	r.rank(flagged)
	shipments := r.addShipments(in.Shipments, titles, counts)
	r.ByRule = sortCounts(counts)
	r.Charts = Charts{
		ByRule:    ruleChart(r.ByRule),
		ByListing: listingChart(flagged),
		Shipments: shipmentChart(shipments),
	}
	return r
}

// addListing counts one listing result; it returns the listing's view when
// it has open findings.
func (r *Report) addListing(res scanner.Result, titles map[string]string, counts map[string]*RuleCount) *ListingView {
	t := &r.Totals
	if res.Failed() {
		t.Unreadable++
		r.Errors = append(r.Errors, ErrorView{Source: res.Source, Error: *res.Error})
		return nil
	}
	t.Listings++
	v := &ListingView{ID: res.ID, Title: res.Title, Source: res.Source, Platform: res.Platform,
		Price: res.Price, Exposure: scanner.ListingExposure(res.Findings)}
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			t.Suppressed++
			v.Findings = append(v.Findings, findingView(f, titles))
			continue
		}
		countRule(counts, f, titles)
		t.Findings++
		switch f.Severity {
		case "error":
			v.Errors++
			t.Errors++
		case "warning":
			v.Warnings++
			t.Warnings++
		}
		t.Unconfirmed = t.Unconfirmed || (!f.Exposure.Confirmed && hasCost(f.Exposure))
		v.Findings = append(v.Findings, findingView(f, titles))
	}
	if countOpen(res.Findings) == 0 {
		return nil
	}
	t.ListingsFlagged++
	t.Punitive += v.Exposure.PunitiveCNY
	t.Platform += v.Exposure.PlatformCNY
	t.FineMin += v.Exposure.FineCNY[0]
	t.FineMax += v.Exposure.FineCNY[1]
	sortFindings(v.Findings)
	return v
}

func countOpen(found []scanner.Finding) int {
	n := 0
	for _, f := range found {
		if f.Suppressed == nil {
			n++
		}
	}
	return n
}

func hasCost(e scanner.Exposure) bool {
	return e.PunitiveCNY > 0 || e.PlatformCNY > 0 || e.FineCNY[1] > 0
}

// rank orders the flagged listings by Score, then by open errors, then by
// id, and keeps the views the report shows.
func (r *Report) rank(flagged []*ListingView) {
	slices.SortStableFunc(flagged, func(a, b *ListingView) int {
		return cmp.Or(cmp.Compare(b.Score(), a.Score()), cmp.Compare(b.Errors, a.Errors),
			cmp.Compare(b.Warnings, a.Warnings), strings.Compare(a.ID, b.ID))
	})
	for i, v := range flagged {
		v.Rank = i + 1
	}
	r.Ranked = flagged[:min(len(flagged), MaxRanked)]
	r.MoreRanked = len(flagged) - len(r.Ranked)
	r.Detailed = flagged[:min(len(flagged), MaxDetailed)]
}

func countRule(counts map[string]*RuleCount, f scanner.Finding, titles map[string]string) {
	c, ok := counts[f.Rule]
	if !ok {
		c = &RuleCount{Rule: f.Rule, Title: titles[f.Rule], Severity: f.Severity}
		counts[f.Rule] = c
	}
	c.Count++
	if scanner.SeverityRank(f.Severity) > scanner.SeverityRank(c.Severity) {
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
			cmp.Compare(scanner.SeverityRank(b.Severity), scanner.SeverityRank(a.Severity)))
	})
}

func boolRank(open bool) int {
	if open {
		return 0
	}
	return 1
}

func ruleTitles(rules []scanner.RuleMeta) map[string]string {
	m := make(map[string]string, len(rules))
	for _, r := range rules {
		m[r.ID] = r.Title
	}
	return m
}
