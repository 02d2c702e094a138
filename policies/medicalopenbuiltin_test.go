package policies

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// medicalOpenInput is 不含|感冒 with a hit of 感冒 (token 1) whose entry
// allows allow, the engine's held and found (runs of words, here or in
// the description too).
func medicalOpenInput(allow, held, words string) ast.Value {
	hit := `{"field": "title", "i": 1, "n": 1, "s": 6, "e": 12, "key": "感冒", "word": "感冒",
		"entry": {"kind": "disease", "allow": ` + allow + `}}`
	return ast.MustParseTerm(`{"kind": "listing", "hits": {` + hit + `}, "listing": {"fields": {
		"title": {"text": "不含感冒", "tokens": [{"t": "不含", "s": 0, "e": 6}, {"t": "感冒", "s": 6, "e": 12}]},
		"description": {"text": "感冒", "tokens": [{"t": "感冒", "s": 0, "e": 6}]}},
		"lexicon": {"found": {"ad_medical_claim": {"words": ` + words + `}}, "held": {"ad_medical_claim": ` + held + `}}}}`).Value
}

// TestMedicalOpenLeavesToRego: xiaoer.medical_open leaves the hits exempt
// leaves in Rego where a context holds, is cancelled (unless), is held
// nowhere or is a conjunction whose parts hold (heldContexts answers
// conjunctions since xiaoer.in_context), and is undefined (exempt decides
// in Rego) for a context restated in another field and an allow that is
// no array.
func TestMedicalOpenLeavesToRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	builtin := `x := xiaoer.medical_open(input.hits, input.listing.lexicon, data.tables.ad_medical_claim.contexts, input.listing.fields)`
	rego := `x := {c | some c in input.hits; not data.xiaoer.rules.ad_medical_claim.exempt(c)}`
	title := `[{"field": "title", "i": 1, "n": 1, "key": "感冒"}]`
	restated := `[{"field": "title", "i": 1, "n": 1, "key": "感冒"}, {"field": "description", "i": 0, "n": 1, "key": "感冒"}]`
	negated := `"negated": {"before": {"title": {1}}}`
	cases := []struct {
		name, allow, held, words, with string
		answers                        bool
		open                           int // -1: the Rego errs
	}{
		{"negated", `[]`, `{` + negated + `}`, title, "", true, 0},
		{"negation cancelled", `[]`, `{` + negated + `, "kind_denial": {"before": {"title": {1}}}}`, title, "", true, 1},
		{"held nowhere", `["purpose"]`, `{}`, title, "", true, 1},
		{"restated, not elsewhere", `["tested_standard"]`, `{"tested_standard": {}}`, title, "", true, 1},
		{"restated elsewhere", `["tested_standard"]`, `{"tested_standard": {}}`, restated, "", false, 1},
		{"conjunction", `[]`, `{` + negated + `}`, title, ` with data.tables.ad_medical_claim.contexts.negated.all as ["negated"]`, true, 0},
		{"allow no array", `"purpose"`, `{}`, title, "", false, -1},
	}
	for _, c := range cases {
		pqs := prepareBeside(t, "", builtin+c.with, rego+c.with)
		input := medicalOpenInput(c.allow, c.held, c.words)
		got, want := answer(ctx, pqs[0], input), answer(ctx, pqs[1], input)
		switch {
		case !c.answers && got != "undefined":
			t.Errorf("%s: xiaoer.medical_open = %s; want undefined", c.name, got)
		case c.answers && got != want:
			t.Errorf("%s: xiaoer.medical_open = %s; want the Rego's %s", c.name, got, want)
		}
		if c.open < 0 {
			if want != "error" {
				t.Errorf("%s: the Rego's open hits are %s; want an error", c.name, want)
			}
			continue
		}
		if n := strings.Count(want, `"key"`); want == "error" || want == "undefined" || n != c.open {
			t.Errorf("%s: the Rego's open hits are %s; want %d", c.name, want, c.open)
		}
	}
}
