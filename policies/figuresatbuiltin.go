package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.figures_at(fields, name, figures, a, b, marks) are the figures
// of field name (the members num of figures with num.field == name) whose
// first token lies in a..b with no clause mark (a token whose t is in
// marks) from token a to the token before it, each as [first, num]. A
// figure's first token is lexicon.figure_first's: num.ti where it is a
// number of at least zero; where ti is missing (figures written by hand)
// the token whose s is num.s.
//
// It is the walk ad-unsourced-claim made from every rate word (好评率,
// 回购率) in Rego: every figure of the listing, its field, its first
// token, the range and the clause, a few steps each; here a call is one
// step. What the rule judges stays in it: the units a rate takes and the
// nearer rate word that takes the figure instead.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var figuresAtBuiltin = &ast.Builtin{
	Name:        "xiaoer.figures_at",
	Description: "The figures of a field whose first token lies in a..b after no clause mark, as [first token, figure].",
	Decl: types.NewFunction(
		tokenRangeArgs,
		types.Named("figures", types.NewArray(nil, types.A)),
	),
}

func figuresAt(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	r, err := tokenRangeOf(operands)
	if err != nil {
		return err
	}
	return iter(ast.ArrayTerm(figuresIn(r)...))
}

// figuresIn are the [first token, figure] pairs xiaoer.figures_at gives
// for range r.
func figuresIn(r tokenRange) []*ast.Term {
	name, a, b, toks := r.name, r.a, r.b, r.toks
	if toks == nil {
		toks = ast.NewArray()
	}
	open := a - 1 // the last token from a on that is no clause mark
	for open < b && !truthy(get(r.marks, tokenT(toks, open+1))) {
		open++
	}
	var found []*ast.Term
	r.figures.Foreach(func(num *ast.Term) {
		if f := get(num, keyField); f == nil || !f.Equal(name) {
			return
		}
		if first, ok := figureFirst(toks, num); ok && first >= a && first <= b && first <= open+1 {
			found = append(found, ast.ArrayTerm(ast.InternedTerm(first), num))
		}
	})
	return found
}

// figureFirst is lexicon.figure_first(num) for a figure of a field with
// tokens toks: ti where it is a whole number of at least zero; where it is
// missing or false, the token that starts at num.s.
func figureFirst(toks *ast.Array, num *ast.Term) (int, bool) {
	ti := get(num, keyTi)
	if ti != nil && !ti.Equal(ast.InternedTerm(false)) {
		first, ok := intOf(ti)
		return first, ok && first >= 0
	}
	s := get(num, keyS)
	for k := 0; s != nil && k < toks.Len(); k++ {
		if at := get(toks.Elem(k), keyS); at != nil && at.Equal(s) {
			return k, true
		}
	}
	return 0, false
}
