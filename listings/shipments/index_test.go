package shipments

import (
	"fmt"
	"testing"
	"time"
)

func sharedOrder(i int, buyer string) *Order {
	return &Order{ID: fmt.Sprintf("S%06d", i), Buyer: buyer, TrackingNo: "YT0000000001",
		PaidAt: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
}

// TestSharingIsBoundedAndFair: on a number shared by many orders, an order
// sees at most maxSharedExamples orders of other buyers and as many of its
// own buyer, never itself; an unknown buyer is nobody's same buyer.
func TestSharingIsBoundedAndFair(t *testing.T) {
	t.Parallel()
	ix := newIndex(time.Now())
	for i := range 5000 {
		ix.addOrder(sharedOrder(i, fmt.Sprintf("b%d", i%100)), "shop")
	}
	ix.addOrder(sharedOrder(9999, ""), "shop")
	others := ix.Sharing("YT0000000001", "S000007", "shop", "b7")
	same, diff := 0, 0
	for _, r := range others {
		switch {
		case r.ID == "S000007":
			t.Fatal("an order is listed as sharing with itself")
		case r.Buyer == "b7":
			same++
		default:
			diff++
		}
	}
	if same != maxSharedExamples || diff != maxSharedExamples {
		t.Errorf("same buyer %d, other buyers %d; want %d each", same, diff, maxSharedExamples)
	}
	if got := ix.Sharing("YT0000000001", "S009999", "shop", ""); len(got) != maxSharedExamples {
		t.Errorf("unknown buyer sees %d others, want %d", len(got), maxSharedExamples)
	}
	if got := ix.Sharing("YT0000000002", "S000001", "shop", "b1"); got != nil {
		t.Errorf("unused number: %v", got)
	}
}

// TestSharingSingleBuyerCombined: one buyer's combined shipment lists only
// that buyer's orders, which the rules read as the same buyer.
func TestSharingSingleBuyerCombined(t *testing.T) {
	t.Parallel()
	ix := newIndex(time.Now())
	for i := range 3 {
		ix.addOrder(sharedOrder(i, "b1"), "shop")
	}
	ix.addOrder(sharedOrder(0, "b1"), "shop") // the same order in two files
	got := ix.Sharing("YT0000000001", "S000000", "shop", "b1")
	if len(got) != 2 || got[0].Buyer != "b1" || got[1].Buyer != "b1" {
		t.Errorf("got %+v, want the buyer's two other orders", got)
	}
}

// BenchmarkOneTrackingNumber: 100,000 orders on one tracking number, indexed
// and each looked up, as a shipments scan does (issue 17: was quadratic).
func BenchmarkOneTrackingNumber(b *testing.B) {
	orders := make([]*Order, 100000)
	for i := range orders {
		orders[i] = sharedOrder(i, fmt.Sprintf("b%d", i%997))
	}
	b.ReportAllocs()
	for b.Loop() {
		ix := newIndex(time.Now())
		for _, o := range orders {
			ix.addOrder(o, "shop")
		}
		for _, o := range orders {
			ix.Sharing(o.TrackingNo, o.ID, "shop", o.Buyer)
		}
	}
}
