package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// medicalHitsQuery asks, of one document, xiaoer.medical_hits (none
// where it is undefined) and the hits ad_medical_claim works out in Rego
// (its fallback), side by side.
const medicalHitsQuery = `x := [
	[h | h := xiaoer.medical_hits(input.listing, data.tables.ad_medical_claim,
		data.xiaoer.rules.ad_medical_claim.judged_as, data.xiaoer.lib.lexicon.boundaries)],
	{c | some c in data.xiaoer.lib.lexicon.longest(data.xiaoer.rules.ad_medical_claim.candidates); not c.entry.name},
]`

// TestMedicalHitsAsRego: on the engine's documents of every fixture,
// corpus title (or labelled text without the corpus) and labelled text,
// each with several categories, xiaoer.medical_hits answers, and answers
// the hits the rule's candidates give in Rego.
func TestMedicalHitsAsRego(t *testing.T) {
	ctx := context.Background()
	pq := packQuery(t, medicalHitsQuery)
	asAST := rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil })
	hit, unanswered := 0, 0
	eachMedicalDocument(t, func(l *listings.Listing, in ast.Value) {
		rs, err := pq.Eval(ctx, rego.EvalParsedInput(in), asAST)
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v, %d answers", l.Title, err, len(rs))
		}
		pair := rs[0].Bindings["x"].(*ast.Array)
		builtin, want := pair.Elem(0).Value.(*ast.Array), pair.Elem(1).Value
		if builtin.Len() == 0 {
			unanswered++
			return
		}
		if got := builtin.Elem(0).Value; got.Compare(want) != 0 {
			t.Errorf("%s (category %q): xiaoer.medical_hits %v, the Rego's hits %v", l.Title, l.Category, got, want)
		}
		if want.(ast.Set).Len() > 0 {
			hit++
		}
	})
	if hit < 100 || unanswered > hit/50 {
		t.Errorf("%d documents with hits, %d unanswered: want more answered hits", hit, unanswered)
	}
	t.Logf("%d documents with hits, %d left to the Rego", hit, unanswered)
}
