package policies

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// groupedInRego is material-fiber's statements as the Rego groups them
// (the fallback of statements.rego), for comparison with the builtin.
const groupedInRego = `{id: st |
	some id in data.xiaoer.rules.material_fiber.statement_ids
	members := [g | some g in input.listing.composition; g.statement == id]
	st := data.xiaoer.rules.material_fiber.statement(id, members)
}`

// fibre(...) writes a composition entry; the cases below vary it.
const fibreCotton = `{"fiber": "棉", "percent": 95, "at_least": false, "implied": false, "part": "", "label": "材质成分", "statement": 0, "field": "attributes", "s": 14, "e": 20}`

// statementCases are compositions: the usual shapes (one fibre, several,
// fibres only named, lower bounds), a fibre twice in one statement,
// statements out of order, numbers written as floats, and entries that
// are not the schema's (the builtin leaves those to the Rego).
var statementCases = []struct {
	composition string
	builtin     bool // the builtin answers (the composition is well formed)
}{
	{`[]`, true},
	{`[` + fibreCotton + `]`, true},
	{`[{"fiber": "棉", "percent": 95, "at_least": false, "implied": false, "part": "", "label": "材质成分", "statement": 0, "field": "attributes", "s": 14, "e": 20},
	   {"fiber": "聚氨酯弹性纤维", "percent": 5, "at_least": false, "implied": false, "part": "", "label": "材质成分", "statement": 0, "field": "attributes", "s": 21, "e": 29},
	   {"fiber": "聚酯纤维", "percent": 100, "at_least": false, "implied": false, "part": "里料", "label": "里料", "statement": 1, "field": "description", "s": 15, "e": 31}]`, true},
	{`[{"fiber": "棉", "percent": 0, "at_least": false, "implied": true, "part": "面料", "label": "面料", "statement": 0, "field": "attributes", "s": 0, "e": 6},
	   {"fiber": "涤纶", "percent": 0, "at_least": false, "implied": true, "part": "面料", "label": "面料", "statement": 0, "field": "attributes", "s": 0, "e": 6}]`, true},
	{`[{"fiber": "棉", "percent": 0, "at_least": false, "implied": true, "part": "面料", "label": "面料", "statement": 3, "field": "attributes", "s": 0, "e": 6}]`, true},
	{`[{"fiber": "羊毛", "percent": 96, "at_least": true, "implied": false, "part": "", "label": "", "statement": 0, "field": "title", "s": 9, "e": 3},
	   {"fiber": "羊绒", "percent": 4, "at_least": false, "implied": false, "part": "", "label": "", "statement": 0, "field": "title", "s": 2, "e": 30}]`, true},
	{`[{"fiber": "羊毛", "percent": 96.5, "at_least": true, "implied": false, "part": "", "label": "", "statement": 0, "field": "title", "s": 9, "e": 12}]`, true},
	{`[{"fiber": "棉", "percent": 33.3, "at_least": false, "implied": false, "part": "", "label": "成分", "statement": 1, "field": "description", "s": 1, "e": 2},
	   {"fiber": "麻", "percent": 66.7, "at_least": false, "implied": false, "part": "", "label": "成分", "statement": 0, "field": "attributes", "s": 3, "e": 4},
	   {"fiber": "棉", "percent": 1e1, "at_least": false, "implied": false, "part": "", "label": "成分", "statement": 1, "field": "description", "s": 5.0, "e": 6}]`, true},
	{`[{"fiber": "棉", "percent": 50, "at_least": false, "implied": true, "part": "", "label": "成分", "statement": 0, "field": "description", "s": 1, "e": 2},
	   {"fiber": "麻", "percent": 50, "at_least": true, "implied": false, "part": "x", "label": "y", "statement": 0, "field": "attributes", "s": 3, "e": 4}]`, true},
	{`[{"fiber": "棉", "percent": 95, "at_least": false, "implied": false, "part": "", "label": "材质成分", "statement": 0.0, "field": "attributes", "s": 14, "e": 20}]`, false},
	{`[{"fiber": "棉", "percent": 95, "at_least": false, "implied": false, "part": "", "label": "材质成分", "field": "attributes", "s": 14, "e": 20}]`, false},
	{`[{"fiber": "棉", "percent": "95", "at_least": false, "implied": false, "part": "", "label": "材质成分", "statement": 0, "field": "attributes", "s": 14, "e": 20}]`, false},
	{`[{"fiber": "棉", "percent": 95, "at_least": false, "implied": "no", "part": "", "label": "材质成分", "statement": 0, "field": "attributes", "s": 14, "e": 20}]`, false},
	{`[{"fiber": "棉", "percent": 95, "at_least": false, "implied": false, "label": "材质成分", "statement": 0, "field": "attributes", "s": 14, "e": 20}]`, false},
	{`[` + fibreCotton + `, "棉"]`, false},
	{`{"a": ` + fibreCotton + `}`, false},
	{`"棉95%"`, false},
}

// TestFiberStatementsAsRego: statements, which xiaoer.fiber_statements
// groups, is what the Rego grouping gives (the same terms, numbers as
// written), and the builtin answers exactly for well-formed compositions.
func TestFiberStatementsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, "", "x := data.xiaoer.rules.material_fiber.statements", "x := "+groupedInRego,
		"x := xiaoer.fiber_statements(input.listing.composition)")
	now, was, direct := pqs[0], pqs[1], pqs[2]
	for _, c := range statementCases {
		input := ast.NewObject(
			ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
			ast.Item(ast.StringTerm("listing"), ast.NewTerm(ast.NewObject(
				ast.Item(ast.StringTerm("composition"), ast.MustParseTerm(c.composition))))),
		)
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("statements of %s\n got %s\nwant %s", c.composition, got, want)
		}
		if by := answer(ctx, direct, input); (by == want) != c.builtin || (by == "undefined") == c.builtin {
			t.Errorf("xiaoer.fiber_statements(%s) = %s; want the Rego's answer: %v", c.composition, by, c.builtin)
		}
	}
}
