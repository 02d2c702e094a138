package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.worded_counts(figures, count_units, fields) is ad-unsourced-
// claim's worded_counts (rules/ad_unsourced_claim/ad_unsourced_claim.rego,
// which keeps the Rego as the fallback): [figure, first token] of each
// big counted figure (big, counted: figures.rego) whose first token does
// not start with a digit. A shop export's description states dozens of
// figures, and the Rego asked each two functions of six bodies, a token
// lookup and a regex.match: about 160k instructions a listing with a
// count word. Here it is one step.
//
// It answers only for figures of the engine's shape (unit and field
// strings, value a number, first token ti a number: -1 where the figure
// has none, which figure_first leaves undefined), a count_units object
// and tokens whose text is a string; it is undefined otherwise, so the
// Rego meets anything else (and errs where it erred) as it always did. A
// unit counts as the Rego's lookup does: present, with any value but
// false; so does plus.
var wordedCountsBuiltin = &ast.Builtin{
	Name:        "xiaoer.worded_counts",
	Description: "The big counted figures written in words, with their first token (see rules/ad_unsourced_claim/ad_unsourced_claim.rego).",
	Decl: types.NewFunction(
		types.Args(types.Named("figures", types.A), types.Named("count_units", types.A), types.Named("fields", types.A)),
		types.Named("counts", types.NewArray(nil, types.A)),
	),
}

var (
	keyValue    = key("value")
	keyPlus     = key("plus")
	keyTI       = key("ti")
	percentUnit = ast.String("%")
	bigFigure   = ast.Number("1000")
	bigUnitless = ast.Number("10000")
)

func wordedCounts(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	figures, ok := operands[0].Value.(*ast.Array)
	units, ok2 := operands[1].Value.(ast.Object)
	if !ok || !ok2 {
		return nil
	}
	var out []*ast.Term
	for i := range figures.Len() {
		num := figures.Elem(i)
		first, keep, ok := wordedCount(num, units, operands[2])
		if !ok {
			return nil
		}
		if keep {
			out = append(out, ast.ArrayTerm(num, first))
		}
	}
	return iter(ast.ArrayTerm(out...))
}

// wordedCount is whether figure t is a worded count, with its first
// token; ok false where t is not of the shape.
func wordedCount(t *ast.Term, units ast.Object, fields *ast.Term) (first *ast.Term, keep, ok bool) {
	obj, isObj := t.Value.(ast.Object)
	if !isObj {
		return nil, false, false
	}
	unitTerm := obj.Get(keyUnit)
	unit, okU := termOf[ast.String](unitTerm)
	value, okV := termOf[ast.Number](obj.Get(keyValue))
	field := obj.Get(keyField)
	first = obj.Get(keyTI)
	ti, okT := termOf[ast.Number](first)
	if !okU || !okV || !okT || !allOf[ast.String](field) {
		return nil, false, false
	}
	plus := truthy(obj.Get(keyPlus))
	big := plus || ast.Compare(value, bigFigure) >= 0
	counted := truthy(units.Get(unitTerm)) || unit == percentUnit ||
		(unit == "" && (plus || ast.Compare(value, bigUnitless) >= 0))
	if !big || !counted || ast.Compare(ti, ast.Number("0")) < 0 {
		return nil, false, true
	}
	digit, ok := startsWithDigit(get(get(get(fields, field), keyTokens), first))
	return first, ok && !digit, ok
}

// startsWithDigit is digit's regex.match(`^[0-9]`, token.t) on a token
// (nil: no such token, which digit leaves undefined); ok false where the
// text is not a string (regex.match errs).
func startsWithDigit(token *ast.Term) (digit, ok bool) {
	text := get(token, keyT)
	if text == nil {
		return false, true
	}
	s, isString := text.Value.(ast.String)
	if !isString {
		return false, false
	}
	return s != "" && s[0] >= '0' && s[0] <= '9', true
}
