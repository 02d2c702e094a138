package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.outside(items, name) are the members of items (an array, or the
// members of a set or the values of an object, in the order Rego walks
// them) whose "field" is there and is not name, in order: the Rego
//
//	[x | some x in items; x.field != name]
//
// in one step. ad-unsourced-claim keeps the listing's figures outside its
// skipped field so (figures): the comprehension took three steps a
// figure, and its most evaluated line, on every listing it judges.
// Anything else (a string, a number) has no members.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var outsideBuiltin = &ast.Builtin{
	Name:        "xiaoer.outside",
	Description: "The members of items whose field is there and is not name: [x | some x in items; x.field != name].",
	Decl: types.NewFunction(
		types.Args(
			types.Named("items", types.A).Description("an array, set or object"),
			types.Named("name", types.A).Description("the field to leave out"),
		),
		types.Named("members", types.NewArray(nil, types.A)),
	),
}

func outside(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	return iter(ast.ArrayTerm(membersOutside(operands[0], operands[1])...))
}

// membersOutside is xiaoer.outside(items, name)'s members.
func membersOutside(items, name *ast.Term) []*ast.Term {
	var kept []*ast.Term
	keep := func(x *ast.Term) {
		if f := get(x, keyField); f != nil && !f.Equal(name) {
			kept = append(kept, x)
		}
	}
	switch v := valueOf(items).(type) {
	case *ast.Array:
		v.Foreach(keep)
	case ast.Set:
		v.Foreach(keep)
	case ast.Object:
		v.Foreach(func(_, x *ast.Term) { keep(x) })
	}
	return kept
}
