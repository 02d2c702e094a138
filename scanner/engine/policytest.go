package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// PolicyTests configures `xiaoer policy test`: the Rego tests of the
// embedded pack and of user policy directories, run together against the
// same merged data a scan uses (so user data that breaks an embedded rule
// shows up as a failing embedded test), under the same capabilities.
type PolicyTests struct {
	Dirs     []string         // user policy directories
	Bundles  []*bundle.Bundle // extra data (--data files), merged last
	Filter   string           // regular expression on test names; "" runs all
	Coverage bool
}

// PolicyTestReport is every test result and, when asked, coverage.
type PolicyTestReport struct {
	Results []*tester.Result
	// Files are the policy files coverage is judged on: the user
	// directories' modules when any were given, else the embedded pack's;
	// test modules never count.
	Files    []FileCoverage
	Coverage float64 // percent of the Files' lines covered
}

// FileCoverage is one file's coverage.
type FileCoverage struct {
	File       string
	Percent    float64
	Covered    int
	NotCovered []string // line ranges, "12" or "12-14"
}

// Failed counts the tests that failed or errored.
func (r *PolicyTestReport) Failed() int {
	n := 0
	for _, res := range r.Results {
		if res.Fail || res.Error != nil {
			n++
		}
	}
	return n
}

// RunPolicyTests runs the tests and measures coverage.
func RunPolicyTests(ctx context.Context, opts PolicyTests) (*PolicyTestReport, error) {
	embedded, err := policies.Load(policies.FS(), "xiaoer", true)
	if err != nil {
		return nil, err
	}
	users := make([]*bundle.Bundle, 0, len(opts.Dirs)+len(opts.Bundles))
	for _, dir := range opts.Dirs {
		b, err := LoadPolicyDir(dir, true)
		if err != nil {
			return nil, err
		}
		users = append(users, b)
	}
	merged, err := withUserPolicies(embedded, append(users, opts.Bundles...))
	if err != nil {
		return nil, err
	}
	modules := moduleMap(merged)
	cov := cover.New()
	runner := tester.NewRunner().
		SetCompiler(ast.NewCompiler().WithCapabilities(SafeCapabilities()).WithEnablePrintStatements(true)).
		SetStore(inmem.NewFromObject(merged.Data)).
		SetModules(modules).
		SetDefaultRegoVersion(ast.RegoV1).
		RaiseBuiltinErrors(true).
		Filter(opts.Filter)
	if opts.Coverage {
		runner = runner.SetCoverageQueryTracer(cov)
	}
	ch, err := runner.RunTests(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("run policy tests: %w", err)
	}
	report := &PolicyTestReport{}
	for r := range ch {
		report.Results = append(report.Results, r)
	}
	if opts.Coverage {
		report.Files, report.Coverage = coverageOf(cov.Report(modules), coverageScope(modules, users))
	}
	return report, nil
}

// moduleMap keys modules by the file their locations name, as cover does.
func moduleMap(b *bundle.Bundle) map[string]*ast.Module {
	out := make(map[string]*ast.Module, len(b.Modules))
	for _, m := range b.Modules {
		key := m.Path
		if m.Parsed.Package != nil && m.Parsed.Package.Location != nil {
			key = m.Parsed.Package.Location.File
		}
		out[key] = m.Parsed
	}
	return out
}

// coverageScope is the files coverage is judged on: the user modules if
// any, else every module; never tests.
func coverageScope(modules map[string]*ast.Module, users []*bundle.Bundle) []string {
	var scope []string
	for _, u := range users {
		for _, m := range u.Modules {
			scope = append(scope, m.Path)
		}
	}
	if len(scope) == 0 {
		for file := range modules {
			scope = append(scope, file)
		}
	}
	kept := scope[:0]
	for _, f := range scope {
		if !strings.HasSuffix(f, "_test.rego") {
			kept = append(kept, f)
		}
	}
	sort.Strings(kept)
	return kept
}

func coverageOf(rep cover.Report, scope []string) ([]FileCoverage, float64) {
	var files []FileCoverage
	covered, total := 0, 0
	for _, file := range scope {
		fr := rep.Files[file]
		if fr == nil {
			continue
		}
		fc := FileCoverage{File: file, Percent: fr.Coverage, Covered: fr.CoveredLines}
		for _, r := range fr.NotCovered {
			fc.NotCovered = append(fc.NotCovered, lineRange(r.Start.Row, r.End.Row))
		}
		covered += fr.CoveredLines
		total += fr.CoveredLines + fr.NotCoveredLines
		files = append(files, fc)
	}
	if total == 0 {
		return files, 100
	}
	return files, 100 * float64(covered) / float64(total)
}

func lineRange(start, end int) string {
	if start == end {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d-%d", start, end)
}
