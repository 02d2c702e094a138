package policies

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// conflictHitsQueries are the rule's conflict_hits now, the comprehension
// that is its fallback, and the builtin called directly (on input's
// statements and pairs where given).
func conflictHitsQueries(t *testing.T) (now, was, direct, called rego.PreparedEvalQuery) {
	const rule = "data.xiaoer.rules.material_fiber."
	pqs := prepareBeside(t, "", "x := "+rule+"conflict_hits",
		"x := [hit | some [ida, idb] in "+rule+"conflicts; hit := "+rule+"conflict_hit("+rule+"statements[ida], "+rule+"statements[idb])]",
		"x := xiaoer.fiber_conflict_hits("+rule+"statements, "+rule+"conflicts, data.tables.material.field_names)",
		"x := xiaoer.fiber_conflict_hits(input.statements, input.pairs, data.tables.material.field_names)")
	return pqs[0], pqs[1], pqs[2], pqs[3]
}

// sourcedStatement writes statement id of the shares (fibre: percent) as
// composition entries stated in field under label.
func sourcedStatement(id int, field, label string, shares map[string]int) []string {
	var out []string
	for fiber, percent := range shares {
		out = append(out, fmt.Sprintf(`{"fiber": %q, "percent": %d, "at_least": false, "implied": false, "part": "", "label": %q, "statement": %d, "field": %q, "s": %d, "e": %d}`,
			fiber, percent, label, id, field, 10*id, 10*id+6))
	}
	return out
}

// TestFiberConflictHitsAsRego: the hits of conflicting statements, which
// xiaoer.fiber_conflict_hits writes, are the Rego's, for three statements
// that all disagree, stated in every pair of places (an attribute, the
// description, a field without a name; with a label and without); and
// the builtin answers for them.
func TestFiberConflictHitsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct, _ := conflictHitsQueries(t)
	places := [][2]string{{"attributes", "材质成分"}, {"attributes", ""}, {"description", "面料"}, {"description", ""}, {"other", "里料"}}
	compared := 0
	for _, a := range places {
		for _, b := range places {
			entries := append(sourcedStatement(0, a[0], a[1], map[string]int{"棉": 100}),
				sourcedStatement(1, b[0], b[1], map[string]int{"棉": 60, "涤纶": 40})...)
			entries = append(entries, sourcedStatement(2, b[0], a[1], map[string]int{"涤纶": 100})...)
			input := compositionInput(entries)
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want || len(want) < 3*len(`{"details"`) {
				t.Fatalf("conflict hits of %v and %v\n got %s\nwant %s", a, b, got, want)
			}
			if by := answer(ctx, direct, input); by != want {
				t.Fatalf("xiaoer.fiber_conflict_hits for %v and %v = %s; want %s", a, b, by, want)
			}
			compared++
		}
	}
	t.Logf("%d listings compared", compared)
}

// TestFiberConflictHitsOdd: pairs and statements that are not the
// engine's shape (a pair of one id, an id without a statement, a label or
// field that is not a string, no display) leave the builtin undefined, so
// the Rego takes them.
func TestFiberConflictHitsOdd(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	_, _, _, called := conflictHitsQueries(t)
	good := `"field": "description", "label": "", "display": "棉100%", "s": 0, "e": 3`
	cases := []struct{ statements, pairs string }{
		{`{0: {` + good + `}, 1: {` + good + `}}`, `[[0, 1]]`},
		{`{0: {` + good + `}, 1: {` + good + `}}`, `[[0]]`},
		{`{0: {` + good + `}, 1: {` + good + `}}`, `[[0, 2]]`},
		{`{0: {` + good + `}, 1: {"field": "description", "label": 1, "display": "x", "s": 0, "e": 3}}`, `[[0, 1]]`},
		{`{0: {` + good + `}, 1: {"field": null, "label": "", "display": "x", "s": 0, "e": 3}}`, `[[0, 1]]`},
		{`{0: {` + good + `}, 1: {"field": "description", "label": "", "s": 0, "e": 3}}`, `[[0, 1]]`},
		{`{0: {` + good + `}, 1: "棉100%"}`, `[[0, 1]]`},
		{`[{` + good + `}, {` + good + `}]`, `[[0, 1]]`},
	}
	for i, c := range cases {
		input := ast.NewObject(
			ast.Item(ast.StringTerm("statements"), ast.MustParseTerm(c.statements)),
			ast.Item(ast.StringTerm("pairs"), ast.MustParseTerm(c.pairs)))
		by := answer(ctx, called, input)
		if (by == "undefined") == (i == 0) {
			t.Errorf("xiaoer.fiber_conflict_hits(%s, %s) = %s; want undefined: %v", c.statements, c.pairs, by, i != 0)
		}
	}
}
