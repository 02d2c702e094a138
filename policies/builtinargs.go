package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
)

// elements are the members of operand pos, a set or an array, as the
// builtins that take either (xiaoer.longest, xiaoer.matches) walk them.
func elements(operand *ast.Term, pos int) ([]*ast.Term, error) {
	switch v := operand.Value.(type) {
	case ast.Set:
		return v.Slice(), nil
	case *ast.Array:
		terms := make([]*ast.Term, 0, v.Len())
		v.Foreach(func(t *ast.Term) { terms = append(terms, t) })
		return terms, nil
	}
	return nil, builtins.NewOperandTypeErr(pos, operand.Value, "set", "array")
}
