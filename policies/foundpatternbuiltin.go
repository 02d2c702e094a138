package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.found_pattern_hits(found, table, listing, skip) is
// xiaoer.pattern_hits of the engine's runs of one table: found is
// input.listing.lexicon.found[table], whose pattern_heads and
// pattern_words (none where absent) are the heads and words, and the
// boundaries are lexicon.boundaries (clauseBoundaries). pattern.hits
// calls it on the engine's documents: picking the two lists, the
// boundaries and the call out of Rego cost about 40k instructions a
// listing with a pattern head (销量, 随时), which every word rule with
// patterns pays.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var foundPatternHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.found_pattern_hits",
	Description: "The word-class pattern hits of a table's found runs (see pattern.hits in lib/pattern.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("found", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("table", types.A),
			types.Named("listing", types.A),
			types.Named("skip", types.A),
		),
		types.Named("hits", types.NewSet(types.A)),
	),
}

// clauseBoundaries are lexicon.boundaries (lib/lexicon.rego): the tokens
// that close a clause. A test holds the two equal.
var clauseBoundaries = ast.SetTerm(
	ast.StringTerm(","), ast.StringTerm("。"), ast.StringTerm(";"), ast.StringTerm("!"),
	ast.StringTerm("?"), ast.StringTerm("、"), ast.StringTerm("|"),
)

func foundPatternHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	return patternHits(bctx, foundPatternOperands(operands), iter)
}

// foundPatternOperands are xiaoer.pattern_hits' operands for
// found_pattern_hits' (found, table, listing, skip).
func foundPatternOperands(operands []*ast.Term) []*ast.Term {
	heads := or(get(operands[0], keyHeads), ast.InternedEmptyArray)
	words := or(get(operands[0], keyWords), ast.InternedEmptyArray)
	return []*ast.Term{heads, words, operands[1], operands[2], clauseBoundaries, operands[3]}
}
