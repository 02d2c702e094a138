package policies

import (
	"context"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// boundaryInRego is lexicon.boundary_between as it was before
// xiaoer.boundary_between: lexicon.boundary_between must answer as it did.
const boundaryInRego = `package xiaoer.was.boundary

import data.xiaoer.lib.lexicon

boundary_between(name, a, b) if {
	a <= b
	some m in numbers.range(a, b)
	lexicon.boundaries[input.listing.fields[name].tokens[m].t]
}
`

// TestBoundaryBuiltinAsRego: lexicon.boundary_between gives what the Rego
// gave for every range around a title with clause marks and a
// description whose tokens lack t or have a t that is no string: true,
// undefined, or (ends that are no integers) an error.
func TestBoundaryBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, boundaryInRego,
		"x := data.xiaoer.lib.lexicon.boundary_between(input.name, input.a, input.b)",
		"x := data.xiaoer.was.boundary.boundary_between(input.name, input.a, input.b)")
	now, was := pqs[0], pqs[1]
	fields := `{"title": {"tokens": [{"t": "最"}, {"t": ","}, {"t": "好"}, {"t": "。"}, {"t": "的"}, {"t": "|"}]},
		"description": {"tokens": [{"t": "好"}, {"s": 3}, {"t": 7}, {"t": "!"}]}}`
	ends := []string{"1.5", `"1"`}
	for k := -2; k <= 7; k++ {
		ends = append(ends, fmt.Sprint(k))
	}
	seen := map[string]int{}
	for _, name := range []string{"title", "description", "nowhere"} {
		for _, a := range ends {
			for _, b := range ends {
				input := ast.MustParseTerm(fmt.Sprintf(`{"name": %q, "a": %s, "b": %s, "listing": {"fields": %s}}`, name, a, b, fields)).Value
				got, want := answer(ctx, now, input), answer(ctx, was, input)
				if got != want {
					t.Errorf("boundary_between(%q, %s, %s) = %s, want %s", name, a, b, got, want)
				}
				seen[want]++
			}
		}
	}
	if seen["true"] < 20 || seen["undefined"] < 20 || seen["error"] == 0 {
		t.Errorf("the ranges give %v: want true, undefined and errors", seen)
	}
}
