package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestListQueriesJudgeAsMainRego: a judged listing evaluated through the
// query of its rule list (listquery.go) gets what main.rego's findings
// give for the same input, in the same order, over the fixtures and the
// corpus titles (or the labelled cases); and the lists are prepared, not
// left to main.rego.
func TestListQueriesJudgeAsMainRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	j := checker(t)
	judged, found := 0, 0
	for _, l := range stemListings(t) {
		doc := j.Builder.Build(l)
		skip, none := e.Skipped(doc)
		if none {
			continue
		}
		input, err := e.input(doc, skip)
		if err != nil {
			t.Fatal(err)
		}
		for range listQueryAfter - 1 {
			e.ruleQueries.forInput(ctx, input) // a list is prepared at its 16th use
		}
		if e.ruleQueries.forInput(ctx, input) == nil {
			t.Fatalf("%s %s: no query prepared for its rule list", l.Source, l.ID)
		}
		got, err := e.evalFindings(ctx, input)
		want, errMain := e.evalQueryDecoded(ctx, e.findings, input)
		if g, w := asJSON(t, got, err), asJSON(t, want, errMain); g != w {
			t.Fatalf("%s %s: findings differ from main.rego's\n list: %s\n main: %s", l.Source, l.ID, g, w)
		}
		judged++
		found += len(got)
	}
	lists := len(e.ruleQueries.listings.byRules)
	t.Logf("%d listings judged, %d findings, %d rule lists", judged, found, lists)
	if judged < 100 || found < 100 || lists < 5 {
		t.Errorf("%d listings judged, %d findings, %d lists: too few to prove anything", judged, found, lists)
	}
}

// TestListQueryAtItsUse: a list's query is prepared at its listQueryAfter-th
// use, not before (main.rego judges it until then), and kept.
func TestListQueryAtItsUse(t *testing.T) {
	ctx := context.Background()
	e, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	input := ast.NewObject(ast.Item(keyKind, ast.StringTerm("listing")), ast.Item(keyRules, ast.ArrayTerm(ast.StringTerm("ad_absolute"))))
	for n := 1; n < listQueryAfter; n++ {
		if e.ruleQueries.forInput(ctx, input) != nil {
			t.Fatalf("use %d: prepared before use %d", n, listQueryAfter)
		}
	}
	lq := e.ruleQueries.forInput(ctx, input)
	if lq == nil || e.ruleQueries.forInput(ctx, input) != lq {
		t.Fatalf("use %d: %v, then another: want one query prepared and kept", listQueryAfter, lq)
	}
}
