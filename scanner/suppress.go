package scanner

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Suppressions always carry a reason, and suppressed findings are counted
// and shown, never hidden. They come from four places, applied in this
// order, each only to findings still open:
//   - inline (HTML <!-- xiaoer:ignore RULE 理由 -->) and listing (YAML ignore:)
//   - config (exceptions: in .xiaoer.yaml)
//   - baseline (--baseline FILE)
//
// A listing's own suppression without a reason waives nothing and is itself
// reported, as a finding of the rule SuppressionWithoutReason.

// SuppressionWithoutReason is the id of the rule that reports a listing's
// suppression written without a reason (or without a rule).
const SuppressionWithoutReason = "suppression-without-reason"

// ToolRules are rules the scanner itself applies (not Rego); they join the
// catalogue so `xiaoer rules`, `explain` and SARIF describe them.
var ToolRules = []RuleMeta{{
	ID:          SuppressionWithoutReason,
	Title:       "豁免缺少理由",
	Severity:    "warning",
	Kinds:       []string{"listing"},
	Description: "列表或页面中的豁免（HTML <!-- xiaoer:ignore 规则 理由 -->，YAML ignore:）没有写明规则或理由。没有理由的豁免不生效，原发现照常报告。",
	Basis: Basis{Law: "xiaoer 豁免规则：每条豁免必须写明理由", Confirmed: true,
		Note: "tool rule: suppressions always carry a reason, so a reviewer can judge them"},
	Suggestion: "写明规则和理由，如 <!-- xiaoer:ignore ad-absolute 「国家级」为证书原文，证书编号见详情 -->；YAML 写 ignore: [{rule: ad-absolute, reason: ...}]",
}}

// applyIgnores marks findings waived by the listing's own suppressions and
// returns the findings plus one SuppressionWithoutReason finding for each
// suppression that lacks a rule or a reason.
func applyIgnores(found []Finding, l *listings.Listing) []Finding {
	source := ignoreSource(l.Source)
	for _, ig := range l.Ignores {
		if ig.Rule == "" || ig.Reason == "" {
			found = append(found, reasonlessFinding(l, ig))
			continue
		}
		for i := range found {
			if found[i].Rule == ig.Rule && found[i].Suppressed == nil {
				found[i].Suppressed = &Suppression{Reason: ig.Reason, Source: source}
			}
		}
	}
	return found
}

// ignoreSource tells comments in a page from ignore: entries in a file.
func ignoreSource(source string) string {
	switch strings.ToLower(filepath.Ext(source)) {
	case ".html", ".htm":
		return "inline"
	}
	return "listing"
}

func reasonlessFinding(l *listings.Listing, ig listings.Ignore) Finding {
	msg := fmt.Sprintf("豁免「%s」没有写理由，未生效", ig.Rule)
	if ig.Rule == "" {
		msg = "豁免没有写规则和理由，未生效"
	}
	meta := ToolRules[0]
	f := Finding{Rule: meta.ID, Severity: meta.Severity, Message: msg, Evidence: ig.Rule,
		Basis: meta.Basis, Suggestion: meta.Suggestion, Exposure: Exposure{Basis: []string{}, Confirmed: true},
		Details: map[string]any{"ignored_rule": ig.Rule}}
	// The ignored rule tells two such findings of one listing apart; it is
	// not quoted as evidence, since the location is the comment's start.
	f.Fingerprint = Fingerprint(l.ID, l.Source, f)
	f.Evidence = ""
	if ig.Position.Known() {
		f.Location = &Location{File: l.Source, Line: ig.Position.Line, Column: ig.Position.Column}
	}
	return f
}

// Exception waives a rule by config: for listings whose file matches Path
// (a glob, see PathMatcher), whose id is ID, or both; with neither, for
// every listing. The reason is required.
type Exception struct {
	Rule   string `yaml:"rule" json:"rule"`
	Path   string `yaml:"path" json:"path,omitempty"`
	ID     string `yaml:"id" json:"id,omitempty"`
	Reason string `yaml:"reason" json:"reason"`
}

// matches reports whether the exception covers the finding of result r.
func (e Exception) matches(r Result, f Finding, paths *PathMatcher) bool {
	if e.Rule != f.Rule {
		return false
	}
	if e.ID != "" && e.ID != r.ID {
		return false
	}
	return e.Path == "" || paths.Match(e.Path, r.Source)
}

// Gate applies the run's own judgement to each result after the policies:
// config exceptions, then the baseline. It marks findings, never drops them,
// and recomputes the listing's exposure from what stays open.
type Gate struct {
	Exceptions []Exception
	Paths      *PathMatcher // resolves exception paths
	Baseline   *Baseline    // nil: no baseline
}

// Apply marks r's findings in place.
func (g *Gate) Apply(r *Result) {
	if r.Failed() {
		return
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		for _, e := range g.Exceptions {
			if f.Suppressed == nil && e.matches(*r, *f, g.Paths) {
				f.Suppressed = &Suppression{Reason: e.Reason, Source: "config"}
			}
		}
		if f.Suppressed == nil && g.Baseline != nil {
			g.Baseline.mark(f)
		}
	}
	r.Exposure = ListingExposure(r.Findings)
}
