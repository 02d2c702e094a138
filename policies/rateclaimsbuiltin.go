package policies

import (
	"cmp"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.rate_claims(found, fields, figures, marks, plain, lab) is
// ad-unsourced-claim's rate_claims (rules/ad_unsourced_claim/
// ad_unsourced_claim.rego, which keeps the Rego as the fallback): for
// each rate word of found (metric "rate", or a score), the hits from it
// to a figure in % (or in 分 after a score) whose first token lies 0 to 5
// tokens after it in its clause (xiaoer.figures_at), where no nearer
// rate word reaches the figure (nearer_rate); entry lab for a rate word
// of a laboratory, plain otherwise.
//
// In Rego a rate word took metric_runs' walk of found twice, the figure
// search, nearer_rate, rate_unit, rate_entry and the hit: about 340k
// instructions per shop export row that reaches the rule (most have one:
// 好评率99%). Here it is one step a listing.
//
// It answers only for the engine's shapes (rate words with a string
// field, integer i and n, s and key; figures in reach with a string unit,
// an integer tl and an e); it is undefined otherwise.
var rateClaimsBuiltin = &ast.Builtin{
	Name:        "xiaoer.rate_claims",
	Description: "The hits of rate words before their figures (see rate_claims in rules/ad_unsourced_claim/ad_unsourced_claim.rego).",
	Decl:        types.NewFunction(claimsArgs("plain", "lab"), types.Named("hits", types.NewArray(nil, types.A))),
}

var (
	keyScore  = key("score")
	keyLab    = key("lab")
	rateUnits = map[ast.String]bool{"%": false, "分": true} // unit: needs a score
)

// rateWord is a rate word of found.
type rateWord struct {
	hit, field, s, key, entry *ast.Term
	i, n                      int
}

func rateClaims(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	figures, okF := operands[2].Value.(*ast.Array)
	words, okW := rateWords(operands[0])
	if !okF || !okW {
		return nil
	}
	var out []*ast.Term
	for _, m := range words {
		toks, _ := valueOf(get(get(operands[1], m.field), keyTokens)).(*ast.Array)
		r := tokenRange{name: m.field, figures: figures, toks: toks, a: m.i + m.n, b: m.i + 5, marks: operands[3]}
		for _, pair := range figuresIn(r) {
			first, _ := intOf(get(pair, ast.InternedTerm(0)))
			hit, ok := rateHit(m, get(pair, ast.InternedTerm(1)), first, words, toks, operands)
			if !ok {
				return nil
			}
			if hit != nil {
				out = append(out, hit)
			}
		}
	}
	return iter(ast.ArrayTerm(out...))
}

// rateHit is the hit of rate word m to figure num at token first (nil
// where the body gives none); ok false where num is of another shape.
func rateHit(m rateWord, num *ast.Term, first int, words []rateWord, toks *ast.Array, operands []*ast.Term) (*ast.Term, bool) {
	unit, okU := termOf[ast.String](get(num, keyUnit))
	needsScore, isRate := rateUnits[unit]
	if !okU || !isRate || nearerRate(m, first, words, toks, operands[3]) || needsScore && !truthy(get(m.entry, keyScore)) {
		return nil, okU
	}
	tl, okT := intOf(orNull(get(num, keyTL)))
	e := get(num, keyE)
	if !okT || e == nil {
		return nil, false
	}
	word, err := joined(toks, m.i, tl-m.i+1)
	if err != nil {
		return nil, false
	}
	if tl < 0 || word == nil {
		return nil, true
	}
	entry := operands[4]
	if truthy(get(m.entry, keyLab)) {
		entry = operands[5]
	}
	return ast.ObjectTerm(
		ast.Item(keyField, m.field), ast.Item(keyI, ast.InternedTerm(m.i)), ast.Item(keyN, ast.InternedTerm(tl-m.i+1)),
		ast.Item(keyS, m.s), ast.Item(keyE, e), ast.Item(keyWord, word), ast.Item(keyEntry, entry),
	), true
}

// nearerRate is nearer_rate: another rate word of m's field that ranks
// above m by [start, length, key] ends within five tokens before first,
// with no clause mark from its end to the figure.
func nearerRate(m rateWord, first int, words []rateWord, toks *ast.Array, marks *ast.Term) bool {
	for _, r := range words {
		if r.hit.Equal(m.hit) || !r.field.Equal(m.field) || r.i < first-5 || r.i+r.n > first {
			continue
		}
		if rankOrder(r, m) <= 0 {
			continue
		}
		if !markIn(toks, r.i+r.n, first-1, marks) {
			return true
		}
	}
	return false
}

// rankOrder compares the ranks [i, n, key] of rate words a and b as
// ast.Compare compares the arrays, element by element, without making
// them (two arrays a word compared, each hashing its key).
func rankOrder(a, b rateWord) int {
	if c := cmp.Compare(a.i, b.i); c != 0 {
		return c
	}
	if c := cmp.Compare(a.n, b.n); c != 0 {
		return c
	}
	return ast.Compare(a.key, b.key)
}

// markIn: a clause mark among tokens a..b (xiaoer.boundary_between).
func markIn(toks *ast.Array, a, b int, marks *ast.Term) bool {
	for k := max(a, 0); toks != nil && k <= min(b, toks.Len()-1); k++ {
		if t := get(toks.Elem(k), keyT); t != nil && truthy(get(marks, t)) {
			return true
		}
	}
	return false
}

// rateWords are the hits of found (a set or an array) whose entry is a
// rate's (metric_is); ok false where one is not of the engine's shape.
func rateWords(found *ast.Term) (words []rateWord, ok bool) {
	ok = true
	each := func(g *ast.Term) {
		entry := get(g, keyEntry)
		if !ok || !get(entry, keyMetric).Equal(ast.StringTerm("rate")) && !truthy(get(entry, keyScore)) {
			return
		}
		i, okI := intOf(orNull(get(g, keyI)))
		n, okN := intOf(orNull(get(g, keyN)))
		w := rateWord{hit: g, field: get(g, keyField), s: get(g, keyS), key: get(g, keyKey), entry: entry, i: i, n: n}
		if !okI || !okN || w.s == nil || w.key == nil || !allOf[ast.String](w.field) {
			ok = false
			return
		}
		words = append(words, w)
	}
	return words, eachHit(found, each) && ok
}
