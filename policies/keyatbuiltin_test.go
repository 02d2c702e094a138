package policies

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// keyAtInRego is lexicon.key_at as it was before xiaoer.key_at: a clause
// per run length up to max_run, a comprehension beyond. lexicon.key_at
// must answer as it did.
const keyAtInRego = `package xiaoer.joined

max_run := 4

key_at(name, i, 1) := input.listing.fields[name].tokens[i].t if i >= 0

key_at(name, i, 2) := concat("", [toks[i].t, toks[i + 1].t]) if {
	i >= 0
	toks := input.listing.fields[name].tokens
}

key_at(name, i, 3) := concat("", [toks[i].t, toks[i + 1].t, toks[i + 2].t]) if {
	i >= 0
	toks := input.listing.fields[name].tokens
}

key_at(name, i, 4) := concat("", [toks[i].t, toks[i + 1].t, toks[i + 2].t, toks[i + 3].t]) if {
	i >= 0
	toks := input.listing.fields[name].tokens
}

key_at(name, i, n) := concat("", [toks[m].t | some m in numbers.range(i, (i + n) - 1)]) if {
	i >= 0
	n > max_run
	toks := input.listing.fields[name].tokens
	count(toks) >= i + n
}
`

// keyAtFields: a title of seven tokens, a description whose tokens lack
// t or have a t that is no string, a field without tokens.
const keyAtFields = `{
	"title": {"tokens": [{"t": "全网"}, {"t": "最"}, {"t": "低"}, {"t": "价"}, {"t": "，"}, {"t": "10"}, {"t": "万件"}]},
	"description": {"tokens": [{"t": "原"}, {"s": 3}, {"t": "装"}, {"t": "正"}, {"t": "品"}, {"t": "好"}, {"t": 7}, {"t": "货"}]},
	"attributes": {}
}`

// TestKeyAtBuiltinAsRego: lexicon.key_at, which xiaoer.key_at joins,
// gives what the Rego gave for every start and length around each field
// (before it, inside, past its end): the same key, undefined, or an error.
func TestKeyAtBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, keyAtInRego,
		"x := data.xiaoer.lib.lexicon.key_at(input.name, input.i, input.n)", "x := data.xiaoer.joined.key_at(input.name, input.i, input.n)")
	now, was := pqs[0], pqs[1]
	seen := map[string]int{}
	listing := ast.MustParseTerm(`{"fields": ` + keyAtFields + `}`)
	for _, name := range []string{"title", "description", "attributes", "nowhere"} {
		for i := -2; i <= 9; i++ {
			for n := -1; n <= 9; n++ {
				input := ast.NewObject(
					ast.Item(ast.StringTerm("listing"), listing),
					ast.Item(ast.StringTerm("name"), ast.StringTerm(name)),
					ast.Item(ast.StringTerm("i"), ast.IntNumberTerm(i)),
					ast.Item(ast.StringTerm("n"), ast.IntNumberTerm(n)),
				)
				got, want := answer(ctx, now, input), answer(ctx, was, input)
				if got != want {
					t.Errorf("key_at(%q, %d, %d)\n got %s\nwant %s", name, i, n, got, want)
				}
				seen[strings.SplitN(want, `"`, 2)[0]]++
			}
		}
	}
	if seen[""] < 30 || seen["undefined"] == 0 || seen["error"] == 0 {
		t.Errorf("the cases give %v: want keys, undefined and errors", seen)
	}
}

// TestKeyAtBuiltinOddArguments: a policy calling xiaoer.key_at with
// tokens that are no array gets an error, with a start or length that is
// no integer an undefined key; nothing panics.
func TestKeyAtBuiltinOddArguments(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	for in, want := range map[string]string{
		`{"toks": "text", "i": 0, "n": 1}`:                   "error",
		`{"toks": [{"t": "a"}], "i": "0", "n": 1}`:           "undefined",
		`{"toks": [{"t": "a"}], "i": 0, "n": 1.5}`:           "undefined",
		`{"toks": [{"t": "a"}, {"t": "b"}], "i": 0, "n": 2}`: `"ab"`,
	} {
		pq, err := rego.New(rego.Query("x := xiaoer.key_at(input.toks, input.i, input.n)"), rego.StrictBuiltinErrors(true)).PrepareForEval(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if got := answer(ctx, pq, ast.MustParseTerm(in).Value); got != want {
			t.Errorf("xiaoer.key_at on %s = %s, want %s", in, got, want)
		}
	}
	if _, err := rego.New(rego.Query(`x := xiaoer.key_at("text", 0, 1)`)).PrepareForEval(ctx); err == nil {
		t.Error(`xiaoer.key_at("text", 0, 1) compiled; want a type error`)
	}
}
