package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.in_context(lexicon, table, name, c, contexts, fields) is
// lexicon.in_context(table, name, c) (lib/lexicon.rego) on the engine's
// documents: lexicon is input.listing.lexicon, which must have held;
// contexts is data.tables[table].contexts. In Rego a context held has an
// entry for took the else chain's calls of simple_match and reads of the
// context (about 90k instructions for 最好's partner 好评 beside it,
// more for a conjunction); here it is one step. It is undefined where
// held is absent, where a conjunction's parts are no array, where a
// restated context's word is restated in another field (restated_match
// stays in Rego) and where held_at would err, so the Rego answers
// those as it always did.
//
// It is registered with OPA with the others (builtins.go).
var inContextBuiltin = &ast.Builtin{
	Name:        "xiaoer.in_context",
	Description: "Whether a context of a table holds around a hit, from the engine's held (see in_context in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("lexicon", types.A).Description("input.listing.lexicon"),
			types.Named("table", types.A),
			types.Named("name", types.A).Description("the context's name"),
			types.Named("hit", types.A),
			types.Named("contexts", types.A).Description("data.tables.<table>.contexts"),
			types.Named("fields", types.A).Description("input.listing.fields"),
		),
		types.Named("holds", types.B),
	),
}

func inContext(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	h, ok := heldOperands(operands)
	if !ok {
		return nil
	}
	holds, err := h.answer(operands[2], operands[3])
	if err != nil {
		return nil // undefined: the Rego decides
	}
	return iter(ast.InternedTerm(holds))
}

// heldContexts answers lexicon.in_context of one table's contexts from
// the engine's held, for one call.
type heldContexts struct {
	// held is held[table]; words found[table].words (nil: no found).
	held, words, contexts, fields *ast.Term
	found                         bool
}

// heldOperands are the held contexts of the operands of xiaoer.in_context
// and xiaoer.any_in_context (lexicon, table, _, _, contexts, fields), or
// false where lexicon has no held.
func heldOperands(operands []*ast.Term) (heldContexts, bool) {
	if !truthy(get(operands[0], keyHeld)) {
		return heldContexts{}, false
	}
	return newHeldContexts(operands[0], operands[1], operands[4], operands[5]), true
}

func newHeldContexts(lex, table, contexts, fields *ast.Term) heldContexts {
	found := get(lex, keyFound)
	return heldContexts{held: get(get(lex, keyHeld), table), words: get(get(found, table), lexWords),
		contexts: contexts, fields: fields, found: found != nil}
}

// answer is in_context's whole else chain: false at once where held has
// no entry for the context (or false).
func (h heldContexts) answer(name, c *ast.Term) (bool, error) {
	if !truthy(get(h.held, name)) {
		return false, nil
	}
	return h.inContext(name, c)
}

// inContext is in_context past its first body: the context holds and is
// neither a conjunction nor cancelled; or it is a conjunction (all) and
// every part holds; or it holds and the context that cancels it (unless:
// 不含 denies nothing in 不含激素 治疗) does not.
func (h heldContexts) inContext(name, c *ast.Term) (bool, error) {
	holds, err := h.simpleMatch(name, c)
	ctx := get(h.contexts, name)
	if err != nil || ctx == nil {
		return false, err
	}
	unless := get(ctx, keyUnless)
	if all := get(ctx, keyAll); truthy(all) {
		every, err := h.allHold(all, c)
		if err != nil || every {
			return every, err
		}
	} else if holds && !truthy(unless) {
		return true, nil
	}
	if !holds || !truthy(unless) {
		return false, nil
	}
	cancelled, err := h.simpleMatch(unless, c)
	return !cancelled, err
}

// allHold: every part of a conjunction holds (`every part in ctx.all`).
func (h heldContexts) allHold(all, c *ast.Term) (bool, error) {
	parts, ok := valueOf(all).(*ast.Array)
	if !ok {
		return false, errUnanswered
	}
	for i := 0; i < parts.Len(); i++ {
		holds, err := h.simpleMatch(parts.Elem(i), c)
		if err != nil || !holds {
			return false, err
		}
	}
	return true, nil
}

// simpleMatch is lexicon.simple_match: held_at at the hit, or a restated
// context's word restated in another field, which is left to the Rego.
func (h heldContexts) simpleMatch(name, c *ast.Term) (bool, error) {
	if at := get(h.held, name); at != nil {
		holds, err := heldAround(at, c, h.fields)
		if err != nil || holds {
			return holds, err
		}
	}
	if truthy(get(get(h.contexts, name), keyRestated)) && (!h.found || h.restatedElsewhere(c)) {
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
