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
// data.tables.ad_medical_claim.contexts. It answers only where every
// context it is asked of, and the one that cancels it (unless), is one
// held answers (as xiaoer.held_at: no all, not restated) and every entry's allow is an array or absent; it
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
	keyAllow    = ast.StringTerm("allow")
	termNegated = ast.StringTerm("negated")
)

// heldContexts answers in_context of ad_medical_claim's contexts from
// the engine's held, for one call.
type heldContexts struct {
	bctx                          topdown.BuiltinContext
	held, words, contexts, fields *ast.Term
}

func medicalOpen(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, ok := operands[0].Value.(ast.Set)
	lex := operands[1]
	if !ok || !truthy(get(lex, keyHeld)) {
		return nil
	}
	h := heldContexts{bctx: bctx, held: get(get(lex, keyHeld), tableMedical),
		words: get(get(get(lex, keyFound), tableMedical), lexWords), contexts: operands[2], fields: operands[3]}
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

// inContext is lexicon.in_context("ad_medical_claim", name, c) for a
// context held has an entry for and that is no conjunction: whether it
// holds, and, for a context another cancels (unless: 不含 denies nothing
// in 不含激素 治疗), whether that one does not.
func (h heldContexts) inContext(name, c *ast.Term) (bool, error) {
	ctx := get(h.contexts, name)
	if ctx == nil || truthy(get(ctx, keyAll)) {
		return false, errUnanswered
	}
	holds, err := h.simpleMatch(name, c)
	unless := get(ctx, keyUnless)
	if err != nil || !holds || !truthy(unless) {
		return holds, err
	}
	cancelled, err := h.simpleMatch(unless, c)
	return !cancelled, err
}

// simpleMatch is lexicon.simple_match: held_at at the hit, or a restated
// context's word restated in another field, which is left to the Rego.
func (h heldContexts) simpleMatch(name, c *ast.Term) (bool, error) {
	if at := get(h.held, name); at != nil {
		holds := false
		err := heldAt(h.bctx, []*ast.Term{at, c, h.fields}, func(t *ast.Term) error {
			holds = t.Equal(ast.InternedTerm(true))
			return nil
		})
		if err != nil || holds {
			return holds, err
		}
	}
	if truthy(get(get(h.contexts, name), keyRestated)) && h.restatedElsewhere(c) {
		return false, errUnanswered
	}
	return false, nil
}

// restatedElsewhere: a run of the hit's word lies in another field, where
// restated_match would look for the context's sentence words.
func (h heldContexts) restatedElsewhere(c *ast.Term) bool {
	field, key := get(c, keyField), get(c, keyKey)
	for _, r := range terms(valueOf(h.words)) {
		if field != nil && key != nil && !get(r, keyField).Equal(field) && get(r, keyKey).Equal(key) {
			return true
		}
	}
	return false
}
