package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// TestPlainUnsourcedFindingsAsRego: where xiaoer.plain_unsourced_findings
// answers in a listing without names (lexicon.unexempting: ad-unsourced-
// claim's findings ask it there first), plain_claims
// holds and it gives walked_findings (the Rego every document built by
// hand takes); where a hit's field has a figure with a period unit
// (2023年销量第一) it leaves the listing to the bodies after it, as it
// does where ad-medical-claim is not skipped (so, every document of the
// engine with no skip list, which the test of unsourced_findings takes).
func TestPlainUnsourcedFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.ad_unsourced_claim."
	c := checker(t)
	direct := packQuery(t, "data.xiaoer.lib.lexicon.unexempting; x := xiaoer.plain_unsourced_findings("+rule+"meta, "+rule+"hits, "+rule+"figures, data.tables.ad_evidence.period_units, "+rule+"message_format, input)")
	walked := packQuery(t, "x := "+rule+"walked_findings")
	plain := packQuery(t, "x := "+rule+"plain_claims")
	periodFigure := packQuery(t, `x := [h | some h in `+rule+`hits; some num in `+rule+`figures; num.field == h.field; data.tables.ad_evidence.period_units[num.unit]]`)
	engine := c.Engine.withExposures(context.Background())
	ls := append(claimListings(), stemListings(t)...)
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		ls = append(ls, labelledListings(t)...)
	}
	answered, left := 0, 0
	for _, l := range ls {
		in, err := c.Engine.Input(c.Builder.Build(l)) // skip as the gate has it
		if err != nil {
			t.Fatal(err)
		}
		got := answerIn(t, engine, direct, in)
		if got == nil {
			if answerIn(t, engine, plain, in) != nil && nonEmpty(answerIn(t, engine, periodFigure, in)) {
				left++
			}
			continue
		}
		want := answerIn(t, engine, walked, in)
		if answerIn(t, engine, plain, in) == nil || want == nil || ast.Compare(got, want) != 0 {
			t.Fatalf("%s %s %q: plain_unsourced_findings %v, walked %v", l.Source, l.ID, l.Title, got, want)
		}
		if want.(*ast.Array).Len() > 0 {
			answered++
		}
		if by := answerIn(t, context.Background(), direct, in); by != nil {
			t.Fatalf("%s %s: answered without Exposures: %v", l.Source, l.ID, by)
		}
	}
	if answered < 20 || left < 2 {
		t.Errorf("%d listings with findings answered, %d plain ones with a period unit left to Rego: want more", answered, left)
	}
	t.Logf("%d listings with findings answered, %d left to Rego for a period unit", answered, left)
}

// nonEmpty: v is an array with members.
func nonEmpty(v ast.Value) bool {
	a, ok := v.(*ast.Array)
	return ok && a.Len() > 0
}
