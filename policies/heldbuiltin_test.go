package policies

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// heldHereInRego is lexicon.held_here as it was before xiaoer.held_at:
// simple_match must answer as it did.
const heldHereInRego = `package xiaoer.was.held

import data.xiaoer.lib.lexicon

held_here(h, c) if h.before[c.field][c.i]

held_here(h, c) if h.after[c.field][c.i + c.n]

held_here(h, c) if {
	ends := h.sentence[c.field]
	ends[lexicon.sentence_at(c.field, c.s).e]
}
`

// heldFields: a title of two sentences, the first with the engine's
// token indexes, the second without; a description with none.
const heldFields = `{
	"title": {
		"tokens": [{"t": "最", "s": 0, "e": 3}, {"t": "好", "s": 3, "e": 6}, {"t": "的", "s": 6, "e": 10}, {"t": "。", "s": 10, "e": 13}, {"t": "棉", "s": 13, "e": 20}],
		"sentences": [{"s": 0, "e": 13, "first": 0, "end": 4}, {"s": 13, "e": 20}]
	},
	"description": {"tokens": [{"t": "好", "s": 0, "e": 3}]}
}`

// TestHeldAtBuiltinAsRego: xiaoer.held_at holds where the Rego held_here
// held, for positions before, after and in the sentence of hits at every
// token of both fields, and for hits lacking parts or with parts that are
// no numbers (where the Rego was undefined, the builtin answers false:
// simple_match reads either as not held; where it failed, both fail).
func TestHeldAtBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, heldHereInRego,
		"x := xiaoer.held_at(input.h, input.c, input.listing.fields)", "x := data.xiaoer.was.held.held_here(input.h, input.c)")
	now, was := pqs[0], pqs[1]
	helds := []string{
		`{}`, `{"before": {"title": {2: true}}}`, `{"before": {"title": {2: false}}}`,
		`{"after": {"title": {3: true}}}`, `{"after": {"description": {1: true}}}`,
		`{"sentence": {"title": {13: true}}}`, `{"sentence": {"title": {20: true}}}`,
		`{"sentence": {"title": {1000000000: true}, "description": {1000000000: true}}}`,
		`{"before": {"title": {1: true}}, "after": {"title": {4: true}}, "sentence": {"title": {13: false}}}`,
	}
	hits := []string{`{"i": 2, "n": 1, "s": 6}`, `{"i": "2", "n": 1, "s": 6}`, `{"field": "title", "i": "2", "n": 1, "s": 6}`, `{"field": "title", "i": 2, "n": 1}`, `{"field": "title", "i": 2.0, "n": 1.0, "s": 6.0}`}
	for _, field := range []string{"title", "description", "nowhere"} {
		for i := 0; i <= 4; i++ {
			for n := 1; n <= 2; n++ {
				for _, s := range []int{0, 6, 13, 19, 25} {
					hits = append(hits, fmt.Sprintf(`{"field": %q, "i": %d, "n": %d, "s": %d}`, field, i, n, s))
				}
			}
		}
	}
	held := 0
	for _, h := range helds {
		for _, c := range hits {
			input := ast.MustParseTerm(`{"h": ` + h + `, "c": ` + c + `, "listing": {"fields": ` + heldFields + `}}`).Value
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if want == "undefined" {
				want = "false"
			}
			if got != want {
				t.Errorf("held_at(%s, %s) = %s, want %s", h, c, got, want)
			}
			if want == "true" {
				held++
			}
		}
	}
	if held < 20 {
		t.Errorf("the positions held around %d hits: want more", held)
	}
}

// TestHeldNamesBuiltinAsRego: lexicon.may_hold, which xiaoer.held_names
// answers where the engine's held is given, lists the names the Rego's
// comprehension listed, in their order, for names held, held as false,
// absent, and tables held has no entry for.
func TestHeldNamesBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, `package xiaoer.was.names

may_hold(table, names) := [name | some name in names; input.listing.lexicon.held[table][name]]
`, "x := data.xiaoer.lib.lexicon.may_hold(input.table, input.names)", "x := data.xiaoer.was.names.may_hold(input.table, input.names)")
	now, was := pqs[0], pqs[1]
	held := `{"ads": {"grade": {"before": {}}, "self": false, "goal": {}, "region": {"sentence": {"title": {9: true}}}}}`
	for _, table := range []string{"ads", "other"} {
		for _, names := range []string{`[]`, `["grade"]`, `["self", "grade", "x", "region", "goal"]`, `["region", "grade", "grade"]`, `{"goal", "grade", "self"}`} {
			input := ast.MustParseTerm(fmt.Sprintf(`{"table": %q, "names": %s, "listing": {"lexicon": {"held": %s}}}`, table, names, held)).Value
			if got, want := answer(ctx, now, input), answer(ctx, was, input); got != want {
				t.Errorf("may_hold(%q, %s) = %s, want %s", table, names, got, want)
			}
		}
	}
}
