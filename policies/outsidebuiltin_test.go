package policies

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestOutsideBuiltinAsRego: xiaoer.outside answers as the comprehension
// it replaces, on random lists of figures of several fields (some without
// a field, some no objects), on sets and objects of them, on no list at
// all and on scalars.
func TestOutsideBuiltinAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	pqs := prepareBeside(t, "",
		`x := xiaoer.outside(input.items, input.name)`,
		`x := [num | some num in input.items; num.field != input.name]`)
	now, was := pqs[0], pqs[1]
	members := []string{
		`{"field": "title", "s": 0, "value": 3, "unit": "%"}`,
		`{"field": "attributes", "s": 4, "value": 2026, "unit": "年"}`,
		`{"field": "description", "s": 9, "value": 100000, "unit": "件"}`,
		`{"field": "attributes", "s": 1, "value": 100, "unit": "%"}`,
		`{"s": 2, "value": 7, "unit": ""}`,
		`{"field": false}`, `{"field": null}`, `{"field": 1}`,
		`["field"]`, `"field"`, `3`, `{"field"}`, `{"title"}`,
	}
	rnd := rand.New(rand.NewSource(38))
	var items []string
	for range 300 {
		var ms []string
		for range rnd.Intn(7) {
			ms = append(ms, members[rnd.Intn(len(members))])
		}
		list := strings.Join(ms, ", ")
		items = append(items, "["+list+"]", "{"+list+"}")
		var kv []string
		for k, m := range ms {
			kv = append(kv, fmt.Sprintf(`"k%d": %s`, k, m))
		}
		items = append(items, "{"+strings.Join(kv, ", ")+"}")
	}
	items = append(items, `"attributes"`, `3`, `null`, `[]`)
	kept := 0
	for _, it := range items {
		for _, name := range []string{`"attributes"`, `"title"`, `false`, `3`} {
			input := ast.MustParseTerm(fmt.Sprintf(`{"items": %s, "name": %s}`, it, name)).Value
			got, want := answer(ctx, now, input), answer(ctx, was, input)
			if got != want {
				t.Fatalf("outside(%s, %s) = %s, want %s", it, name, got, want)
			}
			if want != "[]" && want != "undefined" {
				kept++
			}
		}
	}
	if kept < 500 {
		t.Errorf("only %d calls keep a member: the inputs test too little", kept)
	}
}
