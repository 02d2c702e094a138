package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.partnered_matches(lexicon, table, lex, words, contexts, fields,
// skip) are a word rule's hits (lexicon.matches(table, lex, skip) on the
// engine's documents: xiaoer.matches of lexicon.found[table][lex]) sorted
// by what partnered says of them (a hit whose entry needs a partner
// context is kept only where that context holds): {"kept": the hits it
// keeps, "ask": those it leaves to the Rego}. A hit without needs is
// kept; one with needs is kept or dropped as xiaoer.in_context answers
// its context, and asked where that is undefined (no held, a rare shape
// of context). Asked in Rego, partnered was a call for every hit, about
// 55k instructions a 最好; here the listing's hits take one step. It is
// undefined where lexicon has no found list (a document built by hand),
// so the Rego matches and asks every hit.
//
// It is registered with OPA with the others (builtins.go).
var partneredMatchesBuiltin = &ast.Builtin{
	Name:        "xiaoer.partnered_matches",
	Description: "A word rule's hits, those kept and those left to ask, by their partner contexts (see partnered in rules/ad_absolute/ad_absolute.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("lexicon", types.A).Description("input.listing.lexicon"),
			types.Named("table", types.A),
			types.Named("lex", types.A).Description("the table's lexicon (words)"),
			types.Named("words", types.A).Description("data.tables.<table>.<lex>"),
			types.Named("contexts", types.A).Description("data.tables.<table>.contexts"),
			types.Named("fields", types.A).Description("input.listing.fields"),
			types.Named("skip", types.A).Description("the skipped fields"),
		),
		types.Named("hits", types.NewObject(nil, types.NewDynamicProperty(types.S, types.NewSet(types.A)))),
	),
}

var keyKept, keyAsk = key("kept"), key("ask")

func partneredMatches(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	lex, table, words, contexts, fields, skip := operands[0], operands[1], operands[3], operands[4], operands[5], operands[6]
	found := get(lex, keyFound)
	if found == nil {
		return nil
	}
	runs := get(get(found, table), operands[2])
	if runs == nil {
		runs = ast.InternedEmptyArray
	}
	all, err := elements(runs, 1)
	if err != nil {
		return err
	}
	kept, ask, m := ast.NewSet(), ast.NewSet(), runMatcher{lexicon: words, fields: fields, skip: skip}
	for _, run := range all {
		hit, err := m.of(run)
		if err != nil {
			return err
		}
		if hit == nil {
			continue
		}
		switch partnerAnswerOf(bctx, lex, table, hit, contexts, fields) {
		case partnerHolds:
			kept.Add(hit)
		case partnerUnknown:
			ask.Add(hit)
		}
	}
	return iter(ast.ObjectTerm(ast.Item(keyKept, ast.NewTerm(kept)), ast.Item(keyAsk, ast.NewTerm(ask))))
}

// partnerAnswer is what partnered's first two bodies say of hit: it
// holds without needs (not c.entry.needs), else as xiaoer.in_context
// answers, unknown where that is undefined.
type partnerAnswer int

const (
	partnerFails partnerAnswer = iota
	partnerHolds
	partnerUnknown
)

func partnerAnswerOf(bctx topdown.BuiltinContext, lex, table, hit, contexts, fields *ast.Term) partnerAnswer {
	needs := get(get(hit, keyEntry), keyNeeds)
	if !truthy(needs) {
		return partnerHolds
	}
	h, ok := heldOperands([]*ast.Term{lex, table, needs, hit, contexts, fields})
	if !ok {
		return partnerUnknown
	}
	holds, err := h.answer(needs, hit)
	switch {
	case err != nil:
		return partnerUnknown
	case holds:
		return partnerHolds
	}
	return partnerFails
}
