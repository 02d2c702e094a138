package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.boundary_between(fields, name, a, b, marks) reports whether one
// of tokens a..b of field name (fields[name].tokens, an array of {t}) is
// a clause mark: its t is in marks. It
// is lexicon.boundary_between (lib/lexicon.rego), which walked the range
// in Rego, three steps a token, for every context word, figure and
// pattern part the rules look at across tokens. Like numbers.range, it
// fails on a range whose ends are no integers.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var boundaryBetweenBuiltin = &ast.Builtin{
	Name:        "xiaoer.boundary_between",
	Description: "Whether a clause mark lies among tokens a..b (see boundary_between in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("fields", types.A),
			types.Named("name", types.A),
			types.Named("a", types.A),
			types.Named("b", types.A),
			types.Named("marks", types.A),
		),
		types.Named("found", types.B),
	),
}

func boundaryBetween(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	if ast.Compare(operands[2].Value, operands[3].Value) > 0 {
		return iter(ast.InternedTerm(false))
	}
	a, aok := intOf(operands[2])
	b, bok := intOf(operands[3])
	if !aok || !bok {
		return builtins.NewOperandErr(3, "the ends of the range must be integers") // as numbers.range failed
	}
	toks, _ := valueOf(get(get(operands[0], operands[1]), keyTokens)).(*ast.Array)
	if toks == nil {
		return iter(ast.InternedTerm(false))
	}
	for m := max(a, 0); m <= min(b, toks.Len()-1); m++ {
		if t := get(toks.Elem(m), keyT); t != nil && truthy(get(operands[4], t)) {
			return iter(ast.InternedTerm(true))
		}
	}
	return iter(ast.InternedTerm(false))
}
