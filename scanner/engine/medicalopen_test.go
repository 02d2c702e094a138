package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// medicalOpenQuery asks, of one document, xiaoer.medical_open (none where
// it is undefined), the hits open_hits keeps with it, those exempt keeps
// in Rego (its fallback) and the rule's hits, side by side.
const medicalOpenQuery = `x := [
	[o | o := xiaoer.medical_open(data.xiaoer.rules.ad_medical_claim.hits, input.listing.lexicon,
		data.tables.ad_medical_claim.contexts, input.listing.fields)],
	data.xiaoer.rules.ad_medical_claim.open_hits,
	{c | some c in data.xiaoer.rules.ad_medical_claim.hits; not data.xiaoer.rules.ad_medical_claim.exempt(c)},
	data.xiaoer.rules.ad_medical_claim.hits,
]`

// TestMedicalOpenAsRego: on the engine's documents of every fixture,
// corpus title (or labelled text without the corpus) and labelled text,
// each with several categories, xiaoer.medical_open answers, and the
// open hits it gives are those exempt leaves in Rego, on documents where
// an allow context exempts a hit too.
func TestMedicalOpenAsRego(t *testing.T) {
	ctx := context.Background()
	pq := packQuery(t, medicalOpenQuery)
	asAST := rego.EvalGenerateJSON(func(t *ast.Term, _ *rego.EvalContext) (any, error) { return t.Value, nil })
	hit, exempted, unanswered := 0, 0, 0
	eachMedicalDocument(t, func(l *listings.Listing, in ast.Value) {
		rs, err := pq.Eval(ctx, rego.EvalParsedInput(in), asAST)
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v, %d answers", l.Title, err, len(rs))
		}
		x := rs[0].Bindings["x"].(*ast.Array)
		builtin, got, want, hits := x.Elem(0).Value.(*ast.Array), x.Elem(1).Value, x.Elem(2).Value, x.Elem(3).Value.(ast.Set)
		if got.Compare(want) != 0 {
			t.Errorf("%s (category %q): open_hits %v, exempt leaves %v", l.Title, l.Category, got, want)
		}
		if hits.Len() == 0 {
			return
		}
		hit++
		if builtin.Len() == 0 {
			unanswered++
		} else if builtin.Elem(0).Value.(ast.Set).Len() < hits.Len() {
			exempted++
		}
	})
	if hit < 100 || unanswered > hit/50 || exempted < 5 {
		t.Errorf("%d documents with hits, %d unanswered, %d with a hit an allow context exempts: want more", hit, unanswered, exempted)
	}
	t.Logf("%d documents with hits, %d with a hit an allow context exempts, %d left to the Rego", hit, exempted, unanswered)
}
