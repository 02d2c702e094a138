package engine

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// The engine wraps shipping-fake's and shipping-late's hits in Go
// (shiphits.go). On varied orders of every shape (platforms with fixed and
// percent compensation, unstated promises, no carrier, tracking of every
// kind), each order's wrapped findings must be, byte for byte as JSON,
// what the rules' own findings query gives.
func TestWrappedHitsAreTheRulesFindings(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if e.ruleQueries.hits["shipping_fake"] == nil || e.ruleQueries.hits["shipping_late"] == nil {
		t.Fatalf("hit rules %v: want shipping_fake and shipping_late wrapped", e.ruleQueries.hits)
	}
	wrapped, found := 0, 0
	for input := range variedInputs(t, e, 800) {
		lq := e.ruleQueries.forInput(ctx, input)
		if lq == nil {
			t.Fatal("no query prepared for a shipment's rule list")
		}
		got, ok, err := e.evalWrapped(ctx, lq, input)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			continue
		}
		wrapped++
		found += len(got)
		var answer ast.Value
		if err := e.evalBounded(ctx, lq.findings, &answer, input); err != nil {
			t.Fatal(err)
		}
		want, ok := findingsFromAST(answer)
		if !ok {
			t.Fatalf("the rules' findings are not the plain shape: %v", answer)
		}
		if g, w := asJSON(t, got, nil), asJSON(t, want, nil); g != w {
			t.Errorf("wrapped hits differ from the rules' findings\nwrapped: %s\n  rules: %s", g, w)
		}
	}
	t.Logf("%d orders wrapped, %d findings", wrapped, found)
	if wrapped < 500 || found < wrapped {
		t.Errorf("%d orders wrapped with %d findings: want most orders, a finding each at least", wrapped, found)
	}
}

// Exposure tables with an entry under "" take the findings through
// lib.exposure (here an unconfirmed points entry makes every figure
// unconfirmed): nothing is wrapped, and the findings are those of every
// rule evaluated through main.rego.
func TestPricedExposureIsNotWrapped(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "points.json")
	raw := `{"tables": {"exposure": {"points": {"": {"points": 2, "basis": "每单扣2分", "confirmed": false}}}}}`
	if err := os.WriteFile(path, []byte(raw), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := LoadDataFile(path)
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(ctx, Options{Bundles: []*bundle.Bundle{data}})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.ruleQueries.hits) != 0 {
		t.Fatalf("priced exposure, yet rules wrapped in Go: %v", e.ruleQueries.hits)
	}
	all, err := New(ctx, Options{Bundles: []*bundle.Bundle{data}, EvaluateAll: true})
	if err != nil {
		t.Fatal(err)
	}
	found, confirmed := 0, 0
	for input := range variedInputs(t, e, 200) {
		got, err := e.evalDecoded(ctx, input)
		var answer ast.Value
		if errAll := all.evalBounded(ctx, all.findings, &answer, input); errAll != nil {
			t.Fatal(errAll)
		}
		want, _ := findingsFromAST(answer)
		if g, w := asJSON(t, got, err), asJSON(t, want, nil); g != w {
			t.Errorf("findings differ from main.rego's\n got: %s\nwant: %s", g, w)
		}
		for _, f := range got {
			found++
			if f.Exposure.Confirmed {
				confirmed++
			}
		}
	}
	if found == 0 || confirmed > 0 {
		t.Errorf("%d findings, %d of them confirmed: want some, none confirmed (the data did not reach the rules)", found, confirmed)
	}
}

// variedInputs yields the policy input of n varied orders
// (writeVariedOrders), as the engine evaluates them.
func variedInputs(t *testing.T, e *Engine, n int) func(func(ast.Value) bool) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "orders.json")
	writeVariedOrders(t, path, n)
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: path, Kind: shipments.InputOrdersJSON}}, shipments.Options{Now: now})
	return func(yield func(ast.Value) bool) {
		for it := range src.Items(context.Background()) {
			if it.Err != nil {
				t.Fatalf("%s:%d: %v", it.Source, it.Line, it.Err)
			}
			if _, none := e.Skipped(it.Doc); none {
				continue
			}
			input, err := e.Input(it.Doc)
			if err != nil {
				t.Fatal(err)
			}
			if !yield(input) {
				return
			}
		}
	}
}
