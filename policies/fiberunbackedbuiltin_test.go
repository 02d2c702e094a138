package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// unbackedQueries are the rule's unbacked_hits now, the comprehension
// that is its fallback, and the builtin called directly; with, if given,
// replaces the tables.
func unbackedQueries(t *testing.T, with string) (now, was, direct rego.PreparedEvalQuery) {
	tables := "data.tables.material"
	if with != "" {
		tables = "input.tables"
	}
	pqs := prepareBeside(t, "", "x := data.xiaoer.rules.material_fiber.unbacked_hits"+with,
		"x := [hit | some c in data.xiaoer.rules.material_fiber.unbacked; hit := data.xiaoer.rules.material_fiber.unbacked_hit(c)]"+with,
		"x := xiaoer.fiber_unbacked(input.listing.fiber_claims, "+tables+")")
	return pqs[0], pqs[1], pqs[2]
}

// TestFiberUnbackedAsRego: the hits of unbacked claims, which
// xiaoer.fiber_unbacked writes, are the Rego's, for every fibre of the
// table in every form, in named and unnamed fields and parts; and the
// builtin answers for such claims.
func TestFiberUnbackedAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := unbackedQueries(t, "")
	b, err := Load(FS(), "xiaoer", false)
	if err != nil {
		t.Fatal(err)
	}
	known := ast.MustInterfaceToValue(b.Data["tables"]).(ast.Object).Get(ast.StringTerm("material")).Value.(ast.Object).Get(ast.StringTerm("fiber_claims")).Value.(ast.Object)
	compared := 0
	for _, k := range known.Keys() {
		fiber := string(k.Value.(ast.String))
		var claims []string
		for _, form := range []string{"纯", "全", "100%", "名称"} {
			for _, field := range []string{"title", "attributes", "skus", "other"} {
				for _, part := range []string{"", "里料"} {
					claims = append(claims, fmt.Sprintf(`{"fiber": %q, "form": %q, "text": "%s%s", "field": %q, "part": %q, "before": "", "after": "", "s": 3, "e": 9}`, fiber, form, form, fiber, field, part))
				}
			}
		}
		input := claimsInput(ast.MustParseTerm(`[` + strings.Join(claims, ", ") + `]`))
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want || !strings.HasPrefix(want, `[{"details"`) {
			t.Fatalf("unbacked hits of %s\n got %s\nwant %s", fiber, got, want)
		}
		if by := answer(ctx, direct, input); by != want {
			t.Fatalf("xiaoer.fiber_unbacked for %s = %s; want %s", fiber, by, want)
		}
		compared += len(claims)
	}
	t.Logf("%d claims compared", compared)
}

// TestFiberUnbackedOddAsRego: claims that are not the engine's shape (a
// key missing or not a string, a fibre the table does not know) get the
// Rego's answer, and the builtin leaves them to it.
func TestFiberUnbackedOddAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := unbackedQueries(t, "")
	good := `"fiber": "棉", "form": "纯", "text": "纯棉", "field": "title", "part": "", "before": "", "after": ""`
	cases := []string{
		`{` + good + `, "s": 0}`,
		`{` + good + `, "e": 6}`,
		`{"fiber": "棉", "form": "纯", "text": "纯棉", "part": "", "before": "", "after": "", "s": 0, "e": 6}`,
		`{"fiber": "棉", "form": 1, "text": "纯棉", "field": "title", "part": "", "before": "", "after": "", "s": 0, "e": 6}`,
		`{"fiber": "棉", "form": "纯", "text": 1, "field": "title", "part": "", "before": "", "after": "", "s": 0, "e": 6}`,
		`{"fiber": "棉", "form": "纯", "text": "纯棉", "field": "title", "part": null, "before": "", "after": "", "s": 0, "e": 6}`,
		`{"fiber": "涤纶", "form": "纯", "text": "纯涤纶", "field": "title", "part": "", "before": "", "after": "", "s": 0, "e": 6}`,
	}
	for _, c := range cases {
		input := claimsInput(ast.MustParseTerm(`[{` + good + `, "s": 9, "e": 15}, ` + c + `]`))
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("unbacked hits of %s\n got %s\nwant %s", c, got, want)
		}
		if by := answer(ctx, direct, input); by != "undefined" {
			t.Errorf("xiaoer.fiber_unbacked(%s) = %s; want undefined", c, by)
		}
	}
}

// TestFiberUnbackedOddTablesAsRego: tables whose entries are not what the
// data has (forms not an object, a form without a name, no name, no
// field names) get the Rego's answer; the builtin answers where the
// names are still read (object.get takes any forms) and leaves the rest
// to the Rego.
func TestFiberUnbackedOddTablesAsRego(t *testing.T) {
	t.Parallel()
	with := " with data.tables.material as input.tables"
	now, was, direct := unbackedQueries(t, with)
	claims := ast.MustParseTerm(`[{"fiber": "棉", "form": "纯", "text": "纯棉", "field": "title", "part": "", "before": "", "after": "", "s": 0, "e": 6},
		{"fiber": "棉", "form": "100%", "text": "100%棉", "field": "skus", "part": "里料", "before": "", "after": "", "s": 7, "e": 14}]`)
	exempt := `"claim_exempt_before": {}, "claim_exempt_after": {}`
	cases := []tablesCase{
		{`{"fiber_claims": {"棉": {"name": "棉", "forms": {"100%": {"name": "棉纤维"}}}}, "field_names": {"title": "标题"}, ` + exempt + `}`, true},
		{`{"fiber_claims": {"棉": {"name": "棉", "forms": "纯"}}, "field_names": {}, ` + exempt + `}`, true},
		{`{"fiber_claims": {"棉": {"name": "棉", "forms": {"纯": {}}}}, "field_names": {"title": 1}, ` + exempt + `}`, true},
		{`{"fiber_claims": {"棉": {"forms": {"纯": {"name": "x"}}}}, "field_names": {}, ` + exempt + `}`, false},
		{`{"fiber_claims": {"棉": ["棉"]}, "field_names": {}, ` + exempt + `}`, false},
		{`{"fiber_claims": {"棉": {"name": "棉"}}, ` + exempt + `}`, false},
		{`{"fiber_claims": {"棉": {"name": "棉"}}, "field_names": ["title"], ` + exempt + `}`, false},
	}
	agreeWithTables(t, "unbacked hits", now, was, direct, claims, cases)
}
