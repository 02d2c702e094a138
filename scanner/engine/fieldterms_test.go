package engine

import (
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestFieldTermsKeepRepeatedFields: a field is kept at its second sight
// and shared from its third; a field equal in text but not in tokens, or
// too long to keep, is made afresh.
func TestFieldTermsKeepRepeatedFields(t *testing.T) {
	t.Parallel()
	field := func(text string, toks ...facts.Token) facts.Field {
		first, end := 0, len(toks)
		return facts.Field{Text: text, Tokens: toks, Sentences: []facts.Sentence{{Span: facts.Span{S: 0, E: len(text)}, First: &first, End: &end}}}
	}
	c := newFieldTerms()
	f := field("纯棉T恤", facts.Token{T: "纯棉", S: 0, E: 6}, facts.Token{T: "t恤", S: 6, E: 10})
	var got [3]*ast.Term
	for k := range got {
		term, err := c.of(f, allParts)
		if err != nil {
			t.Fatal(err)
		}
		want, err := astTerm(reflect.ValueOf(f))
		if err != nil {
			t.Fatal(err)
		}
		if !term.Equal(want) {
			t.Fatalf("sight %d: %v, want %v", k, term, want)
		}
		got[k] = term
	}
	if got[0] == got[1] || got[1] != got[2] {
		t.Errorf("want a fresh term at the first two sights and the kept one at the third")
	}
	long := field(strings.Repeat("棉", fieldMaxTokens+1), make([]facts.Token, fieldMaxTokens+1)...)
	for range 3 {
		if _, err := c.of(long, allParts); err != nil {
			t.Fatal(err)
		}
	}
	if n := c.kept.Size(); n != int64(len(f.Tokens)) {
		t.Errorf("%d tokens kept, want %d (the long field is never kept)", n, len(f.Tokens))
	}
	other := field("纯棉T恤", facts.Token{T: "纯棉t恤", S: 0, E: 10})
	if term, _ := c.of(other, allParts); term == got[2] || term.Equal(got[2]) {
		t.Errorf("a field of other tokens got the kept term %v", term)
	}
}

// TestFieldsTermKeepsNoTitle: a title seen again is made afresh, the
// description beside it is kept.
func TestFieldsTermKeepsNoTitle(t *testing.T) {
	t.Parallel()
	first, end := 0, 1
	field := func(text string) facts.Field {
		return facts.Field{Text: text, Tokens: []facts.Token{{T: text, S: 0, E: len(text)}}, Sentences: []facts.Sentence{{Span: facts.Span{S: 0, E: len(text)}, First: &first, End: &end}}}
	}
	fields := map[string]facts.Field{facts.FieldTitle: field("纯棉T恤"), facts.FieldDescription: field("精梳棉")}
	c := newFieldTerms()
	for range 3 {
		if _, err := fieldsTerm(fields, c, allParts); err != nil {
			t.Fatal(err)
		}
	}
	if n := c.kept.Size(); n != 1 {
		t.Errorf("%d tokens kept, want 1: the description's, not the title's", n)
	}
}

// TestFrozenAllSortsEveryCollection: after frozenAll, readers on other
// goroutines only read a term: Copy (which reads an object's keys
// without the guard) beside readers in order (which sort them at their
// first read). Under -race an object or set left unsorted is a race; the
// term's values stay as they were.
func TestFrozenAllSortsEveryCollection(t *testing.T) {
	t.Parallel()
	// Made by hand, keys out of order: a walk to find them would sort them.
	set := ast.NewSet(ast.IntNumberTerm(3), ast.IntNumberTerm(1), ast.IntNumberTerm(2))
	inner := ast.NewObject(ast.Item(ast.StringTerm("y"), ast.IntNumberTerm(1)), ast.Item(ast.StringTerm("x"), ast.NewTerm(set)))
	tok := ast.NewObject(ast.Item(keyT, ast.StringTerm("a")), ast.Item(keyS, ast.IntNumberTerm(1)), ast.Item(keyE, ast.IntNumberTerm(2)))
	mid := ast.NewObject(ast.Item(ast.StringTerm("b"), ast.NewTerm(inner)))
	deep := ast.NewObject(ast.Item(ast.StringTerm("n"), ast.IntNumberTerm(1)), ast.Item(ast.StringTerm("m"), ast.IntNumberTerm(2)))
	side := ast.NewObject(ast.Item(ast.StringTerm("q"), ast.IntNumberTerm(1)), ast.Item(ast.StringTerm("p"), ast.ArrayTerm(ast.NewTerm(deep))))
	top := ast.NewObject(ast.Item(ast.StringTerm("z"), ast.ArrayTerm(ast.NewTerm(tok), ast.NewTerm(mid))), ast.Item(ast.StringTerm("a"), ast.NewTerm(side)))
	term := ast.NewTerm(top)
	objs, sets := []ast.Object{top, side, deep, mid, inner, tok}, []ast.Set{set}
	want := `{"a": {"p": [{"m": 2, "n": 1}], "q": 1}, "z": [{"e": 2, "s": 1, "t": "a"}, {"b": {"x": {1, 2, 3}, "y": 1}}]}`
	frozenAll(term)
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, o := range objs {
			o.Copy()
		}
		for _, s := range sets {
			s.Copy()
		}
	})
	wg.Go(func() {
		for _, o := range objs {
			o.Keys()
		}
		for _, s := range sets {
			s.Sorted()
		}
	})
	wg.Wait()
	if got := term.String(); got != want {
		t.Errorf("frozen: %s, was %s", got, want)
	}
}
