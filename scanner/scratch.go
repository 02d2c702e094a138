package scanner

import (
	"sync"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// refiller is a batch that builds a listing into one the caller owns
// (a title list, TitleList.ListingInto).
type refiller interface {
	ListingInto(i int, l *listings.Listing)
}

// scratchListings recycles the listings of a title list's titles: one per
// title, about 400 bytes, was 9% of what scanning a title list allocated.
// A listing is its worker's until its result is built: checkOne copies
// what the result shows, and the checker keeps nothing of it.
var scratchListings = sync.Pool{New: func() any { return new(listings.Listing) }}

// listingOf builds listing k of b. recycled says it came from
// scratchListings: the caller gives it back (recycle) once it holds
// nothing of it.
func listingOf(b batch, k int) (l *listings.Listing, recycled bool, err error) {
	r, ok := b.(refiller)
	if !ok {
		l, err = b.Listing(k)
		return l, false, err
	}
	l = scratchListings.Get().(*listings.Listing)
	r.ListingInto(k, l)
	return l, true, nil
}

// recycle clears l, so the pool keeps no input's text alive, and gives it
// back.
func recycle(l *listings.Listing) {
	*l = listings.Listing{}
	scratchListings.Put(l)
}
