package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// JUnit writes JUnit XML for CI systems that show test reports (GitLab,
// Jenkins, Azure): one testsuite per listing, one testcase per finding.
// An open finding is a failure (its type is the severity), a suppressed one
// is skipped with its reason, an input that could not be scanned is an
// error, and a clean listing is one passing testcase, so every input shows.
type JUnit struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"` // keeps line breaks readable
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Report implements Reporter.
func (JUnit) Report(w io.Writer, r *Report) error {
	all := junitSuites{Name: "xiaoer"}
	for _, res := range r.Results {
		s := junitSuiteOf(res)
		all.Tests += s.Tests
		all.Failures += s.Failures
		all.Errors += s.Errors
		all.Skipped += s.Skipped
		all.Suites = append(all.Suites, s)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(all); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func junitSuiteOf(res scanner.Result) junitSuite {
	path := displayPath(res.Source)
	s := junitSuite{Name: path}
	if res.ID != "" {
		s.Name += " " + res.ID
	}
	switch {
	case res.Failed():
		s.Errors = 1
		s.Cases = []junitCase{{Name: "scan", Classname: path, File: path,
			Error: &junitProblem{Message: *res.Error, Type: "input"}}}
	case len(res.Findings) == 0:
		s.Cases = []junitCase{{Name: "all rules", Classname: path, File: path}}
	}
	for _, f := range res.Findings {
		c := junitCaseOf(path, f)
		switch {
		case c.Skipped != nil:
			s.Skipped++
		default:
			s.Failures++
		}
		s.Cases = append(s.Cases, c)
	}
	s.Tests = len(s.Cases)
	return s
}

func junitCaseOf(path string, f finding.Finding) junitCase {
	c := junitCase{Name: f.Rule + ": " + f.Message, Classname: path, File: path}
	if f.Location != nil {
		c.Line = f.Location.Line
	}
	if f.Suppressed != nil {
		c.Skipped = &junitSkipped{Message: fmt.Sprintf("suppressed (%s): %s", f.Suppressed.Source, f.Suppressed.Reason)}
		return c
	}
	c.Failure = &junitProblem{Message: f.Message, Type: f.Severity, Text: junitDetail(path, f)}
	return c
}

// junitDetail is the failure body: where, the evidence, basis, suggestion.
func junitDetail(path string, f finding.Finding) string {
	where := path
	if f.Location != nil {
		where = fmt.Sprintf("%s:%d:%d", path, f.Location.Line, f.Location.Column)
	}
	if f.Field != "" {
		where += " " + f.Field
	}
	lines := []string{where}
	if quote := firstNonEmpty(f.Context, f.Evidence); quote != "" {
		lines = append(lines, "原文: "+quote)
	}
	lines = append(lines, "依据: "+basis(f.Basis))
	if f.Suggestion != "" {
		lines = append(lines, "建议: "+f.Suggestion)
	}
	return strings.Join(lines, "\n")
}
