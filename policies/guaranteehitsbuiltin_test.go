package policies

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// guaranteeQueries are the rule's multiplier_hits now, the comprehension
// that is its fallback, and the builtin called directly; with, if given,
// replaces the guarantee table.
func guaranteeQueries(t *testing.T, with string) (now, was, direct rego.PreparedEvalQuery) {
	rule, lib := "data.xiaoer.rules.promise_guarantee.", "data.xiaoer.lib.promises."
	table := "data.tables.promises.guarantee"
	if with != "" {
		table = "input.guarantee"
	}
	pqs := prepareBeside(t, "", "x := "+rule+"multiplier_hits"+with,
		"x := [hit | some p in "+lib+"all; p.kind == \"guarantee_fake_multiplier\"; hit := "+rule+"multiplier_hit(p)]"+with,
		"x := xiaoer.guarantee_hits("+lib+"all, "+lib+"price, "+lib+"field_names, "+table+")")
	return pqs[0], pqs[1], pqs[2]
}

func promisesInput(promises string, price string) ast.Object {
	listing := `{"promises": ` + promises + `}`
	if price != "" {
		listing = `{"promises": ` + promises + `, "price": {"amount": ` + price + `}}`
	}
	return ast.MustParseTerm(`{"kind": "listing", "listing": ` + listing + `}`).Value.(ast.Object)
}

// TestGuaranteeHitsAsRego: the hits of 假一赔N promises, which
// xiaoer.guarantee_hits writes, are the Rego's, for whole and decimal
// multiples, with no, a zero, a whole and a decimal price, in named and
// unnamed fields, beside other promises; and the builtin answers for
// them.
func TestGuaranteeHitsAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := guaranteeQueries(t, "")
	compared := 0
	for _, price := range []string{"", "0", "199", "12.9", "0.01"} {
		for _, n := range []string{"10", "3", "2.5"} {
			for _, field := range []string{"title", "description", "promises", "other"} {
				promises := fmt.Sprintf(`[{"kind": "returns_7day", "text": "七天无理由", "field": "title", "s": 0, "e": 15},
					{"kind": "guarantee_fake_multiplier", "n": %s, "text": "假一赔十", "field": %q, "s": 3, "e": 15},
					{"kind": "guarantee_genuine", "text": "正品保障", "field": "title", "s": 20, "e": 32},
					{"kind": "guarantee_fake_multiplier", "n": 1, "text": "假一赔一", "field": "title", "s": 40, "e": 52, "scope": "partial"}]`, n, field)
				input := promisesInput(promises, price)
				got, want := answer(ctx, now, input), answer(ctx, was, input)
				if got != want || !strings.HasPrefix(want, `[{"details"`) || strings.Count(want, `"multiplier"`) != 2 {
					t.Fatalf("hits at price %q, n %s, field %s\n got %s\nwant %s", price, n, field, got, want)
				}
				if by := answer(ctx, direct, input); by != want {
					t.Fatalf("xiaoer.guarantee_hits at price %q = %s; want %s", price, by, want)
				}
				compared++
			}
		}
	}
	if got := answer(ctx, direct, promisesInput(`[{"kind": "in_stock"}]`, "9")); got != "[]" {
		t.Errorf("without a 假一赔N the builtin gives %s; want []", got)
	}
	t.Logf("%d listings compared", compared)
}

// TestGuaranteeHitsOddAsRego: promises and prices that are not the
// engine's shape (a key missing or of another type, a promise that is no
// object, a price that is no number) get the Rego's answer, and the
// builtin leaves them to it.
func TestGuaranteeHitsOddAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := guaranteeQueries(t, "")
	good := `{"kind": "guarantee_fake_multiplier", "n": 10, "text": "假一赔十", "field": "title", "s": 0, "e": 12}`
	cases := []struct{ promise, price string }{
		{`{"kind": "guarantee_fake_multiplier", "text": "假一赔十", "field": "title", "s": 0, "e": 12}`, "9"},
		{`{"kind": "guarantee_fake_multiplier", "n": "十", "text": "假一赔十", "field": "title", "s": 0, "e": 12}`, "9"},
		{`{"kind": "guarantee_fake_multiplier", "n": 10, "text": "假一赔十", "field": 3, "s": 0, "e": 12}`, "9"},
		{`{"kind": "guarantee_fake_multiplier", "n": 10, "text": "假一赔十", "field": "title", "e": 12}`, "9"},
		{`{"kind": "guarantee_fake_multiplier", "n": 10, "field": "title", "s": 0, "e": 12}`, "9"},
		{`"假一赔十"`, "9"},
		{good, `"9"`},
		{good, "null"},
	}
	for _, c := range cases {
		input := promisesInput(`[`+good+`, `+c.promise+`]`, c.price)
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("hits of %s at price %s\n got %s\nwant %s", c.promise, c.price, got, want)
		}
		if by := answer(ctx, direct, input); by != "undefined" {
			t.Errorf("xiaoer.guarantee_hits(%s) at price %s = %s; want undefined", c.promise, c.price, by)
		}
	}
}

// TestGuaranteeHitsOddTablesAsRego: guarantee tables without the note
// or the claim's basis get the Rego's answer (none), and the builtin
// leaves them to it.
func TestGuaranteeHitsOddTablesAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now, was, direct := guaranteeQueries(t, " with data.tables.promises.guarantee as input.guarantee")
	promises := `[{"kind": "guarantee_fake_multiplier", "n": 10, "text": "假一赔十", "field": "title", "s": 0, "e": 12}]`
	for _, c := range []struct {
		table   string
		builtin bool
	}{
		{`{"special_promise_note": "N", "claim_basis": "B"}`, true},
		{`{"special_promise_note": 1, "claim_basis": ["B"], "more": 2}`, true},
		{`{"claim_basis": "B"}`, false},
		{`{"special_promise_note": "N"}`, false},
		{`["N"]`, false},
	} {
		input := promisesInput(promises, "9")
		input.Insert(ast.StringTerm("guarantee"), ast.MustParseTerm(c.table))
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("hits with table %s\n got %s\nwant %s", c.table, got, want)
		}
		if by := answer(ctx, direct, input); (by == want) != c.builtin || (by == "undefined") == c.builtin {
			t.Errorf("xiaoer.guarantee_hits with table %s = %s; want the Rego's answer: %v", c.table, by, c.builtin)
		}
	}
}
