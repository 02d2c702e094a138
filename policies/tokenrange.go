package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// tokenRangeArgs are the operands of the searches over a range of a
// field's tokens (xiaoer.numbers_at, xiaoer.figures_at): the listing's
// fields, the field's name, the listing's figures, the first and last
// token of the range, and the clause marks (a set or object of token
// texts).
var tokenRangeArgs = types.Args(
	types.Named("fields", types.A),
	types.Named("name", types.A),
	types.Named("figures", types.NewArray(nil, types.A)),
	types.Named("a", types.N),
	types.Named("b", types.N),
	types.Named("marks", types.A),
)

// tokenRange is those operands read.
type tokenRange struct {
	name    *ast.Term
	figures *ast.Array
	toks    *ast.Array // nil: the field or its tokens are missing
	a, b    int
	marks   *ast.Term
}

// tokenRangeOf reads the operands, with the errors the Rego the searches
// replace gave: figures not an array, or range ends that are not
// integers (as numbers.range failed).
func tokenRangeOf(operands []*ast.Term) (tokenRange, error) {
	figures, err := builtins.ArrayOperand(operands[2].Value, 3)
	if err != nil {
		return tokenRange{}, err
	}
	a, aok := intOf(operands[3])
	b, bok := intOf(operands[4])
	if !aok || !bok {
		return tokenRange{}, builtins.NewOperandErr(4, "the ends of the range must be integers")
	}
	toks, _ := valueOf(get(get(operands[0], operands[1]), keyTokens)).(*ast.Array)
	return tokenRange{name: operands[1], figures: figures, toks: toks, a: a, b: b, marks: operands[5]}, nil
}
