package policies

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// matchesInRego is lexicon.matches as it was before xiaoer.matches: each
// hit built in Rego. lexicon.matches must answer as it did.
const matchesInRego = `package xiaoer.built

import data.xiaoer.lib.lexicon

matches(table, lex, skip) := {{
	"field": name, "i": i, "n": n,
	"s": toks[i].s, "e": toks[(i + n) - 1].e,
	"key": key, "word": key, "entry": entry,
} |
	some c in lexicon.found(table, lex)
	name := c.field
	not skip[name]
	key := c.key
	entry := data.tables[table][lex][key]
	i := c.i
	n := c.n
	toks := input.listing.fields[name].tokens
}
`

// matchesFields are the tokens of the listings below: 最好|的|选择 in
// the description, 全网|最低|价 in the title.
const matchesFields = `{
	"description": {"tokens": [{"t": "最好", "s": 0, "e": 6}, {"t": "的", "s": 6, "e": 9}, {"t": "选择", "s": 9, "e": 15}]},
	"title": {"tokens": [{"t": "全网", "s": 0, "e": 6}, {"t": "最低", "s": 6, "e": 12}, {"t": "价", "s": 12, "e": 15}]}
}`

// matchesCases are [listing, table, lex, skip] (Rego terms): the engine's
// runs (words of the lexicon and not, runs past the tokens, odd offsets,
// skipped fields read every way skip can name them), documents built by
// hand (no runs: every run looked up), a table or lexicon that is not
// there, no fields at all.
var matchesCases = [][4]string{
	{`{"fields": F}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{"fields": F}`, `"ad_absolute"`, `"words"`, `{"title": true}`},
	{`{"fields": F}`, `"ad_absolute"`, `"words"`, `{"title": false, "description": null}`},
	{`{"fields": F}`, `"ad_absolute"`, `"words"`, `{"description"}`},
	{`{"fields": F}`, `"ad_absolute"`, `"words"`, `["description"]`},
	{`{"fields": F}`, `"ad_absolute"`, `"no such lexicon"`, `{}`},
	{`{"fields": F}`, `"no such table"`, `"words"`, `{}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "description", "i": 0, "n": 1, "key": "最好"},
		{"field": "title", "i": 1, "n": 2, "key": "最低价"},
		{"field": "title", "i": 0, "n": 3, "key": "全网最低价"},
		{"field": "title", "i": 1, "n": 1, "key": "not a word"}]}}}}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "description", "i": 0, "n": 1, "key": "最好"},
		{"field": "title", "i": 1, "n": 2, "key": "最低价"}]}}}}`, `"ad_absolute"`, `"words"`, `{"description": true}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "title", "i": 2, "n": 2, "key": "最低价"},
		{"field": "title", "i": 9, "n": 1, "key": "最低价"},
		{"field": "title", "i": -1, "n": 2, "key": "最低价"},
		{"field": "nowhere", "i": 0, "n": 1, "key": "最好"},
		{"i": 0, "n": 1, "key": "最好"},
		{"field": "title", "n": 1, "key": "最好"},
		{"field": "title", "i": 0, "key": "最好"},
		{"field": "title", "i": 0, "n": 1},
		"最好"]}}}}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "title", "i": 1.0, "n": 2, "key": "最低价"},
		{"field": "title", "i": 1, "n": 2.0, "key": "最低价"},
		{"field": "title", "i": 1, "n": 1.5, "key": "最低价"},
		{"field": "description", "i": 0, "n": 1e0, "key": "最好"}]}}}}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "title", "i": 1, "n": "2", "key": "最低价"}]}}}}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "title", "i": "1", "n": 2, "key": "最低价"}]}}}}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{"fields": F, "lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "title", "i": 1, "n": 2, "key": "最低价"}]}}}}`, `"ad_absolute"`, `"words"`, `{"title": true}`},
	{`{"lexicon": {"found": {"ad_absolute": {"words": [
		{"field": "title", "i": 1, "n": 2, "key": "最低价"}]}}}}`, `"ad_absolute"`, `"words"`, `{}`},
	{`{}`, `"ad_absolute"`, `"words"`, `{}`},
}

// TestMatchesBuiltinAsRego: lexicon.matches, whose hits xiaoer.matches
// builds, gives what the Rego gave: the same hits, none where it had none,
// an error where it failed.
func TestMatchesBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, matchesInRego,
		"x := data.xiaoer.lib.lexicon.matches(input.table, input.lex, input.skip)", "x := data.xiaoer.built.matches(input.table, input.lex, input.skip)")
	now, was := pqs[0], pqs[1]
	seen := map[string]bool{}
	for _, c := range matchesCases {
		input := ast.NewObject(
			ast.Item(ast.StringTerm("kind"), ast.StringTerm("listing")),
			ast.Item(ast.StringTerm("listing"), ast.MustParseTerm(strings.ReplaceAll(c[0], "F", matchesFields))),
			ast.Item(ast.StringTerm("table"), ast.MustParseTerm(c[1])),
			ast.Item(ast.StringTerm("lex"), ast.MustParseTerm(c[2])),
			ast.Item(ast.StringTerm("skip"), ast.MustParseTerm(c[3])),
		)
		got, want := answer(ctx, now, input), answer(ctx, was, input)
		if got != want {
			t.Errorf("matches(%s, %s, %s) on %s\n got %s\nwant %s", c[1], c[2], c[3], c[0], got, want)
		}
		switch {
		case want == "set()":
			seen["none"] = true
		case strings.Contains(want, "全网最低价"):
			seen["hits"] = true
		default:
			seen[want] = true
		}
	}
	if !seen["none"] || !seen["hits"] || !seen["error"] {
		t.Errorf("the cases give %v: want hits, none and errors", seen)
	}
}

// TestMatchesBuiltinOddArguments: a policy calling xiaoer.matches with
// runs that are no collection gets an error; nothing panics.
func TestMatchesBuiltinOddArguments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pq, err := rego.New(rego.Query(`x := xiaoer.matches(input.s, {}, {}, {})`), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pq.Eval(ctx, rego.EvalInput(map[string]any{"s": "text"})); err == nil || !strings.Contains(err.Error(), "operand 1 must be") {
		t.Errorf(`xiaoer.matches("text", ...): err %v, want an operand error`, err)
	}
	rs, err := pq.Eval(ctx, rego.EvalInput(map[string]any{"s": []any{"run", 1, map[string]any{"field": "title"}}}))
	if err != nil || len(rs) != 1 || rs[0].Bindings["x"] == nil {
		t.Errorf("xiaoer.matches of runs that are no runs: %v, %v; want an empty set", rs, err)
	}
}
