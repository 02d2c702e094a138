package audit

import (
	"cmp"
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// placeViews turns a listing's findings into one view per place: findings
// in the same field whose words overlap (销量第一 flagged as an absolute
// claim and as an unsourced ranking) become one finding naming both rules.
// Suppressed findings keep their own view, after the open ones.
func placeViews(found []finding.Finding, titles map[string]string, t *PointsTable) []FindingView {
	var open []FindingView
	var waived []FindingView
	for _, f := range sortedBySpan(found) {
		v := findingView(f, titles, t)
		if f.Suppressed != nil {
			waived = append(waived, v)
			continue
		}
		if n := len(open); n > 0 && samePlace(open[n-1], f) {
			open[n-1] = open[n-1].join(v, f, t)
			continue
		}
		open = append(open, v)
	}
	slices.SortStableFunc(open, func(a, b FindingView) int {
		return cmp.Or(compareStakes(a.Stake, b.Stake), cmp.Compare(finding.SeverityRank(b.Severity), finding.SeverityRank(a.Severity)))
	})
	return append(open, waived...)
}

func sortedBySpan(found []finding.Finding) []finding.Finding {
	out := slices.Clone(found)
	slices.SortStableFunc(out, func(a, b finding.Finding) int {
		return cmp.Or(strings.Compare(a.Field, b.Field), cmp.Compare(a.Span.Start, b.Span.Start), cmp.Compare(b.Span.End, a.Span.End))
	})
	return out
}

// samePlace: the same field, and words that overlap (or the same words
// where a finding has no span).
func samePlace(v FindingView, f finding.Finding) bool {
	if v.field != f.Field || v.Suppressed != nil {
		return false
	}
	if v.span.End == 0 || f.Span.End == 0 {
		return v.Evidence == f.Evidence && f.Evidence != ""
	}
	return f.Span.Start < v.span.End && v.span.Start < f.Span.End
}

// join adds another rule's finding on the same place: the wider words and
// the more severe rule lead.
func (v FindingView) join(o FindingView, f finding.Finding, t *PointsTable) FindingView {
	if f.Span.End-f.Span.Start > v.span.End-v.span.Start {
		v.Before, v.Evidence, v.After, v.span = o.Before, o.Evidence, o.After, o.span
	}
	lead := finding.SeverityRank(o.Severity) > finding.SeverityRank(v.Severity)
	if lead {
		v.Severity, v.Suggestion = o.Severity, cmp.Or(o.Suggestion, v.Suggestion)
		v.Rules = append(o.Rules, v.Rules...)
		v.Messages = append(o.Messages, v.Messages...)
	} else {
		v.Suggestion = cmp.Or(v.Suggestion, o.Suggestion)
		v.Rules = append(v.Rules, o.Rules...)
		v.Messages = append(v.Messages, o.Messages...)
	}
	v.Basis = append(v.Basis, o.Basis...)
	v.Stake = v.Stake.add(o.Stake, t)
	return v
}

// findingView splits the evidence out of its sentence: Before, Evidence
// and After, which the template joins with the evidence marked. When the
// sentence does not hold the evidence, the evidence stands alone.
func findingView(f finding.Finding, titles map[string]string, t *PointsTable) FindingView {
	v := FindingView{Rules: []RuleRef{{ID: f.Rule, Title: titles[f.Rule], Severity: f.Severity}}, Severity: f.Severity,
		Messages: []string{f.Message}, Field: fieldName(f.Field), Evidence: f.Evidence, Basis: []finding.Basis{f.Basis},
		Suggestion: f.Suggestion, Stake: findingStake(f, t), Suppressed: f.Suppressed, field: f.Field, span: f.Span}
	if i := strings.Index(f.Context, f.Evidence); f.Evidence != "" && i >= 0 {
		v.Before, v.After = f.Context[:i], f.Context[i+len(f.Evidence):]
	}
	return v
}

// fieldNames are the Chinese names of the listing fields.
var fieldNames = map[string]string{
	"title": "标题", "subtitle": "副标题", "description": "详情", "attributes": "属性",
	"skus": "SKU", "price": "价格", "promises": "承诺", "category": "类目",
}

// fieldName is where a seller finds the words: the field, not a line of a
// file (file:line stays in the CI formats).
func fieldName(field string) string {
	if name := fieldNames[field]; name != "" {
		return name
	}
	if head, _, ok := strings.Cut(field, "."); ok && fieldNames[head] != "" {
		return fieldNames[head]
	}
	return field
}
