package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.runs_after(figures, runs, gap) pairs figures with the lexicon
// runs that follow them: [num, r] for every figure num of figures and run
// r of runs in the same field (r.field == num.field) that starts 0 to gap
// tokens after the figure's next token num.tn (the token that starts
// where the figure ends; -1 for none, which pairs with nothing). Pairs
// come figure by figure, each figure's runs in the order of runs.
//
// It is the walk ad-unsourced-claim made for the words after a figure
// (10万+人已买, 99%的买家): a call of lexicon.figure_next and three
// comparisons per figure and run, about 130k instructions a shop export
// row that reaches the rule; here the call is one step. What counts as a
// claim (the figure's unit, the word) stays in the rule.
//
// It answers only for figures of the engine's shape (tn an integer) and
// runs whose i is an integer; it is undefined otherwise (figures written
// by hand lack tn), and the rule's Rego, which finds the next token by
// the figure's offsets, takes them.
var runsAfterBuiltin = &ast.Builtin{
	Name:        "xiaoer.runs_after",
	Description: "The [figure, run] pairs of runs that start 0 to gap tokens after a figure's next token (see rules/ad_unsourced_claim).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("figures", types.A),
			types.Named("runs", types.A),
			types.Named("gap", types.N),
		),
		types.Named("pairs", types.NewArray(nil, types.A)),
	),
}

var keyTn = key("tn")

func runsAfter(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	figures, ok := operands[0].Value.(*ast.Array)
	runs, ok2 := operands[1].Value.(*ast.Array)
	gap, ok3 := intOf(operands[2])
	if !ok || !ok2 || !ok3 {
		return nil
	}
	starts := make([]int, runs.Len())
	for k := range runs.Len() {
		if starts[k], ok = intAt(runs.Elem(k), keyI); !ok {
			return nil
		}
	}
	var pairs []*ast.Term
	for f := range figures.Len() {
		num := figures.Elem(f)
		next, ok := intAt(num, keyTn)
		if !ok {
			return nil
		}
		for k, i := range starts {
			r := runs.Elem(k)
			if next >= 0 && i >= next && i <= next+gap && fieldsMatch(r, num) {
				pairs = append(pairs, ast.ArrayTerm(num, r))
			}
		}
	}
	return iter(ast.ArrayTerm(pairs...))
}

// fieldsMatch: a and b both have a field, and the same one.
func fieldsMatch(a, b *ast.Term) bool {
	fa, fb := get(a, keyField), get(b, keyField)
	return fa != nil && fb != nil && fa.Equal(fb)
}

// intAt is t[k] as an int, if it is an integer number.
func intAt(t, k *ast.Term) (int, bool) {
	v := get(t, k)
	if v == nil {
		return 0, false
	}
	return intOf(v)
}
