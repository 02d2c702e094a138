package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestFiberConflictFindingsAsRego: the conflict findings that
// xiaoer.fiber_conflict_findings makes in the engine's evaluations (an
// Exposures answers) are lib.finding's of conflict_hits with
// conflict_meta, for three statements stated in every pair of places,
// with two conflicts among them and with three; without Exposures the
// builtin is undefined and the Rego's comprehension makes them inline.
func TestFiberConflictFindingsAsRego(t *testing.T) {
	t.Parallel()
	const rule = "data.xiaoer.rules.material_fiber."
	pqs := prepareBeside(t, "", "x := "+rule+"conflict_findings",
		"x := [f | some hit in "+rule+"conflict_hits; f := data.xiaoer.lib.finding("+rule+"conflict_meta, hit)]",
		"x := xiaoer.fiber_conflict_findings("+rule+"statements, data.tables.material, "+rule+"meta, input)")
	now, was, direct := pqs[0], pqs[1], pqs[2]
	engine := WithExposures(context.Background(), &stubExposures{answer: ast.StringTerm("remembered")})
	plain := context.Background()
	places := [][2]string{{"attributes", "材质成分"}, {"description", "面料"}, {"description", ""}, {"other", "里料"}}
	compared := 0
	for _, a := range places {
		for _, b := range places {
			for _, second := range []map[string]int{{"棉": 60, "涤纶": 40}, {"棉": 100}} {
				entries := append(sourcedStatement(0, a[0], a[1], map[string]int{"棉": 100}),
					sourcedStatement(1, b[0], b[1], second)...)
				entries = append(entries, sourcedStatement(2, b[0], a[1], map[string]int{"涤纶": 100})...)
				input := compositionInput(entries)
				for _, ctx := range []context.Context{engine, plain} {
					got, want := answer(ctx, now, input), answer(ctx, was, input)
					if got != want || len(want) < len(`[{"basis"`) {
						t.Fatalf("conflict findings of %v and %v\n got %s\nwant %s", a, b, got, want)
					}
				}
				if by := answer(engine, direct, input); by != answer(engine, was, input) {
					t.Fatalf("xiaoer.fiber_conflict_findings for %v and %v = %s; want %s", a, b, by, answer(engine, was, input))
				}
				if by := answer(plain, direct, input); by != "undefined" {
					t.Fatalf("xiaoer.fiber_conflict_findings without Exposures = %s; want undefined", by)
				}
				compared++
			}
		}
	}
	t.Logf("%d listings compared", compared)
}

// TestFiberConflictFindingsOdd: tables without the entries the Rego reads
// leave the builtin undefined, so the Rego takes them.
func TestFiberConflictFindingsOdd(t *testing.T) {
	t.Parallel()
	pq := prepareBeside(t, "", "x := xiaoer.fiber_conflict_findings(input.statements, input.tables, {}, input)")[0]
	engine := WithExposures(context.Background(), &stubExposures{answer: ast.StringTerm("remembered")})
	for _, tables := range []string{
		`"material"`,
		`{"trace": {"percent": 99.5}, "field_names": {}}`,
		`{"conflict": {"tolerance": 0}, "field_names": {}}`,
		`{"conflict": {"tolerance": 0}, "trace": {"percent": 99.5}}`,
		`{"conflict": {"tolerance": 0}, "trace": {}, "field_names": {}}`,
		`{"conflict": "none", "trace": {"percent": 99.5}, "field_names": {}}`,
	} {
		input := ast.NewObject(
			ast.Item(ast.StringTerm("statements"), ast.MustParseTerm(`{}`)),
			ast.Item(ast.StringTerm("tables"), ast.MustParseTerm(tables)))
		if by := answer(engine, pq, input); by != "undefined" {
			t.Errorf("xiaoer.fiber_conflict_findings with tables %s = %s; want undefined", tables, by)
		}
	}
}
