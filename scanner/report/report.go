// Package report writes scan results in the formats users ask for: text for
// people, json for programs, and (one file each) the CI formats.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Version of the JSON report shape.
const Version = 1

// Tool identifies what produced a report.
type Tool struct {
	Name           string `json:"name"`
	Version        string `json:"version"`
	PolicyRevision string `json:"policy_revision"`
	OPAVersion     string `json:"opa_version"`
}

// Report is a whole run: what ran, the totals, and every result.
type Report struct {
	Version int                `json:"version"`
	Tool    Tool               `json:"tool"`
	Summary scanner.Summary    `json:"summary"`
	Results []scanner.Result   `json:"results"`
	Rules   []finding.RuleMeta `json:"-"` // the catalogue, for formats that describe rules (SARIF)
}

// Reporter writes a finished report.
type Reporter interface {
	Report(w io.Writer, r *Report) error
}

// Options tune reporters that have choices.
type Options struct {
	Color bool // ANSI colour in text output
}

var constructors = map[string]func(Options) Reporter{
	"text":   func(o Options) Reporter { return &Text{Color: o.Color} },
	"json":   func(Options) Reporter { return JSON{} },
	"jsonl":  func(Options) Reporter { return &JSONL{} },
	"sarif":  func(Options) Reporter { return SARIF{} },
	"junit":  func(Options) Reporter { return JUnit{} },
	"github": func(Options) Reporter { return GitHub{} },
}

// Get returns the reporter for a format name.
func Get(format string, opts Options) (Reporter, error) {
	c, ok := constructors[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats(), ", "))
	}
	return c(opts), nil
}

// Formats lists the format names, for help text and errors.
func Formats() []string {
	names := make([]string, 0, len(constructors))
	for n := range constructors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
