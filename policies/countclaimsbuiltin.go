package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.count_claims(found, fields, figures, marks, count_units, entry)
// is ad-unsourced-claim's count_claims (rules/ad_unsourced_claim/
// ad_unsourced_claim.rego, which keeps the Rego as the fallback): for
// each count word of found (entry.metric "count"), the hits from it to
// a count that starts 0 to 2 tokens after it in its clause
// (xiaoer.numbers_at): a counted figure there (counted: figures.rego),
// or a run of digits not followed by a letter (热销233xx is a model).
// Each hit is figure_hit's object, with entry as its entry.
//
// In Rego each count word took a numbers_at call, count_end's two bodies
// (counted's four, figure_last, a regex) and figure_hit: about 260k
// instructions per count word on a shop export row, where most rows that
// reach the rule have two (销量突破10万件). Here it is one step a listing.
//
// It answers only for the engine's shapes (hits with a string field and
// integer i and n and an s; figures at a count with a string unit, a
// number value, an integer tl and an e; token texts that are strings);
// it is undefined otherwise, so the Rego meets anything else as before.
var countClaimsBuiltin = &ast.Builtin{
	Name:        "xiaoer.count_claims",
	Description: "The hits of count words before a count (see count_claims in rules/ad_unsourced_claim/ad_unsourced_claim.rego).",
	Decl:        types.NewFunction(claimsArgs("count_units", "entry"), types.Named("hits", types.NewArray(nil, types.A))),
}

// claimsArgs are the operands of xiaoer.count_claims and xiaoer.rate_claims:
// the rule's hits, the listing's fields and figures, the clause marks, and
// two of their own.
func claimsArgs(fifth, sixth string) []types.Type {
	return types.Args(
		types.Named("found", types.A),
		types.Named("fields", types.A),
		types.Named("figures", types.NewArray(nil, types.A)),
		types.Named("marks", types.A),
		types.Named(fifth, types.A),
		types.Named(sixth, types.A),
	)
}

var (
	keyMetric   = key("metric")
	keyTL       = key("tl")
	countMetric = ast.StringTerm("count")
)

// countWord is a count word of found: its field, first token, token
// count and start.
type countWord struct {
	field, s *ast.Term
	i, n     int
}

func countClaims(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	figures, okF := operands[2].Value.(*ast.Array)
	units, okU := operands[4].Value.(ast.Object)
	words, okW := countWords(operands[0])
	if !okF || !okU || !okW {
		return nil
	}
	var out []*ast.Term
	for _, g := range words {
		toks, _ := valueOf(get(get(operands[1], g.field), keyTokens)).(*ast.Array)
		a := g.i + g.n
		for _, at := range numbersAtRange(toks, a, a+2, g.field, figures, operands[3]) {
			last, e, keep, ok := countEnd(at, toks, units)
			if !ok {
				return nil
			}
			if !keep {
				continue
			}
			word, err := joined(toks, g.i, last-g.i+1)
			if err != nil {
				return nil
			}
			if word != nil {
				out = append(out, countHit(g, last-g.i+1, e, word, operands[5]))
			}
		}
	}
	return iter(ast.ArrayTerm(out...))
}

// countWords are the hits of found (a set or an array) whose entry's
// metric is "count"; ok false where one is not of the engine's shape.
func countWords(found *ast.Term) (words []countWord, ok bool) {
	ok = true
	each := func(g *ast.Term) {
		if !ok || !get(get(g, keyEntry), keyMetric).Equal(countMetric) {
			return
		}
		i, okI := intOf(orNull(get(g, keyI)))
		n, okN := intOf(orNull(get(g, keyN)))
		w := countWord{field: get(g, keyField), s: get(g, keyS), i: i, n: n}
		if !okI || !okN || w.s == nil || !allOf[ast.String](w.field) {
			ok = false
			return
		}
		words = append(words, w)
	}
	return words, eachHit(found, each) && ok
}

// eachHit calls each for every hit of found, a set or an array (false
// for anything else).
func eachHit(found *ast.Term, each func(*ast.Term)) bool {
	switch v := found.Value.(type) {
	case ast.Set:
		v.Foreach(each)
	case *ast.Array:
		v.Foreach(each)
	default:
		return false
	}
	return true
}

// orNull is t, or null where t is nil (so intOf says no).
func orNull(t *ast.Term) *ast.Term {
	if t == nil {
		return ast.NullTerm()
	}
	return t
}

// countEnd is count_end (figures.rego) of number at: its last token and
// end offset, keep false where count_end is undefined; ok false where
// the number is not of the engine's shape.
func countEnd(at numberAt, toks *ast.Array, units ast.Object) (last int, e *ast.Term, keep, ok bool) {
	if num := at.figure; num != nil {
		counted, ok := countedFigure(num, units)
		tl, okT := intOf(orNull(get(num, keyTL)))
		e := get(num, keyE)
		if !ok || !okT || e == nil {
			return 0, nil, false, false
		}
		return tl, e, counted && tl >= 0, true
	}
	last = at.last
	t := tokenT(toks, last+1)
	if t == nil {
		return last, at.e, true, true
	}
	s, isString := t.Value.(ast.String)
	if !isString {
		return 0, nil, false, false
	}
	return last, at.e, s == "" || s[0] < 'a' || s[0] > 'z', true
}

// countedFigure is counted (figures.rego) for a figure of the engine's
// shape (ok false otherwise): a count unit, %, or no unit with plus or
// a value of ten thousand or more.
func countedFigure(num *ast.Term, units ast.Object) (counted, ok bool) {
	unit, okU := termOf[ast.String](get(num, keyUnit))
	value, okV := termOf[ast.Number](get(num, keyValue))
	if !okU || !okV {
		return false, false
	}
	plus := truthy(get(num, keyPlus))
	return truthy(units.Get(ast.NewTerm(unit))) || unit == percentUnit ||
		(unit == "" && (plus || ast.Compare(value, bigUnitless) >= 0)), true
}

// countHit is figure_hit's object for count word g.
func countHit(g countWord, n int, e, word, entry *ast.Term) *ast.Term {
	return ast.ObjectTerm(
		ast.Item(keyField, g.field), ast.Item(keyI, ast.InternedTerm(g.i)), ast.Item(keyN, ast.InternedTerm(n)),
		ast.Item(keyS, g.s), ast.Item(keyE, e), ast.Item(keyWord, word), ast.Item(keyEntry, entry),
	)
}
