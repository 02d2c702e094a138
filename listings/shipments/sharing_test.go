package shipments

import (
	"fmt"
	"reflect"
	"testing"
	"time"
)

// Every order gets the shop facts its own list of sharing orders gives;
// the orders of one buyer that are not among the kept examples get one
// list, built once (the same slice), and an example gets its own, without
// itself.
func TestShopFactsAreSharedByOneBuyersOrders(t *testing.T) {
	t.Parallel()
	ix := newIndex(time.Now())
	var orders []*Order
	for i := range 3000 {
		o := sharedOrder(i, fmt.Sprintf("b%d", i%30))
		orders = append(orders, o)
		ix.addOrder(o, "shop")
	}
	lists := map[*SharedOrder]int{}
	for _, o := range orders {
		got := ix.shopFactsOf(o, "shop")
		want := shopFacts(o, "shop", ix.Sharing(o.TrackingNo, o.ID, "shop", o.Buyer))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("order %s: shop facts %+v, want %+v", o.ID, got, want)
		}
		lists[&got.SharedWith[0]]++
	}
	// 21 buyers' first 21 orders are examples, each with a list of its
	// own; the other orders share one list per buyer (30 buyers).
	if len(lists) != 21*21+30 {
		t.Errorf("%d distinct lists, want %d", len(lists), 21*21+30)
	}
	alone := ix.shopFactsOf(&Order{ID: "X1", Buyer: "b1", TrackingNo: "YT-unshared"}, "shop")
	if len(alone.SharedWith) != 0 || alone.OtherBuyerOrders == nil {
		t.Errorf("unshared number: %+v, want empty lists", alone)
	}
}
