package shipments

import (
	"slices"
	"strings"
	"time"
)

// OrderRef is what the index keeps of an order: enough to name it beside
// another order that shares its tracking number.
type OrderRef struct {
	ID    string
	Shop  string
	Buyer string
}

// usage lists the orders that use one tracking number. Nearly every
// number has one order, kept inline; a number on many orders keeps only
// the first few orders of each of its first few buyers, which is all a
// document names, so adding and looking up stay constant-time however many
// orders share the number.
type usage struct {
	first   OrderRef
	buyers  []string              // buyers in first-seen order, at most maxSharedExamples+1
	byBuyer map[string][]OrderRef // nil until a second order comes
	// examples are the orders of byBuyer, made when the first pass is
	// over (sharing.go).
	examples map[exampleKey]bool
}

// maxSharedExamples is how many other orders a document names as sharing
// its tracking number, per kind (other buyers, the same buyer).
const maxSharedExamples = 20

func (u *usage) add(r OrderRef) {
	if u.byBuyer == nil {
		if u.first == r {
			return
		}
		u.byBuyer = map[string][]OrderRef{}
		u.keep(u.first)
	}
	u.keep(r)
}

// keep records r when its buyer is among the first buyers and has fewer
// than the example count plus one (an order may be its own example).
func (u *usage) keep(r OrderRef) {
	refs, seen := u.byBuyer[r.Buyer]
	switch {
	case !seen && len(u.buyers) > maxSharedExamples:
	case len(refs) > maxSharedExamples, slices.Contains(refs, r):
	default:
		if !seen {
			u.buyers = append(u.buyers, r.Buyer)
		}
		u.byBuyer[r.Buyer] = append(refs, r)
	}
}

// others returns up to maxSharedExamples orders of other buyers and as
// many of the same buyer, leaving out the order itself. An unknown buyer
// ("") is nobody's same buyer.
func (u *usage) others(orderID, shop, buyer string) []OrderRef {
	self := func(r OrderRef) bool { return r.ID == orderID && r.Shop == shop }
	var out []OrderRef
	if buyer != "" {
		for _, r := range u.byBuyer[buyer] {
			if !self(r) && len(out) < maxSharedExamples {
				out = append(out, r)
			}
		}
	}
	n := 0
	for _, b := range u.buyers {
		if b == buyer && buyer != "" {
			continue
		}
		for _, r := range u.byBuyer[b] {
			if !self(r) && n < maxSharedExamples {
				out = append(out, r)
				n++
			}
		}
		if n >= maxSharedExamples {
			break
		}
	}
	return out
}

// listingKey groups orders by shop, listing and the promise they were sold
// under.
type listingKey struct {
	shop, listing string
	hours         float64
}

// ListingStats counts how a listing's shipping promise was kept.
type ListingStats struct {
	Shop, ListingID, Platform string
	PromisedShipHours         float64
	Orders                    int      // orders judged: shipped, or unshipped past the deadline
	Late                      int      // shipped after the deadline, or still unshipped past it
	Pending                   int      // unshipped, still within the window
	LateOrders                []string // the first late orders, as examples
}

// maxLateExamples bounds the example orders a listing finding names.
const maxLateExamples = 5

// Index is what the first pass learns about the whole shop: which orders use
// each tracking number, where each number's tracking answer is, and how each
// listing kept its promise. It is the only state that grows with the number
// of orders.
type Index struct {
	tracking map[string]*usage
	traces   map[string]traceRef
	files    []string // tracking files, by traceRef.file
	listings map[listingKey]*ListingStats
	order    []listingKey      // listings in first-seen order, for stable output
	shops    map[string]string // one copy of each shop name, shared by its orders
	now      time.Time
	// sharedFacts are the shop facts handed to every order of a shared
	// number's buyer (sharing.go).
	sharedFacts map[factsKey]ShopFacts
}

func newIndex(now time.Time) *Index {
	return &Index{tracking: map[string]*usage{}, traces: map[string]traceRef{}, listings: map[listingKey]*ListingStats{}, shops: map[string]string{}, now: now, sharedFacts: map[factsKey]ShopFacts{}}
}

// addOrder records an order's tracking number and its listing's promise.
// Strings are cloned: readers hand out substrings of whole records, which
// the index must not keep alive.
func (ix *Index) addOrder(o *Order, shop string) {
	if o.TrackingNo != "" {
		ref := OrderRef{ID: strings.Clone(o.ID), Shop: ix.shop(shop), Buyer: strings.Clone(o.Buyer)}
		if u, ok := ix.tracking[o.TrackingNo]; ok {
			u.add(ref)
		} else {
			ix.tracking[strings.Clone(o.TrackingNo)] = &usage{first: ref}
		}
	}
	ix.countPromise(o, shop)
}

// shop returns the index's copy of a shop name.
func (ix *Index) shop(name string) string {
	if s, ok := ix.shops[name]; ok {
		return s
	}
	s := strings.Clone(name)
	ix.shops[s] = s
	return s
}

// countPromise counts an order against its listing's promise. Orders that
// state no promise or no listing are left to the platform default, which
// only the policies know.
func (ix *Index) countPromise(o *Order, shop string) {
	if o.ListingID == "" || o.PromisedShipHours <= 0 {
		return
	}
	key := listingKey{shop: shop, listing: o.ListingID, hours: o.PromisedShipHours}
	st, ok := ix.listings[key]
	if !ok {
		key = listingKey{shop: strings.Clone(shop), listing: strings.Clone(o.ListingID), hours: o.PromisedShipHours}
		st = &ListingStats{Shop: key.shop, ListingID: key.listing, Platform: strings.Clone(o.Platform), PromisedShipHours: key.hours}
		ix.listings[key] = st
		ix.order = append(ix.order, key)
	}
	deadline := o.PaidAt.Add(time.Duration(o.PromisedShipHours * float64(time.Hour)))
	switch {
	case !o.MarkedShippedAt.IsZero() && !o.MarkedShippedAt.After(deadline):
		st.Orders++
	case o.MarkedShippedAt.IsZero() && !ix.now.After(deadline):
		st.Pending++
	default:
		st.Orders++
		st.Late++
		if len(st.LateOrders) < maxLateExamples {
			st.LateOrders = append(st.LateOrders, strings.Clone(o.ID))
		}
	}
}

// addTraces records where each answer of a tracking file is.
func (ix *Index) addTraces(path string, traces []*Trace) {
	file := int32(len(ix.files))
	ix.files = append(ix.files, path)
	for i, t := range traces {
		if t.TrackingNo != "" {
			ix.traces[t.TrackingNo] = traceRef{file: file, elem: int32(i)}
		}
	}
}

// Sharing returns other orders that use an order's tracking number: up to
// maxSharedExamples of other buyers and as many of the same buyer.
func (ix *Index) Sharing(trackingNo, orderID, shop, buyer string) []OrderRef {
	u, ok := ix.tracking[trackingNo]
	if !ok || u.byBuyer == nil {
		return nil
	}
	return u.others(orderID, shop, buyer)
}

// Listings returns the promise counts of every listing, in first-seen order.
func (ix *Index) Listings() []*ListingStats {
	out := make([]*ListingStats, 0, len(ix.order))
	for _, k := range ix.order {
		out = append(out, ix.listings[k])
	}
	return out
}

// TrackingNumbers is how many distinct tracking numbers the orders use.
func (ix *Index) TrackingNumbers() int { return len(ix.tracking) }
