package scanner

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/profiler"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// Throwaway: profile policy evaluation on a fixture page.
func TestZZProfile(t *testing.T) {
	page := os.Getenv("ZZ_PAGE")
	if page == "" {
		t.Skip()
	}
	raw, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := ParseInput(page, raw)
	if err != nil {
		t.Fatal(err)
	}
	c := checker(t)
	doc := c.Builder.Build(ls[0])
	input, err := c.Engine.Input(doc)
	if err != nil {
		t.Fatal(err)
	}
	iv, _ := ast.JSON(input)
	js, _ := json.Marshal(iv)
	os.WriteFile("/tmp/zz_input.json", js, 0o644)
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	prof := profiler.New()
	pq, err := rego.New(rego.Query("data.xiaoer.main.findings"), rego.ParsedBundle("xiaoer", b),
		rego.SetRegoVersion(ast.RegoV1)).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for range 200 {
		if _, err := pq.Eval(context.Background(), rego.EvalParsedInput(input), rego.EvalQueryTracer(prof)); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range prof.ReportTopNResults(400, []string{"total_time_ns"}) {
		t.Logf("%8.2fms %6d evals %6d redo %s:%d", float64(r.ExprTimeNs)/1e6/200, r.NumEval/200, r.NumRedo/200, r.Location.File, r.Location.Row)
	}
}
