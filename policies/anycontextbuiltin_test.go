package policies

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"
)

// holdsAnyWalked is lexicon.holds_any as the rules asked it before
// xiaoer.any_in_context: in_context for each name may_hold keeps.
const holdsAnyWalked = `package xiaoer.was.anycontext

import data.xiaoer.lib.lexicon

holds_any(table, names, c) := true if {
	some name in lexicon.may_hold(table, names)
	lexicon.in_context(table, name, c)
} else := false
`

// TestHoldsAnyAsWalked: lexicon.holds_any, which xiaoer.any_in_context
// answers on documents with held, answers as the walk of the names did,
// for lists of plain, conjunct and cancelled contexts of ad-absolute held
// or not (contextHelds) around hits at and beside the held token and
// hits lacking parts or with offsets that are no numbers, and for a
// restated context of ad-medical-claim whose word lies in another field
// (left to the Rego) beside one that holds or not.
func TestHoldsAnyAsWalked(t *testing.T) {
	t.Parallel()
	pqs := prepareBeside(t, holdsAnyWalked,
		"x := data.xiaoer.lib.lexicon.holds_any(input.table, input.names, input.c)",
		"x := data.xiaoer.was.anycontext.holds_any(input.table, input.names, input.c)",
		"x := xiaoer.any_in_context(input.listing.lexicon, input.table, input.names, input.c, data.tables[input.table].contexts, input.listing.fields)")
	fields, hits := contextFields, contextHits
	lists := []string{`[]`, `["best_claim"]`, `["nope", "goal"]`, `["goal", "self_comparison", "best_claim"]`, `{"self_comparison", "nope"}`}
	cases := map[string]int{}
	for _, held := range contextHelds {
		for _, names := range lists {
			for _, c := range hits {
				h := fmt.Sprintf(`{"ad_absolute": %s}`, held)
				cases[compareHoldsAny(t, pqs, "ad_absolute", names, c, h, `{}`, fields)]++
			}
		}
	}
	// 抗菌 in the title, restated in the description: the builtin leaves
	// it, unless another name holds.
	found := `{"ad_medical_claim": {"words": [{"field": "description", "i": 0, "n": 1, "key": "抗菌"}]}}`
	c := `{"field": "title", "i": 0, "n": 1, "s": 0, "key": "抗菌"}`
	for _, held := range []string{`{"tested_standard": {}}`, `{"tested_standard": {}, "nope": {"before": {"title": {0: true}}}}`} {
		for _, names := range []string{`["tested_standard"]`, `["tested_standard", "nope"]`} {
			cases[compareHoldsAny(t, pqs, "ad_medical_claim", names, c, fmt.Sprintf(`{"ad_medical_claim": %s}`, held), found, fields)]++
		}
	}
	if cases["true"] < 8 || cases["false"] < 40 || cases["error"] < 4 || cases["left"] < 1 {
		t.Errorf("answers %v: want more of each", cases)
	}
}

// compareHoldsAny compares the two holds_any answers on one document and
// says what the builtin itself answered (left: undefined).
func compareHoldsAny(t *testing.T, pqs []rego.PreparedEvalQuery, table, names, c, held, found, fields string) string {
	t.Helper()
	input := contextInput(table, "names", names, c, held, found, fields)
	ctx := context.Background()
	got, want := answer(ctx, pqs[0], input), answer(ctx, pqs[1], input)
	if got != want {
		t.Errorf("holds_any(%s, %s, %s) with held %s = %s, want %s", table, names, c, held, got, want)
	}
	if b := answer(ctx, pqs[2], input); b == "undefined" && want != "error" {
		return "left"
	}
	return want
}
