package scanner

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
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

// applyIgnores marks findings waived by the listing's own suppressions and
// returns the findings plus one SuppressionWithoutReason finding for each
// suppression that lacks a rule or a reason.
func applyIgnores(found []finding.Finding, l *listings.Listing) []finding.Finding {
	source := ignoreSource(l.Source)
	for _, ig := range l.Ignores {
		if ig.Rule == "" || ig.Reason == "" {
			found = append(found, reasonlessFinding(l, ig))
			continue
		}
		for i := range found {
			if found[i].Rule == ig.Rule && found[i].Suppressed == nil {
				found[i].Suppressed = &finding.Suppression{Reason: ig.Reason, Source: source}
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

func reasonlessFinding(l *listings.Listing, ig listings.Ignore) finding.Finding {
	msg := fmt.Sprintf("豁免「%s」没有写理由，未生效", ig.Rule)
	if ig.Rule == "" {
		msg = "豁免没有写规则和理由，未生效"
	}
	meta := engine.ToolRules[0]
	f := finding.Finding{Rule: meta.ID, Severity: meta.Severity, Message: msg, Evidence: ig.Rule,
		Basis: meta.Basis, Suggestion: meta.Suggestion, Exposure: finding.Exposure{Basis: []string{}, Confirmed: true},
		Details: map[string]any{"ignored_rule": ig.Rule}}
	// The ignored rule tells two such findings of one listing apart; it is
	// not quoted as evidence, since the location is the comment's start.
	f.Fingerprint = finding.Fingerprint(l.ID, l.Source, f)
	f.Evidence = ""
	if ig.Position.Known() {
		f.Location = &finding.Location{File: l.Source, Line: ig.Position.Line, Column: ig.Position.Column}
	}
	return f
}

// Gate applies the run's own judgement to each result after the policies:
// config exceptions, then the baseline. It marks findings, never drops them,
// and recomputes the listing's exposure from what stays open.
type Gate struct {
	Exceptions []config.Exception
	Paths      *config.PathMatcher // resolves exception paths
	Baseline   *Baseline           // nil: no baseline
}

// Apply marks r's findings in place.
func (g *Gate) Apply(r *Result) {
	if r.Failed() {
		return
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		for _, e := range g.Exceptions {
			if f.Suppressed == nil && e.Covers(f.Rule, r.ID, r.Source, g.Paths) {
				f.Suppressed = &finding.Suppression{Reason: e.Reason, Source: "config"}
			}
		}
		if f.Suppressed == nil && g.Baseline != nil {
			g.Baseline.mark(f)
		}
	}
	r.Exposure = ListingExposure(r.Findings)
}
