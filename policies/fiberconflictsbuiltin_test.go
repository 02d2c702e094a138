package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// conflictsInRego is material-fiber's conflicts as the Rego finds them
// (the fallback of material_fiber.rego), for comparison with the builtin.
const conflictsInRego = `[[ida, idb] |
	some ida, a in data.xiaoer.rules.material_fiber.statements
	some idb, b in data.xiaoer.rules.material_fiber.statements
	ida < idb
	data.xiaoer.rules.material_fiber.part_class(a.part) == data.xiaoer.rules.material_fiber.part_class(b.part)
	data.xiaoer.rules.material_fiber.conflicting(a, b)
]`

// conflictsQueries are the rule's conflicts now, the comprehension they
// replaced, and the builtin called directly.
func conflictsQueries(t *testing.T) (now, was, direct *rego.PreparedEvalQuery) {
	t.Helper()
	pqs := prepareBeside(t, "", "x := data.xiaoer.rules.material_fiber.conflicts", "x := "+conflictsInRego,
		"x := xiaoer.fiber_conflicts(data.xiaoer.rules.material_fiber.statements, data.tables.material.conflict.tolerance, data.tables.material.trace.percent)")
	return &pqs[0], &pqs[1], &pqs[2]
}

// conflictShares are the fibres of a statement: whole, split, off by the
// tolerance (0.5) and by less and more, short of complete (99.5), just
// complete, and of another fibre.
var conflictShares = [][]string{
	{`"棉", 100`},
	{`"棉", 95`, `"氨纶", 5`},
	{`"棉", 94.5`, `"氨纶", 5.5`},
	{`"棉", 94.6`, `"氨纶", 5.4`},
	{`"棉", 94.4`, `"氨纶", 5.6`},
	{`"棉", 60`},
	{`"棉", 99.5`},
	{`"涤纶", 100`},
}

// conflictStatement writes statement id of the shares, as part, in one of
// three kinds (exact figures, lower bounds, names only), as composition
// entries.
func conflictStatement(id int, part, kind string, shares []string) []string {
	var out []string
	for _, share := range shares {
		fiber, percent, _ := strings.Cut(share, ", ")
		out = append(out, fmt.Sprintf(`{"fiber": %s, "percent": %s, "at_least": %v, "implied": %v, "part": %q, "label": "成分", "statement": %d, "field": "description", "s": 0, "e": 3}`,
			fiber, percent, kind == "at_least", kind == "implied", part, id))
	}
	return out
}

// conflictVariants are every part, kind and shares of a statement.
func conflictVariants() [][3]any {
	var out [][3]any
	for _, part := range []string{"", "面料", "里料"} {
		for _, kind := range []string{"exact", "at_least", "implied"} {
			for _, shares := range conflictShares {
				out = append(out, [3]any{part, kind, shares})
			}
		}
	}
	return out
}

func compositionInput(entries []string) ast.Value {
	return ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
		ast.Item(ast.StringTerm("listing"), ast.NewTerm(ast.NewObject(
			ast.Item(ast.StringTerm("composition"), ast.MustParseTerm(`[`+strings.Join(entries, ", ")+`]`))))),
	)
}

// TestFiberConflictsAsRego: conflicts, which xiaoer.fiber_conflicts finds,
// are the pairs the Rego's conflicting finds, for every pair of statement
// variants (either order of ids), and the builtin answers for them all.
func TestFiberConflictsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := conflictsQueries(t)
	variants := conflictVariants()
	pairs, conflicts := 0, 0
	for _, a := range variants {
		for _, b := range variants {
			entries := append(conflictStatement(0, a[0].(string), a[1].(string), a[2].([]string)),
				conflictStatement(1, b[0].(string), b[1].(string), b[2].([]string))...)
			input := compositionInput(entries)
			got, want := answer(ctx, *now, input), answer(ctx, *was, input)
			if got != want || want == "error" || want == "undefined" {
				t.Fatalf("conflicts of %v and %v\n got %s\nwant %s", a, b, got, want)
			}
			if by := answer(ctx, *direct, input); by != want {
				t.Fatalf("xiaoer.fiber_conflicts for %v and %v = %s; want %s", a, b, by, want)
			}
			pairs++
			if want != "[]" {
				conflicts++
			}
		}
	}
	if conflicts == 0 || conflicts == pairs {
		t.Fatalf("%d of %d pairs conflict: the variants do not tell conflicts apart", conflicts, pairs)
	}
	t.Logf("%d pairs compared, %d conflict", pairs, conflicts)
}

// TestFiberConflictsOddAsRego: statements of a part that is no string
// (the Rego groups them so) get the Rego's answer, and the builtin leaves
// them to it, as it does statements, shares and bounds of other types.
func TestFiberConflictsOddAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := conflictsQueries(t)
	cotton := conflictStatement(1, "", "exact", []string{`"棉", 100`})[0]
	for _, part := range []string{`1`, `null`, `["面料"]`} {
		odd := strings.Replace(cotton, `"part": ""`, `"part": `+part, 1)
		input := compositionInput([]string{conflictStatement(0, "", "exact", []string{`"棉", 60`})[0], odd})
		if by := answer(ctx, *direct, input); by != "undefined" {
			t.Errorf("xiaoer.fiber_conflicts beside part %s = %s; want undefined", part, by)
		}
		got, want := answer(ctx, *now, input), answer(ctx, *was, input)
		if got != want || want == "undefined" || want == "error" {
			t.Errorf("conflicts beside part %s\n got %s\nwant %s", part, got, want)
		}
	}
	called := prepareBeside(t, "", "x := xiaoer.fiber_conflicts(input.statements, input.tolerance, input.complete_at)")[0]
	good := `{"part": "", "implied": false, "at_least": false, "shares": {"棉": 100}, "total": 100}`
	for _, c := range []string{
		`{"statements": {"0": ` + good + `}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": ` + strings.Replace(good, `"implied": false`, `"implied": "no"`, 1) + `}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": ` + strings.Replace(good, `"at_least": false`, `"at_least": 0`, 1) + `}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": ` + strings.Replace(good, `100}`, `"100"}`, 1) + `}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": ` + strings.Replace(good, `"total": 100`, `"total": "100"`, 1) + `}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": ` + strings.Replace(good, `"shares": {"棉": 100}`, `"shares": ["棉"]`, 1) + `}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": "棉100%"}, "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": [` + good + `], "tolerance": 0.5, "complete_at": 99.5}`,
		`{"statements": {"0": ` + good + `}, "tolerance": "0.5", "complete_at": 99.5}`,
	} {
		want := "undefined"
		if c == `{"statements": {"0": `+good+`}, "tolerance": 0.5, "complete_at": 99.5}` {
			want = "[]"
		}
		if by := answer(ctx, called, ast.MustParseTerm(c).Value); by != want {
			t.Errorf("xiaoer.fiber_conflicts of %s = %s; want %s", c, by, want)
		}
	}
}
