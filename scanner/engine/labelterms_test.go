package engine

import (
	"hash/maphash"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A label's term is the string's at every sight, and one term from the
// second sight on.
func TestLabelTermsShareFromTheSecondSight(t *testing.T) {
	t.Parallel()
	l := &labelTerms{seed: maphash.MakeSeed()}
	var got []*ast.Term
	for range 3 {
		got = append(got, l.of("taobao"))
	}
	for _, g := range got {
		if !g.Equal(ast.StringTerm("taobao")) {
			t.Fatalf("term %v, want \"taobao\"", g)
		}
	}
	if got[0] == got[1] || got[1] != got[2] {
		t.Errorf("first, second and third sight: %p %p %p; want a term of its own, then one kept", got[0], got[1], got[2])
	}
	if other := l.of("jd"); !other.Equal(ast.StringTerm("jd")) {
		t.Errorf("another label: %v", other)
	}
	if nilMemo := (*labelTerms)(nil).of("x"); !nilMemo.Equal(ast.StringTerm("x")) {
		t.Errorf("nil memo: %v", nilMemo)
	}
}
