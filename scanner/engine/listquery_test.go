package engine

import (
	"context"
	"testing"
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
