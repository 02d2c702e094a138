package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// claimsInRego is material-fiber's claims as the Rego keeps them (the
// fallback of material_fiber.rego), for comparison with the builtin.
const claimsInRego = `[c |
	some c in object.get(input, ["listing", "fiber_claims"], [])
	data.tables.material.fiber_claims[c.fiber]
	not data.tables.material.claim_exempt_before[c.before]
	not data.tables.material.claim_exempt_before[substring(strings.reverse(c.before), 0, 1)]
	not data.tables.material.claim_exempt_after[c.after]
	not data.tables.material.claim_exempt_after[substring(c.after, 0, 1)]
]`

// claimSides are texts around a claim: empty, every exempting key of the
// tables alone and with other text on the far side, keys of the other
// side, plain Chinese and Latin text, and characters outside the BMP.
func claimSides(t *testing.T) []string {
	t.Helper()
	b, err := Load(FS(), "xiaoer", false)
	if err != nil {
		t.Fatal(err)
	}
	tables := ast.MustInterfaceToValue(b.Data["tables"]).(ast.Object).Get(ast.StringTerm("material")).Value.(ast.Object)
	sides := []string{"", "纯", "a", "新款", "女装", "𠀀", "x𠀀", "仿𠀀"}
	for _, name := range []string{"claim_exempt_before", "claim_exempt_after"} {
		for _, k := range tables.Get(ast.StringTerm(name)).Value.(ast.Object).Keys() {
			key := string(k.Value.(ast.String))
			sides = append(sides, key, "新"+key, key+"新", "a"+key, key+"a")
		}
	}
	return sides
}

// claimsQueries are the rule's claims now, the comprehension it replaced,
// and the builtin called directly.
func claimsQueries(t *testing.T) (now, was, direct rego.PreparedEvalQuery) {
	pqs := prepareBeside(t, "", "x := data.xiaoer.rules.material_fiber.claims", "x := "+claimsInRego,
		"x := xiaoer.fiber_claims(input.listing.fiber_claims, data.tables.material)")
	return pqs[0], pqs[1], pqs[2]
}

// TestFiberClaimsAsRego: claims, which xiaoer.fiber_claims keeps, is what
// the Rego comprehension keeps, for claims of every fibre in the table and
// one that is not, with every pair of sides; and the builtin answers for
// such well-formed claims.
func TestFiberClaimsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := claimsQueries(t)
	sides := claimSides(t)
	fibres := []string{"棉", "真丝", "涤纶", ""}
	compared := 0
	for _, fiber := range fibres {
		for _, before := range sides {
			var claims []string
			for _, after := range sides {
				claims = append(claims, fmt.Sprintf(`{"fiber": %q, "form": "pure", "before": %q, "after": %q, "text": "纯棉", "field": "title", "part": "", "s": 0, "e": 6}`, fiber, before, after))
			}
			input := claimsInput(ast.MustParseTerm(`[` + strings.Join(claims, ", ") + `]`))
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want || want == "error" || want == "undefined" {
				t.Fatalf("claims of %s before %q\n got %s\nwant %s", fiber, before, got, want)
			}
			if by := answer(ctx, direct, input); by != want {
				t.Fatalf("xiaoer.fiber_claims for %s before %q = %s; want %s", fiber, before, by, want)
			}
			compared += len(claims)
		}
	}
	t.Logf("%d claims compared", compared)
}

// TestFiberClaimsOddAsRego: claims that are not the engine's shape (a side
// missing or not a string, invalid UTF-8, not an object, not an array) get
// the Rego's answer, errors included, and the builtin leaves them to it.
func TestFiberClaimsOddAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := claimsQueries(t)
	cases := []*ast.Term{
		ast.MustParseTerm(`[{"fiber": "棉", "before": "仿"}]`),
		ast.MustParseTerm(`[{"fiber": "棉", "after": "感"}]`),
		ast.MustParseTerm(`[{"fiber": "棉"}]`),
		ast.MustParseTerm(`[{"before": "", "after": ""}]`),
		ast.MustParseTerm(`[{"fiber": "棉", "before": 1, "after": ""}]`),
		ast.MustParseTerm(`[{"fiber": "棉", "before": "", "after": 1}]`),
		ast.MustParseTerm(`[{"fiber": 1, "before": "", "after": ""}]`),
		ast.MustParseTerm(`["棉"]`),
		ast.MustParseTerm(`{"a": {"fiber": "棉", "before": "", "after": ""}}`),
		ast.MustParseTerm(`"纯棉"`),
		oddClaim("\xff", ""), oddClaim("仿\xff", ""), oddClaim("", "感\xff"), oddClaim("", "\xff感"),
	}
	for _, c := range cases {
		input := claimsInput(c)
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("claims of %s\n got %s\nwant %s", c, got, want)
		}
		if by := answer(ctx, direct, input); by != "undefined" {
			t.Errorf("xiaoer.fiber_claims(%s) = %s; want undefined", c, by)
		}
	}
}

// oddClaim is a claim of 棉 with sides the parser would not take (invalid
// UTF-8).
func oddClaim(before, after string) *ast.Term {
	return ast.ArrayTerm(ast.ObjectTerm(
		ast.Item(ast.StringTerm("fiber"), ast.StringTerm("棉")),
		ast.Item(ast.StringTerm("before"), ast.StringTerm(before)),
		ast.Item(ast.StringTerm("after"), ast.StringTerm(after)),
	))
}

// TestFiberClaimsOddTablesAsRego: tables whose entries are false (a
// lookup that fails) or not objects get the Rego's answer; the builtin
// answers for the first and leaves the others to the Rego.
func TestFiberClaimsOddTablesAsRego(t *testing.T) {
	t.Parallel()
	with := " with data.tables.material as input.tables"
	pqs := prepareBeside(t, "", "x := data.xiaoer.rules.material_fiber.claims"+with, "x := "+claimsInRego+with,
		"x := xiaoer.fiber_claims(input.listing.fiber_claims, input.tables)")
	now, was, direct := pqs[0], pqs[1], pqs[2]
	claims := ast.MustParseTerm(`[{"fiber": "棉", "before": "", "after": ""}, {"fiber": "麻", "before": "仿", "after": ""},
		{"fiber": "棉", "before": "新仿", "after": ""}, {"fiber": "棉", "before": "", "after": "感"}, {"fiber": "棉", "before": "", "after": "感觉"}]`)
	cases := []tablesCase{
		{`{"fiber_claims": {"棉": {}, "麻": false}, "claim_exempt_before": {"仿": false}, "claim_exempt_after": {"感": true}}`, true},
		{`{"fiber_claims": {"棉": {}, "麻": 0}, "claim_exempt_before": {"仿": ""}, "claim_exempt_after": {"感觉": null}}`, true},
		{`{"fiber_claims": {"棉": {}}, "claim_exempt_before": {}}`, false},
		{`{"fiber_claims": {"棉": {}}, "claim_exempt_before": {"仿"}, "claim_exempt_after": {}}`, false},
		{`{"fiber_claims": ["棉"], "claim_exempt_before": {}, "claim_exempt_after": {}}`, false},
	}
	agreeWithTables(t, "claims", now, was, direct, claims, cases)
}

// tablesCase is tables, given as input.tables, and whether the builtin
// answers for them.
type tablesCase struct {
	tables  string
	builtin bool
}

// agreeWithTables: for claims with each case's tables, now (the rule)
// answers as was (its Rego), and direct (the builtin) gives that answer
// where it answers for the tables and is undefined elsewhere.
func agreeWithTables(t *testing.T, name string, now, was, direct rego.PreparedEvalQuery, claims *ast.Term, cases []tablesCase) {
	t.Helper()
	ctx := context.Background()
	for _, c := range cases {
		input := claimsInput(claims).(ast.Object)
		input.Insert(ast.StringTerm("tables"), ast.MustParseTerm(c.tables))
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("%s with tables %s\n got %s\nwant %s", name, c.tables, got, want)
		}
		if by := answer(ctx, direct, input); (by == want) != c.builtin || (by == "undefined") == c.builtin {
			t.Errorf("%s by the builtin with tables %s = %s; want the Rego's answer: %v", name, c.tables, by, c.builtin)
		}
	}
}

func claimsInput(claims *ast.Term) ast.Value {
	return ast.NewObject(
		ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
		ast.Item(ast.StringTerm("listing"), ast.NewTerm(ast.NewObject(
			ast.Item(ast.StringTerm("fiber_claims"), claims)))),
	)
}
