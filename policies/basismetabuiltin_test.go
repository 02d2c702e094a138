package policies

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// TestBasisMetaAsRego: material-fiber's unstated_meta and conflict_meta,
// which xiaoer.basis_meta answers, are the unions the Rego builds, for
// the tables the policies ship.
func TestBasisMetaAsRego(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rule := "data.xiaoer.rules.material_fiber."
	for _, name := range []string{"unstated", "conflict"} {
		pqs := prepareBeside(t, "", "x := "+rule+name+"_meta",
			"x := object.union("+rule+"meta, {\"basis\": "+rule+name+"_basis})",
			"x := xiaoer.basis_meta("+rule+"meta, data.tables.material."+name+")")
		want := answer(ctx, pqs[1], ast.NewObject())
		if !strings.Contains(want, `"basis": {"confirmed"`) {
			t.Fatalf("%s: the Rego's meta is %s", name, want)
		}
		for i, pq := range []int{0, 2} {
			if got := answer(ctx, pqs[pq], ast.NewObject()); got != want {
				t.Errorf("%s (%d): got %s\nwant %s", name, i, got, want)
			}
		}
	}
}

// TestBasisMetaOperands: the builtin is the Rego's union for operands
// the data does not have (a basis with more keys keeps them, as
// object.union merges), undefined where a key the Rego reads is missing,
// and the same term again for the same operand terms.
func TestBasisMetaOperands(t *testing.T) {
	t.Parallel()
	meta := ast.MustParseTerm(`{"id": "r", "basis": {"law": "L", "penalty": "P", "note": "N"}, "exposure": {}}`)
	cases := []struct{ meta, entry, want string }{
		{`{"id": "r", "basis": {"law": "L", "penalty": "P", "note": "N"}, "exposure": {}}`, `{"source": "S", "link": "", "confirmed": true, "tolerance": 0.5}`,
			`{"basis": {"confirmed": true, "law": "S", "link": "", "note": "N", "penalty": "P"}, "exposure": {}, "id": "r"}`},
		{`{"basis": {"penalty": 1}}`, `{"source": 2, "link": 3, "confirmed": false}`,
			`{"basis": {"confirmed": false, "law": 2, "link": 3, "penalty": 1}}`},
		{`{"basis": {"law": "L"}}`, `{"source": "S", "link": "", "confirmed": true}`, "undefined"},
		{`{"basis": "b"}`, `{"source": "S", "link": "", "confirmed": true}`, "undefined"},
		{`{"basis": {"penalty": "P"}}`, `{"source": "S", "confirmed": true}`, "undefined"},
		{`{"basis": {"penalty": "P"}}`, `["S"]`, "undefined"},
	}
	for _, c := range cases {
		if got := basisMetaAnswer(t, ast.MustParseTerm(c.meta), ast.MustParseTerm(c.entry)); got == nil && c.want != "undefined" || got != nil && got.String() != c.want {
			t.Errorf("xiaoer.basis_meta(%s, %s) = %v; want %s", c.meta, c.entry, got, c.want)
		}
	}
	entry := ast.MustParseTerm(`{"source": "S", "link": "", "confirmed": true}`)
	first, again := basisMetaAnswer(t, meta, entry), basisMetaAnswer(t, meta, entry)
	if first == nil || first != again {
		t.Errorf("the same operands gave %p then %p", first, again)
	}
	other := basisMetaAnswer(t, meta, ast.MustParseTerm(`{"source": "T", "link": "", "confirmed": true}`))
	if other == nil || !strings.Contains(other.String(), `"law": "T"`) {
		t.Errorf("another entry gave %v", other)
	}
}

func basisMetaAnswer(t *testing.T, meta, entry *ast.Term) *ast.Term {
	t.Helper()
	var out *ast.Term
	err := basisMeta(topdown.BuiltinContext{Context: context.Background()}, []*ast.Term{meta, entry}, func(x *ast.Term) error {
		out = x
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
