package engine

import (
	"math"
	"reflect"
	"sync"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// factAST is the term of fact x as astTerm converts it. A number, the
// fact a judged title has most of (sizes, years, counts; made for every
// listing, as fieldsTerm says of titles), is made without reflection:
// walking its nine fields by reflection cost more than making its object.
func factAST[T any](x *T) (*ast.Term, error) {
	if n, ok := any(x).(*facts.Number); ok && plainNumber() {
		if t, ok := numberAST(n); ok {
			return t, nil
		}
	}
	return astTerm(reflect.ValueOf(x).Elem())
}

// numberAST is the object astTerm makes of n, its items in the same
// (json name) order; false when a string of n is not valid UTF-8, which
// encoding/json rewrites (astTerm's way then).
func numberAST(n *facts.Number) (*ast.Term, bool) {
	if !utf8.ValidString(n.Unit) || !utf8.ValidString(n.Field) {
		return nil, false
	}
	value, err := numberValue(n.Value)
	if err != nil {
		return nil, false // NaN or infinite: astTerm's error
	}
	// The field and the unit are names (the document's fields, facts'
	// units: a fixed list), shared as the lexicon's are.
	var buf [9][2]*ast.Term
	items := append(buf[:0], ast.Item(keyE, ast.InternedTerm(n.E)), ast.Item(keyField, nameTerm(n.Field)))
	if n.Plus {
		items = append(items, ast.Item(keyPlus, ast.InternedTerm(true)))
	}
	items = append(items, ast.Item(keyS, ast.InternedTerm(n.S)))
	items = appendIndex(items, keyTi, n.First)
	items = appendIndex(items, keyTl, n.Last)
	items = appendIndex(items, keyTn, n.Next)
	items = append(items, ast.Item(keyUnit, nameTerm(n.Unit)), ast.Item(keyValue, value))
	return ast.ObjectTerm(items...), true
}

// numberValue is floatTerm's term of f; a whole f (most figures: 2017,
// 100) is written as encoding/json writes it, without formatting a float,
// and the small ones are OPA's interned terms.
func numberValue(f float64) (*ast.Term, error) {
	if f == math.Trunc(f) && math.Abs(f) < 1<<53 && !(f == 0 && math.Signbit(f)) {
		return ast.InternedTerm(int(f)), nil
	}
	return floatTerm(f, 64)
}

// appendIndex adds the item of a token index, left out when nil
// (omitempty).
func appendIndex(items [][2]*ast.Term, key *ast.Term, at *int) [][2]*ast.Term {
	if at == nil {
		return items
	}
	return append(items, ast.Item(key, ast.InternedTerm(*at)))
}

var (
	keyPlus  = policies.KeyTerm("plus")
	keyTi    = policies.KeyTerm("ti") // a number's first, last and next token
	keyTl    = policies.KeyTerm("tl")
	keyTn    = policies.KeyTerm("tn")
	keyUnit  = policies.KeyTerm("unit")
	keyValue = policies.KeyTerm("value")
)

var numberType = reflect.TypeFor[facts.Number]()

// plainNumber: a number does not marshal itself, so numberAST's object is
// what astTerm makes of it (numberFields checks the fields in the tests).
var plainNumber = sync.OnceValue(func() bool { return marshalingOf(numberType) == marshalsNot })
