package engine

import (
	"reflect"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// Every order of one buyer on a tracking number shared by many orders
// carries the same shop facts, the same list even (listings/shipments
// builds it once, sharing.go): its AST is made once too, and shared by
// those orders' inputs, as input values are only read.

var shopFactsType = reflect.TypeFor[shipments.ShopFacts]()

// maxSharedTerms bounds the cache; it starts over when full.
const maxSharedTerms = 4096

// sharedTerms maps a shared list (by its first element: the key keeps the
// list alive, so its address is not reused while cached) to its facts' AST.
var sharedTerms = struct {
	sync.Mutex
	byList map[*shipments.SharedOrder]*ast.Term
}{byList: map[*shipments.SharedOrder]*ast.Term{}}

func shopFactsTerm(v reflect.Value) (*ast.Term, error) {
	sf := v.Interface().(shipments.ShopFacts)
	if len(sf.SharedWith) == 0 {
		return structTerm(v)
	}
	key := &sf.SharedWith[0]
	sharedTerms.Lock()
	t, ok := sharedTerms.byList[key]
	sharedTerms.Unlock()
	if ok {
		return t, nil
	}
	t, err := structTerm(v)
	if err != nil {
		return nil, err
	}
	sharedTerms.Lock()
	if len(sharedTerms.byList) >= maxSharedTerms {
		clear(sharedTerms.byList)
	}
	sharedTerms.byList[key] = t
	sharedTerms.Unlock()
	return t, nil
}
