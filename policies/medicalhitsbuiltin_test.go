package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// medicalHitsListing is 治疗|感冒 with the engine's found run of 感冒 (a
// word that needs its partner context claim_partner) and held, whose
// claim_partner holds before it; heldJSON replaces held ("" leaves it out).
func medicalHitsListing(t *testing.T, heldJSON, found string) ast.Value {
	t.Helper()
	lexicon := `"found": ` + found
	if heldJSON != "" {
		lexicon += `, "held": ` + heldJSON
	}
	return ast.MustParseTerm(`{"kind": "listing", "listing": {"fields": {"title": {"text": "治疗感冒",
		"tokens": [{"t": "治疗", "s": 0, "e": 6}, {"t": "感冒", "s": 6, "e": 12}]}},
		"lexicon": {` + lexicon + `}}}`).Value
}

const coldFound = `{"ad_medical_claim": {"words": [{"field": "title", "i": 1, "n": 1, "key": "感冒"}]}}`

// TestMedicalHitsLeavesToRego: xiaoer.medical_hits answers the Rego's
// hits where the partner context holds or the engine's held has none of
// it, and is undefined (the rule works the hits out in Rego) without
// held, with found no object, and where the partner context is restated,
// a conjunction or cancelled (held alone does not answer those).
func TestMedicalHitsLeavesToRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	partner := `data.tables.ad_medical_claim.contexts.claim_partner`
	builtin := `x := xiaoer.medical_hits(input.listing, data.tables.ad_medical_claim, set(), data.xiaoer.lib.lexicon.boundaries)`
	rego := `x := {c | some c in data.xiaoer.lib.lexicon.longest(data.xiaoer.rules.ad_medical_claim.candidates); not c.entry.name}`
	holds := `{"ad_medical_claim": {"claim_partner": {"before": {"title": {1}}}}}`
	cases := []struct {
		name, held, found, with string
		answers                 bool
		hits                    int // -1: the Rego errs
	}{
		{"partner before", holds, coldFound, "", true, 1},
		{"partner elsewhere", `{"ad_medical_claim": {"claim_partner": {"before": {"title": {0}}}}}`, coldFound, "", true, 0},
		{"no partner word", `{"ad_medical_claim": {}}`, coldFound, "", true, 0},
		{"no held", "", coldFound, "", false, 1},
		{"found no object", holds, `[]`, "", false, -1},
		{"restated", holds, coldFound, ` with ` + partner + `.restated as true`, false, 1},
		{"conjunction", holds, coldFound, ` with ` + partner + `.all as ["claim_partner"]`, false, 1},
	}
	for _, c := range cases {
		pqs := prepareBeside(t, "", builtin+c.with, rego+c.with)
		input := medicalHitsListing(t, c.held, c.found)
		got, want := answer(ctx, pqs[0], input), answer(ctx, pqs[1], input)
		if !c.answers {
			if got != "undefined" {
				t.Errorf("%s: xiaoer.medical_hits = %s; want undefined", c.name, got)
			}
		} else if got != want {
			t.Errorf("%s: xiaoer.medical_hits = %s; want the Rego's %s", c.name, got, want)
		}
		if c.hits < 0 { // the Rego errs
			if want != "error" {
				t.Errorf("%s: the Rego's hits are %s; want an error", c.name, want)
			}
			continue
		}
		if want == "undefined" || want == "error" {
			t.Fatalf("%s: the Rego's hits are %s", c.name, want)
		}
		if n := ast.MustParseTerm(want).Value.(ast.Set).Len(); n != c.hits {
			t.Errorf("%s: the Rego has %d hits (%s); want %d", c.name, n, want, c.hits)
		}
	}
}
