package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.unregistered_hits(listing, hits, registered, brands) are the
// hits that lexicon.registered (lib/names.rego) does not exempt, on an
// engine's listing whose held has no negated_scope: then a hit is
// registered exactly where xiaoer.name_kind finds a name around it. The
// word rules (ad-unsourced-claim, ad-pressure, ad-absolute) ask it for
// their unregistered hits in a listing with a name (most export rows
// carry a 品牌 attribute): in Rego each hit took the calls of
// registered, name_exemption, xiaoer.name_kind and negated, about 90k
// instructions a hit; here the listing's hits take one step. Undefined
// without the found list or held, and where held has a negated_scope
// (a negation word: the Rego decides, as it always did). It errs where
// xiaoer.name_kind errs.
var unregisteredHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.unregistered_hits",
	Description: "The hits no name nor negation exempts, on an engine's listing without a negation (see registered in lib/names.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("hits", types.A).Description("a rule's hits, a set or an array"),
			types.Named("registered", types.A).Description("lexicon.registered_names"),
			types.Named("brands", types.A).Description("lexicon.brand_names"),
		),
		types.Named("unregistered", types.NewArray(nil, types.A)),
	),
}

func unregisteredHits(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, hits := operands[0], operands[1]
	lex := get(listing, keyLexicon)
	found, held := get(lex, keyFound), get(lex, keyHeld)
	if found == nil || held == nil || get(get(held, keyNegation), keyNegatedScope) != nil {
		return nil
	}
	names := get(found, tableNames)
	works, marks := terms(valueOf(get(names, keyWorks))), terms(valueOf(get(names, keyTitleMarks)))
	var out []*ast.Term
	for _, c := range terms(valueOf(hits)) {
		h, err := nameHitOf(listing, c)
		if err != nil {
			return err
		}
		kind, err := h.kind(operands[2], operands[3], works, marks)
		if err != nil {
			return err
		}
		if kind == nil {
			out = append(out, c)
		}
	}
	return iter(ast.ArrayTerm(out...))
}
