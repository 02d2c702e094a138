package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// GitHub writes GitHub Actions workflow commands, so findings show as
// annotations on the changed lines of a pull request:
//
//	::error file=listings/a.yaml,line=3,endLine=3,col=8,endColumn=11,title=ad-absolute::绝对化用语「国家级」…
//
// Open findings are annotations (error, warning, or notice for info);
// suppressed ones are plain log lines with their reason (shown, but not
// spent from GitHub's per-step annotation budget); unreadable inputs are
// error annotations on the file. A summary line ends the output.
type GitHub struct{}

// Report implements Reporter.
func (GitHub) Report(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	for _, res := range r.Results {
		if res.Failed() {
			fmt.Fprintf(bw, "::error file=%s,title=%s::%s\n", ghProperty(displayPath(res.Source)),
				ghProperty("xiaoer: input not scanned"), ghData(*res.Error))
			continue
		}
		for _, f := range res.Findings {
			githubFinding(bw, res, f)
		}
	}
	s := r.Summary
	fmt.Fprintf(bw, "xiaoer: %d inputs, %d listings: %d findings (%d error, %d warning, %d info), %d suppressed, %d unreadable\n",
		s.Inputs, s.Listings, s.Findings, s.BySeverity["error"], s.BySeverity["warning"], s.BySeverity["info"], s.Suppressed, s.Errors)
	return bw.Flush()
}

func githubFinding(w *bufio.Writer, res scanner.Result, f finding.Finding) {
	where := githubWhere(res.Source, f)
	if f.Suppressed != nil {
		fmt.Fprintf(w, "suppressed (%s): %s %s %s — %s\n", f.Suppressed.Source, where, f.Rule, f.Message, f.Suppressed.Reason)
		return
	}
	props := []string{"file=" + ghProperty(where)}
	if loc := f.Location; loc != nil && loc.Line > 0 {
		props = append(props, fmt.Sprintf("line=%d", loc.Line), fmt.Sprintf("endLine=%d", loc.Line), fmt.Sprintf("col=%d", max(loc.Column, 1)))
		if f.Evidence != "" && !strings.ContainsAny(f.Evidence, "\r\n") {
			// endColumn is exclusive, as in SARIF.
			props = append(props, fmt.Sprintf("endColumn=%d", max(loc.Column, 1)+utf8.RuneCountInString(f.Evidence)))
		}
	}
	props = append(props, "title="+ghProperty(f.Rule))
	fmt.Fprintf(w, "::%s %s::%s\n", githubCommand(f.Severity), strings.Join(props, ","), ghData(githubMessage(f)))
}

// githubWhere is the annotated file: the location's file, else the source.
func githubWhere(source string, f finding.Finding) string {
	if f.Location != nil && f.Location.File != "" {
		return displayPath(f.Location.File)
	}
	return displayPath(source)
}

func githubCommand(severity string) string {
	switch severity {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

// githubMessage is the annotation body: message, basis and suggestion on
// their own lines (annotations keep line breaks).
func githubMessage(f finding.Finding) string {
	lines := []string{f.Message, "依据: " + basis(f.Basis)}
	if f.Suggestion != "" {
		lines = append(lines, "建议: "+f.Suggestion)
	}
	return strings.Join(lines, "\n")
}

// ghData escapes a command's message as @actions/core does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a command property value, where : and , also split.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
