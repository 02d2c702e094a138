package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// SARIF writes a SARIF 2.1.0 log for code scanning (GitHub, GitLab, IDEs):
// one rule descriptor per catalogue entry with help text and default
// level, one result per finding with its file location, xiaoer's
// fingerprint as a partial fingerprint (so an alert survives moved lines),
// and suppressed findings as results with a justified suppression.
// Inputs that could not be scanned become error notifications.
type SARIF struct{}

// informationURI is where the rules are documented.
const informationURI = "https://github.com/xiaoer-dev/xiaoer"

// Report implements Reporter.
func (SARIF) Report(w io.Writer, r *Report) error {
	rules, index := sarifRules(r.Rules)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{Name: r.Tool.Name, Version: r.Tool.Version, InformationURI: informationURI,
			Rules: rules, Properties: map[string]any{"policyRevision": r.Tool.PolicyRevision, "opaVersion": r.Tool.OPAVersion}}},
		Invocations: []sarifInvocation{sarifInvocationOf(r)},
		Results:     []sarifResult{},
		ColumnKind:  "unicodeCodePoints", // Location.Column counts characters
	}
	for _, res := range r.Results {
		for _, f := range res.Findings {
			run.Results = append(run.Results, sarifResultOf(res, f, index))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

// sarifRules describes every rule of the catalogue; index maps an id to
// its position, for ruleIndex.
func sarifRules(metas []finding.RuleMeta) ([]sarifRule, map[string]int) {
	rules := make([]sarifRule, 0, len(metas))
	index := make(map[string]int, len(metas))
	for _, m := range metas {
		index[m.ID] = len(rules)
		rules = append(rules, sarifRule{
			ID: m.ID, Name: ruleName(m.ID),
			ShortDescription:     sarifText{Text: m.Title},
			FullDescription:      sarifText{Text: firstNonEmpty(m.Description, m.Title)},
			Help:                 sarifHelp{Text: helpText(m), Markdown: helpMarkdown(m)},
			HelpURI:              m.Basis.Link,
			DefaultConfiguration: sarifRuleLevel{Level: sarifLevel(m.Severity)},
			Properties:           map[string]any{"tags": append([]string{"compliance"}, m.Kinds...), "basis": m.Basis},
		})
	}
	return rules, index
}

// ruleName is the id in PascalCase, as SARIF viewers show rule names.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

func helpText(m finding.RuleMeta) string {
	lines := []string{firstNonEmpty(m.Description, m.Title), "依据: " + basis(m.Basis)}
	if m.Suggestion != "" {
		lines = append(lines, "建议: "+m.Suggestion)
	}
	return strings.Join(lines, "\n")
}

func helpMarkdown(m finding.RuleMeta) string {
	md := fmt.Sprintf("**%s** (`%s`)\n\n%s\n\n- 依据: %s", m.Title, m.ID, firstNonEmpty(m.Description, m.Title), basis(m.Basis))
	if m.Basis.Link != "" {
		md += fmt.Sprintf(" ([来源](%s))", m.Basis.Link)
	}
	if m.Suggestion != "" {
		md += "\n- 建议: " + m.Suggestion
	}
	return md
}

// sarifLevel maps severities to SARIF levels (info has no SARIF name).
func sarifLevel(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

func sarifResultOf(res scanner.Result, f finding.Finding, index map[string]int) sarifResult {
	out := sarifResult{
		RuleID:              f.Rule,
		Level:               sarifLevel(f.Severity),
		Message:             sarifText{Text: findingMessage(f)},
		Locations:           []sarifLocation{sarifLocationOf(res.Source, f)},
		PartialFingerprints: map[string]string{fingerprintKey: f.Fingerprint},
		Properties:          findingProperties(res, f),
	}
	if i, ok := index[f.Rule]; ok {
		out.RuleIndex = &i
	}
	if s := f.Suppressed; s != nil {
		kind := "external" // config, baseline
		if s.Source == "inline" || s.Source == "listing" {
			kind = "inSource"
		}
		out.Suppressions = []sarifSuppression{{Kind: kind, Status: "accepted", Justification: s.Reason}}
	}
	return out
}

// findingMessage is the one-line message with what to write instead.
func findingMessage(f finding.Finding) string {
	if f.Suggestion == "" {
		return f.Message
	}
	return f.Message + "。建议：" + f.Suggestion
}

// sarifLocationOf points at the evidence: file, line and the columns the
// evidence spans when it sits on one line; the file alone when the input
// has no lines for it.
func sarifLocationOf(source string, f finding.Finding) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sourceURI(source)}}}
	if f.Location == nil || f.Location.Line < 1 {
		return loc
	}
	if f.Location.File != "" {
		loc.PhysicalLocation.ArtifactLocation.URI = sourceURI(f.Location.File)
	}
	region := &sarifRegion{StartLine: f.Location.Line, StartColumn: max(f.Location.Column, 1)}
	if f.Evidence != "" && !strings.ContainsAny(f.Evidence, "\r\n") {
		region.EndColumn = region.StartColumn + utf8.RuneCountInString(f.Evidence)
		region.Snippet = &sarifText{Text: f.Evidence}
	}
	loc.PhysicalLocation.Region = region
	return loc
}

// findingProperties carries what SARIF has no field for.
func findingProperties(res scanner.Result, f finding.Finding) map[string]any {
	p := map[string]any{"severity": f.Severity, "field": f.Field, "evidence": f.Evidence,
		"basis": f.Basis, "exposure": f.Exposure}
	if res.ID != "" {
		p["listingId"] = res.ID
	}
	if f.Suppressed != nil {
		p["suppressedBy"] = f.Suppressed.Source
	}
	return p
}

// sarifInvocationOf records inputs that could not be scanned.
func sarifInvocationOf(r *Report) sarifInvocation {
	inv := sarifInvocation{ExecutionSuccessful: r.Summary.Errors == 0}
	for _, res := range r.Results {
		if res.Failed() {
			inv.Notifications = append(inv.Notifications, sarifNotification{
				Level:     "error",
				Message:   sarifText{Text: fmt.Sprintf("%s: %s", displayPath(res.Source), *res.Error)},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{URI: sourceURI(res.Source)}}}},
			})
		}
	}
	return inv
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
