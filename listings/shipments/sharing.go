package shipments

import "strings"

// Orders on a tracking number that many orders use would each get a
// shop-facts list of their own, equal for every order of one buyer that is
// not itself among the examples the index keeps. sharedFacts builds that
// list once per number, shop and buyer and hands out the same one, so
// documents share it (and the engine can convert it once).

// factsKey names the orders that get the same shop facts.
type factsKey struct {
	trackingNo, shop, buyer string
}

// maxSharedFacts bounds the lists kept: numbers with many buyers make
// many, and a number's orders need not come together.
const maxSharedFacts = 4096

// shopFactsOf is the shop-level facts of an order: built, or one built
// before for an order of the same number, shop and buyer.
func (ix *Index) shopFactsOf(o *Order, shop string) ShopFacts {
	u, ok := ix.tracking[o.TrackingNo]
	if !ok || u.byBuyer == nil {
		return shopFacts(o, shop, nil)
	}
	if u.isExample(o.ID, shop) {
		return shopFacts(o, shop, u.others(o.ID, shop, o.Buyer))
	}
	key := factsKey{o.TrackingNo, shop, o.Buyer}
	if sf, ok := ix.sharedFacts[key]; ok {
		return sf
	}
	sf := shopFacts(o, shop, u.others(o.ID, shop, o.Buyer))
	if len(ix.sharedFacts) >= maxSharedFacts {
		clear(ix.sharedFacts)
	}
	// Cloned: the order's strings are cut from its whole record.
	ix.sharedFacts[factsKey{strings.Clone(o.TrackingNo), strings.Clone(shop), strings.Clone(o.Buyer)}] = sf
	return sf
}

// exampleKey is an order as others() leaves it out of its own list.
type exampleKey struct{ id, shop string }

// isExample reports whether an order is one the usage keeps, so that its
// list leaves it out and is its own.
func (u *usage) isExample(orderID, shop string) bool {
	if u.examples == nil {
		u.examples = map[exampleKey]bool{}
		for _, refs := range u.byBuyer {
			for _, r := range refs {
				u.examples[exampleKey{r.ID, r.Shop}] = true
			}
		}
	}
	return u.examples[exampleKey{orderID, shop}]
}
