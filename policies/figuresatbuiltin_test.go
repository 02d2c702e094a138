package policies

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// figuresAtInRego is the walk from a rate word of ad-unsourced-claim as
// it was before xiaoer.figures_at: the figures of field name starting in
// tokens a..b, in the clause of token a.
const figuresAtInRego = `package xiaoer.was.rates

import data.xiaoer.lib.lexicon
import data.xiaoer.rules.ad_unsourced_claim as u

figures_at(name, a, b) := {[first, num] |
	some num in u.figures
	num.field == name
	first := lexicon.figure_first(num)
	first >= a
	first <= b
	not lexicon.boundary_between(name, a, first - 1)
}
`

// TestFiguresAtBuiltinAsRego: the figures in reach are the ones the Rego
// found, for every range of up to eight tokens (and empty ones) over the
// fields of countListing (numbersatbuiltin_test.go), and a field the
// listing lacks.
func TestFiguresAtBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, figuresAtInRego,
		`x := {f | some f in xiaoer.figures_at(input.listing.fields, input.name, data.xiaoer.rules.ad_unsourced_claim.figures, input.a, input.b, data.xiaoer.lib.lexicon.boundaries)}`,
		"x := data.xiaoer.was.rates.figures_at(input.name, input.a, input.b)")
	now, was := pqs[0], pqs[1]
	found := 0
	for _, name := range []string{"title", "description", "attributes", "nowhere"} {
		for a := -2; a <= 30; a++ {
			for b := a - 1; b <= a+7; b++ {
				input := ast.MustParseTerm(fmt.Sprintf(`{"name": %q, "a": %d, "b": %d, "listing": %s}`, name, a, b, countListing)).Value
				got, want := answer(ctx, now, input), answer(ctx, was, input)
				if got != want {
					t.Errorf("figures of %s in %d..%d = %s, want %s", name, a, b, got, want)
				}
				if want != "set()" {
					found++
				}
			}
		}
	}
	if found < 40 {
		t.Errorf("only %d ranges hold figures: the listing tests too little", found)
	}
}
