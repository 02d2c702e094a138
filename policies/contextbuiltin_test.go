package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// inContextInRego is lexicon.in_context as it was before xiaoer.in_context:
// the else chain of simple_match calls, on the same library.
const inContextInRego = `package xiaoer.was.context

import data.xiaoer.lib.lexicon

in_context(table, name, c) := false if {
	not input.listing.lexicon.held[table][name]
	input.listing.lexicon.held
} else := true if {
	lexicon.simple_match(table, name, c)
	ctx := data.tables[table].contexts[name]
	not ctx.all
	not ctx.unless
} else := true if {
	ctx := data.tables[table].contexts[name]
	ctx.all
	every part in ctx.all {
		lexicon.simple_match(table, part, c)
	}
} else := true if {
	lexicon.simple_match(table, name, c)
	ctx := data.tables[table].contexts[name]
	ctx.unless
	not lexicon.simple_match(table, ctx.unless, c)
} else := false
`

// contextHelds are held[table] entries to ask in_context with: a plain
// context (best_claim), a conjunction (goal: goal_verb and goal_object),
// one another cancels (self_comparison unless comparison), each holding
// at token 1 of the title (at), present without holding, or false.
var contextHelds = []string{
	`{}`,
	`{"best_claim": AT}`, `{"best_claim": {}}`, `{"best_claim": false}`, `{"nope": AT}`,
	`{"goal": {}}`, `{"goal": {}, "goal_verb": AT}`, `{"goal": {}, "goal_verb": AT, "goal_object": AT}`,
	`{"goal": AT, "goal_verb": {}, "goal_object": AT}`, `{"goal": {}, "goal_verb": AT, "goal_object": false}`,
	`{"self_comparison": AT}`, `{"self_comparison": AT, "comparison": AT}`,
	`{"self_comparison": AT, "comparison": {}}`, `{"self_comparison": {}, "comparison": AT}`,
}

// contextFields are the fields the in_context tests ask about: 打造 最好
// 品牌 in the title, 抗菌 in the description; contextHits are hits at and
// beside the held token (1 of the title), one whose i is no number and
// one lacking its field.
const contextFields = `{"title": {"tokens": [{"t": "打造", "s": 0, "e": 6}, {"t": "最好", "s": 6, "e": 12}, {"t": "品牌", "s": 12, "e": 18}]},
	"description": {"tokens": [{"t": "抗菌", "s": 0, "e": 6}], "sentences": [{"s": 0, "e": 6, "first": 0, "end": 1}]}}`

var contextHits = []string{`{"field": "title", "i": 1, "n": 1, "s": 6, "key": "最好"}`, `{"field": "title", "i": 2, "n": 1, "s": 12, "key": "品牌"}`,
	`{"field": "title", "i": "1", "n": 1, "s": 6}`, `{"i": 1, "n": 1}`}

// contextInput is the input of an in_context test: table, the operand
// key (name or names) as value, hit c, the table's held (AT: holding
// before token 1 of the title), found and fields.
func contextInput(table, key, value, c, held, found, fields string) ast.Value {
	return ast.MustParseTerm(fmt.Sprintf(`{"table": %q, %q: %s, "c": %s, "listing": {"lexicon": {"held": %s, "found": %s}, "fields": %s}}`,
		table, key, value, c, strings.ReplaceAll(held, "AT", `{"before": {"title": {1: true}}}`), found, fields)).Value
}

// TestInContextAsRego: lexicon.in_context, which xiaoer.in_context answers
// on documents with held, answers as the Rego chain did for plain,
// conjunct and cancelled contexts of ad-absolute held or not around hits
// at and beside the held token, hits lacking parts or with offsets that
// are no numbers (both fail), and a restated context of
// ad-medical-claim whose word lies in another field (left to the Rego).
func TestInContextAsRego(t *testing.T) {
	t.Parallel()
	pqs := prepareBeside(t, inContextInRego,
		"x := data.xiaoer.lib.lexicon.in_context(input.table, input.name, input.c)",
		"x := data.xiaoer.was.context.in_context(input.table, input.name, input.c)",
		"x := xiaoer.in_context(input.listing.lexicon, input.table, input.name, input.c, data.tables[input.table].contexts, input.listing.fields)")
	now, was, builtin := pqs[0], pqs[1], pqs[2]
	fields, hits := contextFields, contextHits
	cases := map[string]int{}
	for _, held := range contextHelds {
		for _, name := range []string{"best_claim", "goal", "self_comparison", "nope"} {
			for _, c := range hits {
				h := fmt.Sprintf(`{"ad_absolute": %s}`, held)
				cases[compareInContext(t, now, was, builtin, "ad_absolute", name, c, h, `{}`, fields)]++
			}
		}
	}
	// 抗菌 in the title, restated in the description: the builtin leaves it.
	for _, found := range []string{`{}`, `{"ad_medical_claim": {"words": [{"field": "description", "i": 0, "n": 1, "key": "抗菌"}]}}`} {
		c := `{"field": "title", "i": 0, "n": 1, "s": 0, "key": "抗菌"}`
		cases[compareInContext(t, now, was, builtin, "ad_medical_claim", "tested_standard", c, `{"ad_medical_claim": {"tested_standard": {}}}`, found, fields)]++
	}
	if cases["true"] < 4 || cases["false"] < 20 || cases["error"] < 4 || cases["left"] < 1 {
		t.Errorf("answers %v: want more of each", cases)
	}
}

// compareInContext compares the two in_context answers on one document and
// says what the builtin itself answered (left: undefined).
func compareInContext(t *testing.T, now, was, builtin rego.PreparedEvalQuery, table, name, c, held, found, fields string) string {
	t.Helper()
	input := contextInput(table, "name", fmt.Sprintf("%q", name), c, held, found, fields)
	ctx := context.Background()
	got, want := answer(ctx, now, input), answer(ctx, was, input)
	if got != want {
		t.Errorf("in_context(%s, %s, %s) with held %s = %s, want %s", table, name, c, held, got, want)
	}
	if b := answer(ctx, builtin, input); b == "undefined" && want != "error" {
		return "left"
	}
	return want
}
