package engine

import (
	"hash/maphash"
	"math"
	"reflect"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// factTerms shares the term of a fact (a number, a fibre, a claim, a
// promise, an attribute) between the listings that have an equal one: an
// export's rows repeat a shop's description and attributes, and with them
// the facts found there, each an object of up to ten keys made for every
// row (issue 13: building the input is allocation-bound). A fact's term
// is a function of its value alone, so an equal fact can hold the one
// term, from any worker. Facts found in a title are made afresh, for the
// reason fieldsTerm gives.
//
// Facts are kept as fields are (kept.Slots); a fact is small, so the
// slots alone bound what is kept.
type factTerms struct {
	seed maphash.Seed
	kept kept.Slots[factTerm]
}

// factTerm is a kept fact: its key (a comparable form of its value) and
// its term.
type factTerm struct {
	key  any
	term *ast.Term
}

// factsValue is the term of v, a field of a listing's document, its facts
// shared through c (nil c, or a field of another type: astTerm's). The
// document's context, the same for every listing of a scan, is shared
// too, and so are its strings and a price's currency (labelTerms).
func (c *fieldTerms) factsValue(v reflect.Value) (*ast.Term, error) {
	if c == nil || !v.CanAddr() {
		return astTerm(v)
	}
	if v.Type() == contextType {
		return factOf(&c.facts, v.Addr().Interface().(*facts.Context), func(x *facts.Context) ([2]string, bool) {
			return [2]string{x.Platform, x.Now}, x.Shop == nil
		})
	}
	if v.Type() == stringType && utf8.ValidString(v.String()) {
		return c.labels.of(v.String()), nil // scalarTerm's term, shared
	}
	if v.Type() == priceType && !v.IsNil() && plainPrice() {
		if t, ok := priceAST(v.Interface().(*facts.PriceFact), &c.labels); ok {
			return t, nil
		}
	}
	if v.Kind() != reflect.Slice || v.IsNil() {
		return astTerm(v)
	}
	switch xs := v.Addr().Interface().(type) {
	case *[]facts.Number:
		return factsTerm(&c.facts, *xs, numberKeyOf)
	case *[]facts.Fiber:
		return factsTerm(&c.facts, *xs, func(x *facts.Fiber) (facts.Fiber, bool) {
			return *x, x.Field != facts.FieldTitle && plainFloats(x.Percent)
		})
	case *[]facts.FiberClaim:
		return factsTerm(&c.facts, *xs, func(x *facts.FiberClaim) (facts.FiberClaim, bool) {
			return *x, x.Field != facts.FieldTitle
		})
	case *[]facts.DownClaim:
		return factsTerm(&c.facts, *xs, func(x *facts.DownClaim) (facts.DownClaim, bool) {
			return *x, x.Field != facts.FieldTitle && plainFloats(x.Percent, x.Grams)
		})
	case *[]facts.Promise:
		return factsTerm(&c.facts, *xs, func(x *facts.Promise) (facts.Promise, bool) {
			return *x, x.Field != facts.FieldTitle && plainFloats(x.Hours, x.N)
		})
	case *[]listings.Attribute:
		return factsTerm(&c.facts, *xs, func(x *listings.Attribute) (listings.Attribute, bool) { return *x, true })
	}
	return astTerm(v)
}

// factsTerm is the array of facts xs, each fact's term shared when key
// gives it a key (false: made for the listing alone).
func factsTerm[T any, K comparable](c *factTerms, xs []T, key func(*T) (K, bool)) (*ast.Term, error) {
	if len(xs) == 0 {
		return ast.InternedEmptyArray, nil // as sliceTerm's
	}
	terms := make([]*ast.Term, len(xs))
	for i := range xs {
		t, err := factOf(c, &xs[i], key)
		if err != nil {
			return nil, err
		}
		terms[i] = t
	}
	return ast.ArrayTerm(terms...), nil
}

func factOf[T any, K comparable](c *factTerms, x *T, key func(*T) (K, bool)) (*ast.Term, error) {
	k, ok := key(x)
	if !ok {
		return factAST(x)
	}
	h := maphash.Comparable(c.seed, k)
	old := c.kept.At(h)
	if old != nil {
		if kept, same := old.key.(K); same && kept == k {
			return old.term, nil
		}
	}
	t, err := factAST(x)
	if err != nil || !c.kept.MetBefore(h) {
		return t, err // the first time: kept the next
	}
	c.kept.Put(h, old, &factTerm{key: k, term: frozenAll(t)}, 0)
	return t, nil
}

var (
	contextType = reflect.TypeFor[facts.Context]()
	stringType  = reflect.TypeFor[string]()
)

// plainFloats: no f is a negative zero, which == takes for a zero but
// encoding/json writes apart (-0): such a fact is made afresh.
func plainFloats(fs ...float64) bool {
	for _, f := range fs {
		if f == 0 && math.Signbit(f) {
			return false
		}
	}
	return true
}

// numberKey is a number's value with its token indexes read (a
// facts.Number holds them through pointers, which == would compare).
type numberKey struct {
	value             float64
	unit, field       string
	plus              bool
	s, e              int
	first, last, next int
	has               uint8 // bits 0-2: first, last, next are set
}

func numberKeyOf(n *facts.Number) (numberKey, bool) {
	k := numberKey{value: n.Value, unit: n.Unit, field: n.Field, plus: n.Plus, s: n.S, e: n.E}
	k.first = intAt(n.First, 1, &k.has)
	k.last = intAt(n.Last, 2, &k.has)
	k.next = intAt(n.Next, 4, &k.has)
	return k, n.Field != facts.FieldTitle && plainFloats(n.Value)
}

// intAt is *p, 0 if p is nil; bit is set in has if it is not.
func intAt(p *int, bit uint8, has *uint8) int {
	if p == nil {
		return 0
	}
	*has |= bit
	return *p
}
