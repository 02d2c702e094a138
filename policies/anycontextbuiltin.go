package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.any_in_context(lexicon, table, names, c, contexts, fields)
// reports whether one of the context names holds around hit c, as
// xiaoer.in_context answers each (operands as its own, names an array or
// set of names): true where one holds, false where none does. A rule
// asking whether an entry's allow-contexts exempt a hit walked may_hold
// and called in_context for each name it kept, two calls and two builtins
// a hit at least (about 60k instructions for 最好 beside its one held
// context, goal); here it is one. It is undefined where in_context would
// be for a name (no held, a restated word elsewhere, ...) and none holds,
// so lexicon.holds_any asks the Rego then.
//
// It is registered with OPA with the others (builtins.go).
var anyInContextBuiltin = &ast.Builtin{
	Name:        "xiaoer.any_in_context",
	Description: "Whether one of a table's contexts holds around a hit, from the engine's held (see holds_any in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("lexicon", types.A).Description("input.listing.lexicon"),
			types.Named("table", types.A),
			types.Named("names", types.A).Description("the contexts' names"),
			types.Named("hit", types.A),
			types.Named("contexts", types.A).Description("data.tables.<table>.contexts"),
			types.Named("fields", types.A).Description("input.listing.fields"),
		),
		types.Named("holds", types.B),
	),
}

func anyInContext(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	h, ok := heldOperands(operands)
	if !ok {
		return nil
	}
	unanswered := false
	for _, name := range terms(operands[2].Value) {
		holds, err := h.answer(name, operands[3])
		if err != nil {
			unanswered = true
			continue
		}
		if holds {
			return iter(ast.InternedTerm(true))
		}
	}
	if unanswered {
		return nil // undefined: the Rego decides
	}
	return iter(ast.InternedTerm(false))
}
