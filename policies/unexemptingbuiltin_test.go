package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestPlainListingAsNameless: xiaoer.plain_listing holds exactly where the
// Rego's usual case of unexempting (nameless, no negated_scope, held)
// does on the engine's documents, and unexempting answers the same with
// it: a brand attribute, a run of a names lexicon, a negation, no held
// and names in the config each make it false.
func TestPlainListingAsNameless(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	builtin := `x := xiaoer.plain_listing(input.listing, data.tables.registered_names)`
	rego := `x := [true | data.xiaoer.lib.lexicon.nameless; not input.listing.lexicon.held.negation.negated_scope; input.listing.lexicon.held] != []`
	unexempting := `x := [true | data.xiaoer.lib.lexicon.unexempting] != []`
	config := ` with data.config.registered_names as {"至尊宝": {}}`
	cases := []struct {
		name, listing, with string
		plain, unexempting  bool
	}{
		{"plain", `{"lexicon": {"found": {}, "held": {}}}`, "", true, true},
		{"other attribute", `{"attributes": [{"name": "颜色", "value": "红"}], "lexicon": {"found": {}, "held": {}}}`, "", true, true},
		{"brand attribute", `{"attributes": [{"name": "品牌", "value": "洁丽雅"}], "lexicon": {"found": {}, "held": {}}}`, "", false, false},
		{"title mark", `{"lexicon": {"found": {"registered_names": {"title_marks": [{"field": "title", "i": 0, "n": 1, "key": "《"}]}}, "held": {}}}`, "", false, false},
		{"negation", `{"lexicon": {"found": {}, "held": {"negation": {"negated_scope": {"before": {}}}}}}`, "", false, false},
		{"no held", `{"lexicon": {"found": {}}}`, "", false, false},
		{"names in the config", `{"lexicon": {"found": {}, "held": {}}}`, config, true, false},
	}
	for _, c := range cases {
		pqs := prepareBeside(t, "", builtin, rego+c.with, unexempting+c.with)
		input := ast.MustParseTerm(`{"kind": "listing", "listing": ` + c.listing + `}`).Value
		got, usual, unexempt := answer(ctx, pqs[0], input), answer(ctx, pqs[1], input), answer(ctx, pqs[2], input)
		if want := ast.BooleanTerm(c.plain).String(); got != want || (c.with == "" && usual != want) {
			t.Errorf("%s: xiaoer.plain_listing = %s, the Rego's usual case %s; want %s", c.name, got, usual, want)
		}
		if want := ast.BooleanTerm(c.unexempting).String(); unexempt != want {
			t.Errorf("%s: unexempting %s; want %s", c.name, unexempt, want)
		}
	}
}
