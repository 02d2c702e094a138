package engine

import (
	"reflect"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// priceAST is the object astTerm makes of p, its items in the same
// (json name) order, made without reflection: every listing with a price has
// one, and walking its four fields by reflection cost twice the object
// (issue 13). Its currency's term comes from labels (nil: made afresh).
// False when the currency is not valid UTF-8, which
// encoding/json rewrites (astTerm's way then), or a figure is NaN or
// infinite (astTerm's error).
func priceAST(p *facts.PriceFact, labels *labelTerms) (*ast.Term, bool) {
	if !utf8.ValidString(p.Currency) {
		return nil, false
	}
	var figures [3]*ast.Term
	for i, f := range [3]float64{p.Amount, p.Min, p.Max} {
		t, err := numberValue(f)
		if err != nil {
			return nil, false
		}
		figures[i] = t
	}
	return ast.ObjectTerm(
		ast.Item(keyAmount, figures[0]),
		ast.Item(keyCurrency, labels.of(p.Currency)),
		ast.Item(keyMax, figures[2]),
		ast.Item(keyMin, figures[1]),
	), true
}

// The keys of a price's items beside keyAmount (shipast.go's).
var (
	keyMin      = policies.KeyTerm("min")
	keyMax      = policies.KeyTerm("max")
	keyCurrency = policies.KeyTerm("currency")
)

var priceType = reflect.TypeFor[*facts.PriceFact]()

// plainPrice: a price does not marshal itself, so priceAST's object is
// what astTerm makes of it (TestPriceASTIsAstTerms checks the fields).
var plainPrice = sync.OnceValue(func() bool { return marshalingOf(priceType.Elem()) == marshalsNot })
