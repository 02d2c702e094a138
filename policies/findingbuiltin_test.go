package policies

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// assembledInRego is lib.finding as it was before xiaoer.finding: every
// field read in Rego. lib.finding must answer as it did, for every
// argument a policy can pass.
const assembledInRego = `package xiaoer.assembled

import data.xiaoer.lib

finding(meta, hit) := {
	"rule": meta.id,
	"severity": object.get(hit, "severity", meta.severity),
	"message": hit.message,
	"field": object.get(hit, "field", ""),
	"span": {"start": object.get(hit, "s", 0), "end": object.get(hit, "e", 0)},
	"evidence": object.get(hit, "evidence", ""),
	"basis": meta.basis,
	"suggestion": object.get(hit, "suggestion", meta.suggestion),
	"exposure": lib.exposure_of(object.get(meta, "exposure", {}), object.filter(hit, {"platform_cny", "platform_basis", "platform_confirmed"})),
	"details": object.get(hit, "details", {}),
}
`

// findingCases are the arguments to compare (meta, hit, as Rego terms):
// the usual shapes, every field missing in turn, hits overriding meta,
// numbers written in other forms, and arguments that are not objects.
var findingCases = [][2]string{
	{metaFull, `{"field": "title", "s": 3, "e": 9, "message": "m"}`},
	{metaFull, `{"message": "m"}`},
	{metaFull, `{"field": "title", "s": 3.0, "e": 1e1, "message": "m", "evidence": "ev", "details": {"k": [1, 2.50]}}`},
	{metaFull, `{"message": "m", "severity": "warning", "suggestion": "s2"}`},
	{metaFull, `{"message": "m", "severity": null, "suggestion": null, "field": null, "details": null}`},
	{metaFull, `{"message": "m", "platform_cny": 12.5, "platform_basis": "平台规则", "platform_confirmed": false}`},
	{metaFull, `{"message": "m", "platform_cny": "x"}`},
	{metaFull, `{"message": 7, "s": "a", "e": [1]}`},
	{metaFull, `{"field": "title"}`},
	{metaFull, `{}`},
	{`{"severity": "error", "suggestion": "s", "basis": {}}`, `{"message": "m"}`},
	{`{"id": "r", "suggestion": "s", "basis": {}}`, `{"message": "m", "severity": "error"}`},
	{`{"id": "r", "severity": "error", "basis": {}}`, `{"message": "m", "suggestion": "s"}`},
	{`{"id": "r", "severity": "error", "suggestion": "s"}`, `{"message": "m"}`},
	{`{"id": "r", "severity": "error", "suggestion": "s", "basis": {}, "exposure": {}}`, `{"message": "m"}`},
	{`{"id": "r", "severity": "error", "suggestion": "s", "basis": {}, "exposure": {"punitive": true, "fine": "ad_law_57"}}`, `{"message": "m"}`},
	{`{"id": "r", "severity": "error", "suggestion": "s", "basis": {}, "exposure": {"punitive": true, "points": "misdescription_material"}}`, `{"message": "m", "platform_cny": 5}`},
	{`{"id": "r", "severity": "error", "suggestion": "s", "basis": {}, "exposure": {"fine": "no such fine"}}`, `{"message": "m"}`},
	{`{"id": "r", "severity": "error", "suggestion": "s", "basis": {}, "exposure": "none"}`, `{"message": "m"}`},
	{`{"id": null, "severity": null, "suggestion": null, "basis": null}`, `{"message": null}`},
	{`{}`, `{}`},
	{metaFull, `"a hit"`},
	{metaFull, `["message", "m"]`},
	{metaFull, `{"message"}`},
	{metaFull, `null`},
	{`"meta"`, `{"message": "m"}`},
	{`{"id", "severity", "suggestion", "basis"}`, `{"message": "m"}`},
	{`["id"]`, `"hit"`},
}

const metaFull = `{"id": "r", "title": "t", "severity": "error", "kinds": ["listing"], "description": "d",
	"basis": {"law": "法", "link": "", "confirmed": true}, "suggestion": "s", "exposure": {"punitive": true, "points": "misdescription_material"}}`

// TestFindingBuiltinAsRego: lib.finding, which xiaoer.finding assembles,
// gives what the Rego object gave (the same terms, numbers as written),
// is undefined where it was and fails where it failed.
func TestFindingBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, assembledInRego,
		"x := data.xiaoer.lib.finding(input.meta, input.hit)", "x := data.xiaoer.assembled.finding(input.meta, input.hit)")
	now, was := pqs[0], pqs[1]
	seen := map[string]bool{}
	for _, c := range findingCases {
		input := ast.NewObject(
			ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
			ast.Item(ast.StringTerm("listing"), ast.MustParseTerm(`{"price": {"amount": 120}}`)),
			ast.Item(ast.StringTerm("meta"), ast.MustParseTerm(c[0])),
			ast.Item(ast.StringTerm("hit"), ast.MustParseTerm(c[1])),
		)
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("finding(%s, %s)\n got %s\nwant %s", c[0], c[1], got, want)
		}
		seen[want[:1]] = true
	}
	if !seen["{"] || !seen["u"] || !seen["e"] {
		t.Errorf("the cases give %v: want findings, undefined and errors", seen)
	}
}

// TestFindingBuiltinOddArguments: a policy calling xiaoer.finding itself
// with arguments that are not objects gets an error, the arguments it
// lacks an undefined finding; nothing panics.
func TestFindingBuiltinOddArguments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for call, want := range map[string]string{
		`xiaoer.finding(input.s, {}, {})`:                                                          "error: xiaoer.finding: operand 1 must be object but got string",
		`xiaoer.finding({}, input.s, {})`:                                                          "error: xiaoer.finding: operand 2 must be object but got string",
		`xiaoer.finding({}, {}, input.s)`:                                                          "undefined",
		`xiaoer.finding({"id": 1, "severity": 2, "suggestion": 3}, {"message": 4}, 5)`:             "undefined",
		`xiaoer.finding({"id": 1, "severity": 2, "suggestion": 3, "basis": 6}, {"message": 4}, 5)`: `{"basis": 6, "details": {}, "evidence": "", "exposure": 5, "field": "", "message": 4, "rule": 1, "severity": 2, "span": {"end": 0, "start": 0}, "suggestion": 3}`,
	} {
		pq, err := rego.New(rego.Query("x := "+call), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
		if err != nil {
			t.Fatalf("%s: %v", call, err)
		}
		rs, err := pq.Eval(ctx, rego.EvalInput(map[string]any{"s": "text"}), asAST)
		got := "undefined"
		switch {
		case err != nil:
			got = "error: " + err.Error()
		case len(rs) > 0:
			got = rs[0].Bindings["x"].(ast.Value).String()
		}
		if !strings.HasPrefix(got, want) && !(strings.HasPrefix(want, "error: ") && strings.Contains(got, want[len("error: "):])) {
			t.Errorf("%s = %s, want %s", call, got, want)
		}
	}
	for _, call := range []string{`xiaoer.finding({}, {})`, `xiaoer.finding("m", {}, {})`} {
		if _, err := rego.New(rego.Query("x := " + call)).PrepareForEval(ctx); err == nil {
			t.Errorf("%s compiled; want a compile error (arity, types)", call)
		}
	}
}
