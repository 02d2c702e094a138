package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.span_free(hits, others) are the members of hits (a set or an
// array) whose span no member of others has: no other with the same
// field, s and e (compared as Rego's == compares them). A hit lacking
// one of the three is kept, as a comparison with an undefined side fails.
//
// ad-unsourced-claim drops the pattern hits that a word over the same
// span outranks (销量|突破|10|万件: the count wins in longest) before it
// asks their exemptions: asked per pattern hit, its walk of every
// candidate took a function call and a few steps per candidate.
var spanFreeBuiltin = &ast.Builtin{
	Name:        "xiaoer.span_free",
	Description: "The hits whose span (field, s, e) no hit of others has (see rules/ad_unsourced_claim).",
	Decl: types.NewFunction(
		types.Args(types.Named("hits", types.A), types.Named("others", types.A)),
		types.Named("free", types.NewSet(types.A)),
	),
}

func spanFree(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, err := elements(operands[0], 1)
	if err != nil {
		return err
	}
	others, err := elements(operands[1], 2)
	if err != nil {
		return err
	}
	free := ast.NewSet()
	for _, h := range hits {
		if !sameSpanIn(h, others) {
			free.Add(h)
		}
	}
	return iter(ast.NewTerm(free))
}

// sameSpanIn: some member of others has h's field, s and e.
func sameSpanIn(h *ast.Term, others []*ast.Term) bool {
	for _, o := range others {
		if sameAt(h, o, keyE) && sameAt(h, o, keyS) && sameAt(h, o, keyField) {
			return true
		}
	}
	return false
}

// sameAt: a[k] == b[k], both defined.
func sameAt(a, b, k *ast.Term) bool {
	x, y := get(a, k), get(b, k)
	return x != nil && y != nil && ast.Compare(x.Value, y.Value) == 0
}
