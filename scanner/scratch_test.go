package scanner

import (
	"reflect"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// A title list's listings come from the pool, as Listing builds them, and
// go back empty; other batches' listings are their own.
func TestListingOfRecyclesTitles(t *testing.T) {
	tl, err := listings.ReadTitles("titles.txt", []byte("纯棉T恤 全网最低\n连衣裙 网红同款\n"))
	if err != nil {
		t.Fatal(err)
	}
	for k := range tl.Len() {
		l, recycled, err := listingOf(tl, k)
		want, _ := tl.Listing(k)
		if err != nil || !recycled || !reflect.DeepEqual(l, want) {
			t.Fatalf("title %d: %+v (recycled %v, %v), want %+v from the pool", k, l, recycled, err, want)
		}
		recycle(l)
		if !reflect.DeepEqual(*l, listings.Listing{}) {
			t.Errorf("title %d: recycled listing keeps %+v", k, *l)
		}
	}
	own := &listings.Listing{ID: "a"}
	if l, recycled, _ := listingOf(parsed{own}, 0); l != own || recycled {
		t.Errorf("a parsed batch's listing = %p (recycled %v), want its own %p", l, recycled, own)
	}
}
