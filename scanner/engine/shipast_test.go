package engine

import (
	"context"
	"math"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// shipmentTerm must write an order's facts as the reflective astTerm
// does: on varied orders (tracking of every shape) and on edge values
// (omitted and empty fields, a line, odd floats), the very same term; on
// values astTerm treats specially, it declines.
func TestShipmentTermIsAstTerm(t *testing.T) {
	var orders []*shipments.Shipment
	path := filepath.Join(t.TempDir(), "orders.json")
	writeVariedOrders(t, path, 400)
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: path, Kind: shipments.InputOrdersJSON}}, shipments.Options{Now: now})
	for it := range src.Items(context.Background()) {
		if s, ok := it.Doc.Shipment.(*shipments.Shipment); ok {
			orders = append(orders, s)
		}
	}
	edge := shipments.Shipment{
		Scope: "order", OrderID: "订单-1", Shop: "店", Platform: "pdd", ListingID: "L1", Buyer: "b",
		Amount: 1e21, PaidAt: "2026-11-20T10:00:00+08:00", PaidAtUnix: -5, PromisedShipHours: 1e-7,
		MarkedShipped: true, MarkedShippedAt: "x", MarkedShippedAtUnix: 7, Carrier: "圆通", TrackingNo: "YT1",
		Trace:  shipments.TraceFacts{Found: true, Format: "kuaidi100", Carrier: "yt", TrackingNo: "YT2", State: "3", MatchesOrder: false},
		Events: []shipments.EventFact{{Time: "t", Unix: 1, SincePrev: 0, Kind: "pickup", Status: "s", Text: "揽收"}, {Kind: "k"}},
		Source: "f.csv", Line: 12,
	}
	empty := shipments.Shipment{Events: []shipments.EventFact{}}
	orders = append(orders, &edge, &empty, &shipments.Shipment{Amount: 0.1 + 0.2, PromisedShipHours: 48})
	if len(orders) < 300 {
		t.Fatalf("%d orders: want the varied ones and the edges", len(orders))
	}
	for _, s := range orders {
		got, ok := shipmentTerm(s)
		want, err := structTerm(reflect.ValueOf(s).Elem())
		if !ok || err != nil {
			t.Fatalf("order %q: shipmentTerm ok %v, astTerm error %v", s.OrderID, ok, err)
		}
		if !got.Equal(want) || got.String() != want.String() {
			t.Errorf("order %q:\n got %s\nwant %s", s.OrderID, got, want)
		}
	}
	for name, s := range map[string]shipments.Shipment{
		"invalid UTF-8": {OrderID: "a\xffb"},
		"NaN amount":    {Amount: math.NaN()},
		"event text":    {Events: []shipments.EventFact{{Text: "\xfe"}}},
	} {
		if _, ok := shipmentTerm(&s); ok {
			t.Errorf("%s: shipmentTerm wrote it, want it left to astTerm", name)
		}
	}
}
