package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

// stage is one step of a scan and the time it took over all pages.
type stage struct {
	name string
	took time.Duration
}

// breakdown times each step of a scan over the pages in dir, one page at a
// time (no parallelism, so the times add up): parsing, facts, the input
// document's conversion, and each rule's evaluation on its own. It tells
// where the scan's time goes when it is far from the floor.
func breakdown(dir string) error {
	files, err := pageFiles(dir)
	if err != nil {
		return err
	}
	tk, err := tokenizer.Shared()
	if err != nil {
		return err
	}
	engine, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		return err
	}
	var parse, build, convert time.Duration
	var inputs []ast.Value
	b := &facts.Builder{Tokenizer: tk, Dodges: engine.Dodges()}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		t := time.Now()
		l, err := listings.ParseHTML(f, raw)
		parse += time.Since(t)
		if err != nil {
			continue
		}
		t = time.Now()
		doc := b.Build(l)
		build += time.Since(t)
		t = time.Now()
		v, err := engine.Input(doc)
		convert += time.Since(t)
		if err != nil {
			return err
		}
		inputs = append(inputs, v)
	}
	stages := []stage{{"parse + extract", parse}, {"facts", build}, {"document → AST", convert}}
	rules, err := ruleStages(inputs)
	if err != nil {
		return err
	}
	printStages(append(stages, rules...), len(files))
	return nil
}

// ruleStages evaluates every rule package's findings, and the whole entry
// point, over the inputs.
func ruleStages(inputs []ast.Value) ([]stage, error) {
	ctx := context.Background()
	b, err := policies.Embedded()
	if err != nil {
		return nil, err
	}
	// The index of context words is built once per document and shared by
	// the word-list rules; timed alone it shows what that sharing costs.
	queries := []string{"data.xiaoer.main.findings", "data.xiaoer.lib.lexicon.context_at"}
	for _, m := range b.Modules {
		p := m.Parsed.Package.Path.String()
		if strings.HasPrefix(p, "data.xiaoer.rules.") && !slices.Contains(queries, p+".findings") {
			queries = append(queries, p+".findings")
		}
	}
	var out []stage
	for _, q := range queries {
		pq, err := rego.New(rego.Query(q), rego.ParsedBundle("xiaoer", b), rego.Capabilities(engine.SafeCapabilities()),
			rego.SetRegoVersion(ast.RegoV1)).PrepareForEval(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", q, err)
		}
		start := time.Now()
		for _, in := range inputs {
			if _, err := pq.Eval(ctx, rego.EvalParsedInput(in)); err != nil {
				return nil, fmt.Errorf("%s: %w", q, err)
			}
		}
		name := strings.TrimSuffix(strings.TrimPrefix(q, "data.xiaoer.rules."), ".findings")
		switch q {
		case queries[0]:
			name = "policies (all rules)"
		case queries[1]:
			name = "  of which the context index"
		}
		out = append(out, stage{name, time.Since(start)})
	}
	slices.SortStableFunc(out[2:], func(a, b stage) int { return int(b.took - a.took) })
	return out, nil
}

func printStages(stages []stage, pages int) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "step\tms/page\n")
	for _, s := range stages {
		fmt.Fprintf(tw, "%s\t%.2f\n", s.name, float64(s.took.Microseconds())/1000/float64(max(pages, 1)))
	}
	tw.Flush()
}

// breakdownMain generates pages and prints the breakdown (-breakdown N).
func breakdownMain(o options, n int) error {
	templates, err := loadTemplates(o.pages)
	if err != nil {
		return err
	}
	dir, _, err := generate(templates, n, o.seed, o.padKB)
	if err != nil {
		return err
	}
	defer os.RemoveAll(filepath.Clean(dir))
	return breakdown(dir)
}
