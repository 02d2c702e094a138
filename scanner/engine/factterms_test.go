package engine

import (
	"math"
	"reflect"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestFactTermsKeepRepeatedFacts: a fact is kept at its second sight
// and shared from its third; numbers apart only in a token index, and a
// fibre of -0% beside one of 0%, get terms of their own; a title's facts
// are never kept.
func TestFactTermsKeepRepeatedFacts(t *testing.T) {
	t.Parallel()
	one, two := 1, 2
	numbers := []facts.Number{
		{Value: 100, Unit: "%", Field: facts.FieldDescription, S: 3, E: 7, First: &one},
		{Value: 100, Unit: "%", Field: facts.FieldDescription, S: 3, E: 7, First: &two},
		{Value: 100, Unit: "%", Field: facts.FieldDescription, S: 3, E: 7},
		{Value: 100, Unit: "%", Field: facts.FieldTitle, S: 3, E: 7},
	}
	fibres := []facts.Fiber{{Fiber: "棉", Field: facts.FieldAttributes}, {Fiber: "棉", Percent: math.Copysign(0, -1), Field: facts.FieldAttributes}}
	c := newFieldTerms()
	var got [3]*ast.Array
	for k := range got {
		for _, v := range []any{&numbers, &fibres} {
			term, err := c.factsValue(reflect.ValueOf(v).Elem())
			if err != nil {
				t.Fatal(err)
			}
			want, err := astTerm(reflect.ValueOf(v).Elem())
			if err != nil {
				t.Fatal(err)
			}
			if !term.Equal(want) || term.String() != want.String() {
				t.Fatalf("sight %d: %v, want %v", k, term, want)
			}
			if _, ok := v.(*[]facts.Number); ok {
				got[k] = term.Value.(*ast.Array)
			}
		}
	}
	for i := range numbers {
		kept := got[1].Elem(i) == got[2].Elem(i)
		if want := numbers[i].Field != facts.FieldTitle; kept != want || got[0].Elem(i) == got[1].Elem(i) {
			t.Errorf("number %d: shared at the third sight %v, want %v (and fresh at the first two)", i, kept, want)
		}
	}
}

// TestFactTermsShareTheContext: the document's context is kept at its
// second sight and shared from its third, unless it holds a shop's facts.
func TestFactTermsShareTheContext(t *testing.T) {
	t.Parallel()
	c := newFieldTerms()
	for _, tc := range []struct {
		doc    facts.Document
		shared bool
	}{
		{facts.Document{Context: facts.Context{Platform: "taobao", Now: "2026-11-11T12:00:00+08:00"}}, true},
		{facts.Document{Context: facts.Context{Platform: "taobao", Now: "2026-11-11T12:00:00+08:00", Shop: map[string]any{"name": "店"}}}, false},
	} {
		var got [3]*ast.Term
		for k := range got {
			term, err := c.factsValue(reflect.ValueOf(&tc.doc).Elem().FieldByName("Context"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := astTerm(reflect.ValueOf(tc.doc.Context))
			if err != nil {
				t.Fatal(err)
			}
			if !term.Equal(want) {
				t.Fatalf("sight %d: %v, want %v", k, term, want)
			}
			got[k] = term
		}
		if shared := got[1] == got[2]; shared != tc.shared || got[0] == got[1] {
			t.Errorf("%v: shared at the third sight %v, want %v (and fresh at the first two)", tc.doc.Context, shared, tc.shared)
		}
	}
}
