package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.medical_open(hits, lexicon, contexts, fields) are those of
// ad-medical-claim's hits (rules/ad_medical_claim, which keeps the Rego
// as the fallback) at which none of the entry's allow contexts, nor
// negated, holds on the engine's documents: the second body of exempt.
// In Rego each hit took a call of exempt, held_names and an in_context
// call per context the listing has (with unless, two simple_match
// calls); here it is one step for all its hits: about 30k instructions
// less a listing that reaches the rule (its corpus titles).
//
// held is input.listing.lexicon.held and contexts
// data.tables.ad_medical_claim.contexts. It answers as xiaoer.in_context
// does (contextbuiltin.go: conjunctions too, but no word restated in
// another field) where every entry's allow is an array or absent; it
// is undefined otherwise, and where held_at would err, so the Rego meets
// anything else as it always did. The names (registered) exemption stays
// in Rego.
var medicalOpenBuiltin = &ast.Builtin{
	Name:        "xiaoer.medical_open",
	Description: "ad-medical-claim's hits no allow context holds at, on the engine's documents (see exempt in rules/ad_medical_claim).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("hits", types.NewSet(types.A)).Description("the rule's hits"),
			types.Named("lexicon", types.A).Description("input.listing.lexicon"),
			types.Named("contexts", types.A).Description("data.tables.ad_medical_claim.contexts"),
			types.Named("fields", types.A).Description("input.listing.fields"),
		),
		types.Named("open", types.NewSet(types.A)),
	),
}

var (
	keyAllow    = key("allow")
	termNegated = ast.StringTerm("negated")
)

func medicalOpen(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, ok := operands[0].Value.(ast.Set)
	lex := operands[1]
	if !ok || !truthy(get(lex, keyHeld)) {
		return nil
	}
	h := newHeldContexts(lex, tableMedical, operands[2], operands[3])
	open := ast.NewSet()
	for _, c := range hits.Slice() {
		exempt, err := h.allowHolds(c)
		if err != nil {
			return nil // undefined: the Rego's exempt decides
		}
		if !exempt {
			open.Add(c)
		}
	}
	return iter(ast.NewTerm(open))
}

// allowHolds: one of hit c's allow contexts or negated holds at it, as
// `some name in held_names(...); in_context(...)` answered in exempt.
func (h heldContexts) allowHolds(c *ast.Term) (bool, error) {
	allow := get(get(c, keyEntry), keyAllow)
	if _, isArray := valueOf(allow).(*ast.Array); allow != nil && !isArray {
		return false, errUnanswered // array.concat errs in Rego
	}
	for _, name := range append(terms(valueOf(allow)), termNegated) {
		if !truthy(get(h.held, name)) {
			continue // in_context answers false at once
		}
		holds, err := h.inContext(name, c)
		if err != nil || holds {
			return holds, err
		}
	}
	return false, nil
}
