package engine

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestASTPartsReadAsFresh: findings that share their basis and exposure
// terms, read again and again (remembered after the first), are what
// decoding their JSON text gives, and each has its own basis list.
func TestASTPartsReadAsFresh(t *testing.T) {
	basis := ast.MustParseTerm(`{"law": "《广告法》第九条", "penalty": "罚款", "confirmed": true, "note": "注"}`)
	listed := ast.MustParseTerm(`{"fine_cny": [200000, 1000000], "punitive_cny": 99.5, "basis": ["广告法 §57", "消法 §55"], "confirmed": false}`)
	empty := ast.MustParseTerm(`{"fine_cny": [0, 0], "basis": [], "points": 4}`)
	none := ast.MustParseTerm(`{"points": 2}`)
	var items []*ast.Term
	for i, x := range []*ast.Term{listed, listed, empty, none, empty, listed} {
		items = append(items, ast.ObjectTerm(
			ast.Item(ast.StringTerm("rule"), ast.StringTerm(fmt.Sprint("r", i))),
			ast.Item(ast.StringTerm("basis"), basis),
			ast.Item(ast.StringTerm("exposure"), x),
		))
	}
	answer := ast.NewArray(items...)
	want := decodedText(t, answer)
	for pass := 0; pass < 3; pass++ {
		got, ok := findingsFromAST(answer)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("pass %d: ok %v\n  ast: %#v\n json: %#v", pass, ok, got, want)
		}
		got[0].Exposure.Basis[0] = "changed"
		got[0].Exposure.Basis = append(got[0].Exposure.Basis, "added")
		got[2].Exposure.Basis = append(got[2].Exposure.Basis, "added")
		if !reflect.DeepEqual(got[1:2], want[1:2]) || !reflect.DeepEqual(got[4:], want[4:]) {
			t.Fatalf("pass %d: changing one finding's exposure basis changed another's: %#v", pass, got)
		}
	}
}

// TestASTPartsForgetWhatFails: a part that is not read from the AST is
// not remembered, and the terms remembered stay bounded.
func TestASTPartsForgetWhatFails(t *testing.T) {
	odd := ast.NewArray(ast.ObjectTerm(ast.Item(ast.StringTerm("basis"), ast.MustParseTerm(`{"law": 1}`))))
	for pass := 0; pass < 2; pass++ {
		if got, ok := findingsFromAST(odd); ok {
			t.Fatalf("pass %d: read from the AST as %#v", pass, got)
		}
	}
	for i := 0; i < 3*maxASTParts; i++ {
		b := ast.ObjectTerm(ast.Item(ast.StringTerm("law"), ast.StringTerm(fmt.Sprint(i))))
		if _, ok := findingsFromAST(ast.NewArray(ast.ObjectTerm(ast.Item(ast.StringTerm("basis"), b)))); !ok {
			t.Fatal("plain basis not read")
		}
	}
	parts.mu.Lock()
	n := len(parts.basis)
	parts.mu.Unlock()
	if n > maxASTParts {
		t.Errorf("%d terms remembered, bound %d", n, maxASTParts)
	}
}
