package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.plain_listing(listing, names) reports whether an engine's
// listing can have no hit exempted by a name or a negation: the engine's
// found has no run of the registered_names lexicons, no attribute is a
// brand attribute, names (data.tables.registered_names) registers no
// name, and held has no negated_scope. It is the usual case of
// lexicon.unexempting (lib/names.rego), which every word rule asks once
// a listing: in Rego its reads, negations and brand_attribute took about
// 70k instructions; here they are one step. False where any of it does
// not hold, and the Rego decides as before.
var plainListingBuiltin = &ast.Builtin{
	Name:        "xiaoer.plain_listing",
	Description: "Whether an engine's listing has no name nor negation that could exempt a hit (see unexempting in lib/names.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("names", types.A).Description("data.tables.registered_names"),
		),
		types.Named("plain", types.B),
	),
}

var (
	keyAttributes      = key("attributes")
	keyNames           = key("names")
	keyBrandAttributes = key("brand_attributes")
	keyNegation        = key("negation")
	keyNegatedScope    = key("negated_scope")
	tableNames         = ast.StringTerm("registered_names")
)

func plainListing(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, names := operands[0], operands[1]
	lex := get(listing, keyLexicon)
	found, held := get(lex, keyFound), get(lex, keyHeld)
	plain := truthy(found) && truthy(held) && !truthy(get(found, tableNames)) &&
		!truthy(get(get(held, keyNegation), keyNegatedScope)) &&
		get(names, keyNames).Equal(ast.InternedEmptyObject) &&
		!brandAttribute(get(listing, keyAttributes), get(names, keyBrandAttributes))
	return iter(ast.InternedTerm(plain))
}

// brandAttribute is lexicon.brand_attribute: some attribute's name is a
// brand attribute (品牌).
// The engine's attributes are an array, walked by index without the
// slice terms makes (a listing's every word rule asks this once).
func brandAttribute(attributes, brands *ast.Term) bool {
	if arr, ok := valueOf(attributes).(*ast.Array); ok {
		for i := range arr.Len() {
			if brandNamed(arr.Elem(i), brands) {
				return true
			}
		}
		return false
	}
	for _, a := range terms(valueOf(attributes)) {
		if brandNamed(a, brands) {
			return true
		}
	}
	return false
}

// brandNamed: attribute a's name is a brand attribute.
func brandNamed(a, brands *ast.Term) bool {
	name := get(a, keyName)
	return name != nil && truthy(get(brands, name))
}
