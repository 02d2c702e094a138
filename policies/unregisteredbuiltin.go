package policies

import (
	"regexp"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.unregistered_hits(listing, hits, registered, brands, negation)
// are the hits that lexicon.registered (lib/names.rego) does not exempt,
// on an engine's listing (found and held): a hit is registered where
// xiaoer.name_kind finds a name around it, or where negated holds
// (negation.rego: xiaoer.in_context's Go, then negative_claim). The
// word rules (ad-unsourced-claim, ad-pressure, ad-absolute) ask it for
// their unregistered hits in a listing with a name (most export rows
// carry a 品牌 attribute): in Rego each hit took the calls of
// registered, name_exemption, xiaoer.name_kind and negated, about 90k
// instructions a hit; here the listing's hits take one step. Undefined
// without the found list or held, and where xiaoer.in_context would be
// (the Rego decides, as it always did). It errs where xiaoer.name_kind
// errs.
var unregisteredHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.unregistered_hits",
	Description: "The hits no name nor negation exempts, on an engine's listing (see registered in lib/names.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("hits", types.A).Description("a rule's hits, a set or an array"),
			types.Named("registered", types.A).Description("lexicon.registered_names"),
			types.Named("brands", types.A).Description("lexicon.brand_names"),
			types.Named("negation", types.A).Description("data.tables.negation"),
		),
		types.Named("unregistered", types.NewArray(nil, types.A)),
	),
}

func unregisteredHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, hits, negation := operands[0], operands[1], operands[4]
	lex := get(listing, keyLexicon)
	found := get(lex, keyFound)
	if found == nil || !truthy(get(lex, keyHeld)) {
		return nil
	}
	negated := newHeldContexts(lex, tableNegation, get(negation, keyContexts), get(listing, keyFields))
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
		if kind != nil {
			continue
		}
		scoped, err := negated.answer(negatedScope, c)
		if err != nil {
			return nil // undefined: the Rego decides
		}
		if !scoped || negativeClaim(c, negation) {
			out = append(out, c)
		}
	}
	return iter(ast.ArrayTerm(out...))
}

var (
	tableNegation   = ast.StringTerm("negation")
	negatedScope    = ast.StringTerm("negated_scope")
	keyNegativeKeys = key("negative_claims")
	negativeStart   = regexp.MustCompile(`^(不|无|零|永不|没|免|非|未|绝不|决不|从不)`)
)

// negativeClaim is negation.negative_claim: hit c itself denies
// something bad (不含, 无添加), so a negation before it does not undo it.
func negativeClaim(c, negation *ast.Term) bool {
	key, ok := termOf[ast.String](get(c, keyKey))
	return ok && (negativeStart.MatchString(string(key)) || truthy(get(get(negation, keyNegativeKeys), get(c, keyKey))))
}
