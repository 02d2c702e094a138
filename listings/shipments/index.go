package shipments

import (
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

// usage lists the orders that use one tracking number; nearly every number
// has one, kept inline.
type usage struct {
	first OrderRef
	more  []OrderRef
}

func (u *usage) add(r OrderRef) {
	if u.first == r {
		return
	}
	for _, m := range u.more {
		if m == r {
			return
		}
	}
	u.more = append(u.more, r)
}

func (u *usage) all() []OrderRef { return append([]OrderRef{u.first}, u.more...) }

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
}

func newIndex(now time.Time) *Index {
	return &Index{tracking: map[string]*usage{}, traces: map[string]traceRef{}, listings: map[listingKey]*ListingStats{}, shops: map[string]string{}, now: now}
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

// Sharing returns the other orders that use an order's tracking number.
func (ix *Index) Sharing(trackingNo, orderID, shop string) []OrderRef {
	u, ok := ix.tracking[trackingNo]
	if !ok || len(u.more) == 0 {
		return nil
	}
	var others []OrderRef
	for _, r := range u.all() {
		if r.ID != orderID || r.Shop != shop {
			others = append(others, r)
		}
	}
	return others
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
