package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The tables answer a rule asking for the punitive claim and one entry,
// on a hit without platform figures (exposure_of's second and third
// bodies), as the Rego does; other shapes are left to the Rego.
// TestExposureMemoAnswersAsRego holds every shape to the Rego's answer.
func TestPunitiveTablesAnswerUsualShapes(t *testing.T) {
	c := checker(t)
	ctx := context.Background()
	m, err := newExposureMemo(ctx, c.Engine.ruleQueries.base)
	if err != nil {
		t.Fatal(err)
	}
	if m.tables == nil {
		t.Fatal("the exposure tables were not read")
	}
	bctx := topdown.BuiltinContext{Context: ctx}
	in := ast.MustParseTerm(`{"kind": "listing", "listing": {"price": {"amount": 243.00}, "category": "休闲零食"}}`)
	reads := readsOf(in)
	empty := ast.MustParseTerm(`{}`)
	for _, x := range []string{`{"punitive": true, "fine": "ad_law_57"}`, `{"punitive": true, "points": "misdescription_material"}`} {
		xt := ast.MustParseTerm(x)
		got, ok := m.tables.exposure(bctx, xt, empty, reads)
		if !ok {
			t.Fatalf("%s: left to the Rego", x)
		}
		want, err := m.eval(bctx, &exposureAnswer{x: xt, hit: empty, reads: reads})
		if err != nil || got.String() != want.String() {
			t.Fatalf("%s:\ntables %v\nrego   %v (%v)", x, got, want, err)
		}
		if cny := got.Value.(ast.Object).Get(ast.StringTerm("punitive_cny")); cny.String() != "2430" {
			t.Fatalf("%s: punitive claim %v at 243.00 in a food category", x, cny)
		}
	}
	for _, x := range []string{`{"punitive": "yes", "fine": "ad_law_57"}`, `{"punitive": true, "fine": "ad_law_57", "points": "breach_promise"}`, `{"punitive": true}`} {
		if _, ok := m.tables.exposure(bctx, ast.MustParseTerm(x), empty, reads); ok {
			t.Fatalf("%s: answered, but it is not a shape the tables know", x)
		}
	}
	hit := ast.MustParseTerm(`{"platform_cny": 5}`)
	if _, ok := m.tables.exposure(bctx, ast.MustParseTerm(`{"punitive": true, "fine": "ad_law_57"}`), hit, reads); ok {
		t.Fatal("answered a hit with platform figures")
	}
	if _, ok := m.tables.exposure(bctx, ast.MustParseTerm(`{"punitive": true, "fine": "ad_law_57"}`), empty, readsOf(ast.MustParseTerm(`{"kind": "listing", "listing": {"category": 7}}`))); ok {
		t.Fatal("answered a category contains() would err on")
	}
}
