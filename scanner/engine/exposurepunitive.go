package engine

import (
	"context"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// A rule that asks for the buyer's punitive claim has an exposure that
// depends on the listing's price, and each row of an export has a price
// of its own: the memo missed on nearly every such finding there, and
// evaluating exposure_of again cost about 200k instructions a finding.
// For the usual shape (punitive true, one fine or one points entry, a hit
// without platform figures: exposure_of's second and third bodies) the
// answer is worked out here from the tables, with OPA's own builtins for
// the arithmetic, so numbers come out as Rego writes them. Any other
// shape, and any operand or table entry of a type those bodies do not
// expect, is left to the Rego (ok false); exposurememo_test.go holds the
// two to the same answers.

// punitiveTables are data.tables.exposure, read once.
type punitiveTables struct {
	punitive, fines, points ast.Object
	food                    []string // food_categories
}

const exposureTablesQuery = "data.tables.exposure"

// newPunitiveTables reads the tables; nil (every answer left to the
// Rego) when they are not of the shape this file reads.
func newPunitiveTables(ctx context.Context, base []func(*rego.Rego)) (*punitiveTables, error) {
	pq, err := prepare(ctx, exposureTablesQuery, base)
	if err != nil {
		return nil, err
	}
	rs, err := pq.Eval(ctx, resultAST)
	if err != nil || len(rs) == 0 || len(rs[0].Expressions) == 0 {
		return nil, err
	}
	t, _ := rs[0].Expressions[0].Value.(*ast.Term)
	if t == nil {
		return nil, nil
	}
	obj, _ := t.Value.(ast.Object)
	if obj == nil {
		return nil, nil
	}
	return tablesOf(obj), nil
}

func tablesOf(obj ast.Object) *punitiveTables {
	p := &punitiveTables{}
	var ok1, ok2, ok3 bool
	p.punitive, ok1 = valueAt(obj, "punitive").(ast.Object)
	p.fines, ok2 = valueAt(obj, "fines").(ast.Object)
	p.points, ok3 = valueAt(obj, "points").(ast.Object)
	food, ok4 := valueAt(obj, "food_categories").(*ast.Array)
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return nil
	}
	for i := 0; i < food.Len(); i++ {
		w, ok := food.Elem(i).Value.(ast.String)
		if !ok {
			return nil
		}
		p.food = append(p.food, string(w))
	}
	return p
}

// valueAt is obj[key]'s value, nil when absent.
func valueAt(obj ast.Object, key string) ast.Value {
	if t := obj.Get(ast.StringTerm(key)); t != nil {
		return t.Value
	}
	return nil
}

var (
	keyFine        = policies.KeyTerm("fine")
	keyPointsEntry = policies.KeyTerm("points")
	keyPunitive    = policies.KeyTerm("punitive")
	zeroTerm       = ast.IntNumberTerm(0)
	trueTerm       = ast.BooleanTerm(true)
	falseTerm      = ast.BooleanTerm(false)
	emptyKey       = ast.StringTerm("")
)

// exposure is exposure_of(x, hit) on an input with reads, for the shape
// this file answers (ok false otherwise).
func (p *punitiveTables) exposure(bctx topdown.BuiltinContext, x, hit *ast.Term, reads [3]*ast.Term) (*ast.Term, bool) {
	if bctx.Cancel != nil && bctx.Cancel.Cancelled() {
		return nil, false // the Rego halts with its evaluation
	}
	xo, _ := x.Value.(ast.Object)
	ho, _ := hit.Value.(ast.Object)
	if p == nil || xo == nil || ho == nil || ho.Len() != 0 || !trueTerm.Equal(orNull(xo.Get(keyPunitive))) {
		return nil, false
	}
	parts, ok := p.entryParts(xo.Get(keyFine), xo.Get(keyPointsEntry))
	if !ok {
		return nil, false
	}
	cny, basis, ok := p.claim(bctx, reads)
	if !ok {
		return nil, false
	}
	return parts.answer(cny, append(basis, parts.basis)), true
}

// entryParts are the figures of x's one table entry (fine, or points:
// exposure_of's second or third body); ok false for any other shape.
func (p *punitiveTables) entryParts(fine, points *ast.Term) (entryParts, bool) {
	var e entryParts
	entries, others, key := p.fines, p.points, fine
	if fine == nil {
		entries, others, key = p.points, p.fines, points
	}
	if (fine == nil) == (points == nil) || others.Get(emptyKey) != nil {
		return e, false // not x.points (or x.fine), and no entry "" to look at
	}
	t := entries.Get(key)
	if t == nil {
		return e, false
	}
	entry, _ := t.Value.(ast.Object)
	if entry == nil {
		return e, false
	}
	e.basis, e.confirmed = entry.Get(keyBasis), entry.Get(keyConfirmed)
	if b, ok := orNull(e.basis).Value.(ast.String); !ok || b == "" || e.confirmed == nil {
		return e, false
	}
	e.fine = ast.ArrayTerm(zeroTerm, zeroTerm)
	e.points = zeroTerm
	if fine != nil {
		min, max := entry.Get(keyMin), entry.Get(keyMax)
		e.fine = ast.ArrayTerm(min, max)
		return e, min != nil && max != nil
	}
	e.points = entry.Get(keyPointsEntry)
	return e, e.points != nil
}

// entryParts are the parts of an answer one table entry gives.
type entryParts struct {
	fine, points, basis, confirmed *ast.Term
}

// answer is the exposure: its items in their keys' order, which its
// first reading in order (decoding a finding) then finds sorted.
func (e entryParts) answer(cny *ast.Term, basis []*ast.Term) *ast.Term {
	return ast.ObjectTerm(
		ast.Item(keyBasis, ast.ArrayTerm(basis...)),
		ast.Item(keyConfirmed, ast.InternedTerm(!falseTerm.Equal(e.confirmed))),
		ast.Item(keyFineCNY, e.fine),
		ast.Item(keyPlatformCNY, zeroTerm),
		ast.Item(keyPointsEntry, e.points),
		ast.Item(keyPunitiveCNY, cny),
	)
}

var (
	keyFineCNY     = policies.KeyTerm("fine_cny")
	keyPlatformCNY = policies.KeyTerm("platform_cny")
	keyPunitiveCNY = policies.KeyTerm("punitive_cny")
	keyMultiplier  = policies.KeyTerm("multiplier")
	keyMinimum     = policies.KeyTerm("minimum")
)

// claim is lib.punitive on an input with reads: the claim and its basis
// as a list; ok false where the Rego would meet an operand of another type.
func (p *punitiveTables) claim(bctx topdown.BuiltinContext, reads [3]*ast.Term) (*ast.Term, []*ast.Term, bool) {
	if !keyListing.Equal(orNull(reads[0])) {
		return zeroTerm, nil, true
	}
	kind, ok := p.kindOf(reads[2])
	if !ok {
		return nil, nil, false
	}
	t := p.punitive.Get(ast.StringTerm(kind))
	if t == nil {
		return nil, nil, false
	}
	rule, _ := t.Value.(ast.Object)
	price := reads[1]
	if price == nil {
		price = zeroTerm
	}
	if rule == nil || !isNumber(price) || !isNumber(rule.Get(keyMultiplier)) || !isNumber(rule.Get(keyMinimum)) {
		return nil, nil, false
	}
	product, ok := call(bctx, ast.Multiply.Name, price, rule.Get(keyMultiplier))
	if !ok {
		return nil, nil, false
	}
	cny, ok := call(bctx, ast.Max.Name, ast.ArrayTerm(product, rule.Get(keyMinimum)))
	if !ok {
		return nil, nil, false
	}
	var basis []*ast.Term
	if b := rule.Get(keyBasis); b != nil && ast.Compare(cny, zeroTerm) > 0 && !emptyKey.Equal(b) {
		basis = []*ast.Term{b}
	}
	return cny, basis, true
}

// kindOf is lib.punitive_kind of the listing's category (nil: none).
func (p *punitiveTables) kindOf(category *ast.Term) (string, bool) {
	if category == nil {
		return "consumer", true
	}
	c, ok := category.Value.(ast.String)
	if !ok {
		return "", false // contains would err on it
	}
	for _, word := range p.food {
		if c != "" && strings.Contains(string(c), word) {
			return "food", true
		}
	}
	return "consumer", true
}

// call is OPA's builtin name on operands: its one answer.
func call(bctx topdown.BuiltinContext, name string, operands ...*ast.Term) (*ast.Term, bool) {
	var out *ast.Term
	err := topdown.GetBuiltin(name)(bctx, operands, func(t *ast.Term) error {
		out = t
		return nil
	})
	return out, err == nil && out != nil
}

func isNumber(t *ast.Term) bool {
	_, ok := orNull(t).Value.(ast.Number)
	return ok
}

// orNull is t, or null when t is absent.
func orNull(t *ast.Term) *ast.Term {
	if t == nil {
		return ast.InternedNullTerm
	}
	return t
}
