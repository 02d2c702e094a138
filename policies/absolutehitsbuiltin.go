package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.absolute_hits(lexicon, table, listing, skip) are ad-absolute's
// hits (rules/ad_absolute/ad_absolute.rego) on the engine's documents
// whose candidates are all word hits: the hits of found.ad_absolute's
// words that partnered keeps (as xiaoer.partnered_matches sorts them),
// the longest of those that overlap, less the entries marked name. table
// is data.tables.ad_absolute; lexicon and listing are input.listing's.
//
// In Rego the five candidates bodies, the call of
// xiaoer.partnered_matches, the prefix tokens' call and the walk of the
// figures for guarantees (none in the usual listing) cost about 100k
// instructions a listing that reaches the rule; here they are one step.
//
// It is undefined where the Rego may answer another way or has more to
// build: outside the engine's evaluations, a document without the
// engine's found or prefixed list, a hit whose partner context
// xiaoer.in_context leaves to the Rego, a token a prefix hit starts at
// (xiaoer.prefix_starts), a figure guarantee_hits reads past its unit,
// field and value (a percentage of 100 or more), or a peer mark (中的).
var absoluteHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.absolute_hits",
	Description: "ad-absolute's hits of a listing whose candidates are word hits (see hits in rules/ad_absolute/ad_absolute.rego); undefined outside the engine's evaluations.",
	Decl: types.NewFunction(
		types.Args(
			types.Named("lexicon", types.A).Description("input.listing.lexicon"),
			types.Named("table", types.A).Description("data.tables.ad_absolute"),
			types.Named("listing", types.A).Description("input.listing"),
			types.Named("skip", types.A).Description("the skipped fields"),
		),
		types.Named("hits", types.NewSet(types.A)),
	),
}

var (
	keyPrefixed  = key("prefixed")
	keyPeerMarks = key("peer_marks")
	keyAttrField = key("attributes")
	percentTerm  = ast.StringTerm("%")
)

func absoluteHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	lex, table, listing, skip := operands[0], operands[1], operands[2], operands[3]
	found, prefixed := get(lex, keyFound), get(lex, keyPrefixed)
	if !withExposures(bctx) || !truthy(found) || !truthy(prefixed) || get(get(get(found, absoluteTable), keyPeerMarks), ast.InternedTerm(0)) != nil {
		return nil
	}
	if guarantees, ok := mayGuarantee(get(listing, keyNumbers)); guarantees || !ok {
		return nil
	}
	fields := get(listing, keyFields)
	var starts bool
	err := prefixStarts(bctx, []*ast.Term{prefixed, table, fields, skip}, func(t *ast.Term) error {
		starts = t.Value.(*ast.Array).Len() > 0
		return nil
	})
	if err != nil || starts {
		return err
	}
	words, ok, err := partneredWordHits(bctx, lex, table, fields, skip)
	if err != nil || !ok {
		return err
	}
	kept, err := longestOf(words)
	if err != nil {
		return err
	}
	hits := ast.NewSet()
	kept.Foreach(func(c *ast.Term) {
		if !truthy(get(get(c, keyEntry), keyName)) {
			hits.Add(c)
		}
	})
	return iter(ast.NewTerm(hits))
}

// mayGuarantee: a figure of numbers passes guarantee_hits' first steps
// (unit %, field not attributes, value 100 or more; a value that is no
// number is taken to pass, as Rego orders it after numbers). ok is false
// where numbers is neither absent nor an array.
func mayGuarantee(numbers *ast.Term) (guarantees, ok bool) {
	if numbers == nil {
		return false, true
	}
	nums, ok := numbers.Value.(*ast.Array)
	for i := 0; ok && i < nums.Len() && !guarantees; i++ {
		num := nums.Elem(i)
		unit, field := get(num, keyUnit), get(num, keyField)
		if unit == nil || !unit.Equal(percentTerm) || field == nil || field.Equal(keyAttrField) {
			continue
		}
		value := get(num, keyValue)
		n, isNumber := termOf[ast.Number](value)
		guarantees = value != nil && (!isNumber || ast.Compare(n, ast.Number("100")) >= 0)
	}
	return guarantees, ok
}

// partneredWordHits are the table's word hits partnered keeps (those
// xiaoer.partnered_matches keeps); ok is false where it asks one.
func partneredWordHits(bctx topdown.BuiltinContext, lex, table, fields, skip *ast.Term) (ast.Set, bool, error) {
	runs := or(get(get(get(lex, keyFound), absoluteTable), lexWords), ast.InternedEmptyArray)
	all, err := elements(runs, 1)
	if err != nil {
		return nil, false, err
	}
	words, contexts := get(table, lexWords), get(table, keyContexts)
	if words == nil {
		return nil, false, nil
	}
	kept, m := ast.NewSet(), runMatcher{lexicon: words, fields: fields, skip: skip}
	for _, run := range all {
		hit, err := m.of(run)
		if err != nil {
			return nil, false, err
		}
		if hit == nil {
			continue
		}
		switch partnerAnswerOf(bctx, lex, absoluteTable, hit, contexts, fields) {
		case partnerHolds:
			kept.Add(hit)
		case partnerUnknown:
			return nil, false, nil
		}
	}
	return kept, true, nil
}
