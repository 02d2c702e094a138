package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/money"
)

// Text writes findings for people: where, which rule, the evidence marked in
// its sentence, the basis, what to write instead and what it can cost.
type Text struct {
	Color bool
}

const (
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiReset  = "\x1b[0m"
)

// Report implements Reporter.
func (t *Text) Report(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, res := range r.Results {
		t.result(bw, res)
	}
	t.summary(bw, r.Summary)
	columnNotes(bw, r.Results)
	return bw.Flush()
}

// columnNotes says, once per shop export, which columns were not read.
func columnNotes(w *bufio.Writer, results []scanner.Result) {
	seen := map[string]bool{}
	for _, r := range results {
		if r.Columns == nil || seen[r.Source] {
			continue
		}
		seen[r.Source] = true
		if len(r.Columns.Unused) > 0 {
			fmt.Fprintf(w, "%s: columns not read: %s (map them with --columns HEADER=FIELD or columns: in .xiaoer.yaml)\n",
				r.Source, strings.Join(r.Columns.Unused, ", "))
		}
	}
}

func (t *Text) result(w *bufio.Writer, r scanner.Result) {
	if r.Failed() {
		fmt.Fprintf(w, "%s\n  %s %s\n\n", Terminal(r.Source), t.paint(ansiRed, "error:"), Terminal(*r.Error))
		return
	}
	if len(r.Findings) == 0 {
		return
	}
	fmt.Fprintf(w, "%s  %s\n", t.paint(ansiBold, Terminal(r.Source)), t.paint(ansiDim, Terminal(header(r))))
	for _, f := range r.Findings {
		t.finding(w, f)
	}
	w.WriteString("\n")
}

func header(r scanner.Result) string {
	parts := []string{}
	for _, p := range []string{r.Platform, r.Encoding, r.ID} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return "(" + strings.Join(parts, ", ") + ") " + truncate(r.Title, 40)
}

func (t *Text) finding(w *bufio.Writer, f finding.Finding) {
	sev := t.severity(f.Severity)
	if f.Suppressed != nil {
		sev = t.paint(ansiDim, "suppressed")
	}
	fmt.Fprintf(w, "  %s %s %s %s\n", sev, t.paint(ansiBold, Terminal(f.Rule)), Terminal(where(f)), Terminal(f.Message))
	if f.Evidence != "" {
		fmt.Fprintf(w, "      原文: %s\n", t.highlight(f))
	}
	fmt.Fprintf(w, "      依据: %s\n", Terminal(basis(f.Basis)))
	if f.Suggestion != "" {
		fmt.Fprintf(w, "      建议: %s\n", Terminal(f.Suggestion))
	}
	if cost := exposure(f.Exposure); cost != "" {
		fmt.Fprintf(w, "      风险: %s\n", cost)
	}
	if f.Suppressed != nil {
		fmt.Fprintf(w, "      已豁免: %s (%s)\n", Terminal(f.Suppressed.Reason), Terminal(f.Suppressed.Source))
	}
}

func where(f finding.Finding) string {
	if f.Location != nil {
		return fmt.Sprintf("%s:%d:%d", f.Field, f.Location.Line, f.Location.Column)
	}
	return f.Field
}

// highlight shows the evidence inside its context: the sentence or a window
// of the field text around it, with the evidence marked.
func (t *Text) highlight(f finding.Finding) string {
	ctx := f.Context
	if !strings.Contains(ctx, f.Evidence) {
		ctx = f.Evidence
	}
	i := strings.Index(ctx, f.Evidence)
	before, after := Terminal(ctx[:i]), Terminal(ctx[i+len(f.Evidence):])
	mark := "【" + Terminal(f.Evidence) + "】"
	if t.Color {
		mark = ansiRed + ansiBold + Terminal(f.Evidence) + ansiReset
	}
	return before + mark + after
}

func (t *Text) severity(s string) string {
	switch s {
	case "error":
		return t.paint(ansiRed, "error  ")
	case "warning":
		return t.paint(ansiYellow, "warning")
	}
	return fmt.Sprintf("%-7s", s)
}

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

func basis(b finding.Basis) string {
	s := b.Law
	if b.Penalty != "" {
		s += "；罚则 " + b.Penalty
	}
	if !b.Confirmed {
		s += "（未核实）"
	}
	return s
}

func exposure(e finding.Exposure) string { return e.Describe("；") }

func (t *Text) summary(w *bufio.Writer, s scanner.Summary) {
	fmt.Fprintf(w, "%d inputs, %d listings: %d findings (%d error, %d warning), %d suppressed, %d unreadable\n",
		s.Inputs, s.Listings, s.Findings, s.BySeverity["error"], s.BySeverity["warning"], s.Suppressed, s.Errors)
	if s.Exposure.PunitiveCNY+s.Exposure.PlatformCNY > 0 || s.Exposure.FineCNY[1] > 0 {
		fmt.Fprintf(w, "money at risk: punitive claims ¥%s, platform compensation ¥%s, largest fine range up to ¥%s (fines are never added up)\n",
			yuan(s.Exposure.PunitiveCNY), yuan(s.Exposure.PlatformCNY), yuan(s.Exposure.FineCNY[1]))
	}
}

// yuan formats yuan without the sign, for sentences that carry their own.
func yuan(v float64) string { return strings.TrimPrefix(money.FormatCNY(v), "¥") }

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
