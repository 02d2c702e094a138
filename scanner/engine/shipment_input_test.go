package engine

import (
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// The engine converts shipment documents without JSON; what the rules see
// must be what OPA's own conversion (through JSON) gives, for an order
// with its trace, a listing's promise counts, and text with invalid UTF-8.
// The engine adds input.rules, the packages that judge the document.
func TestDocumentsReachThePoliciesAsJSONWould(t *testing.T) {
	t.Parallel()
	traces, err := shipments.ReadTrackingFile(filepath.Join("..", "..", "fixtures", "shipments", "tracking", "YT7300112233401.kuaidi100.json"))
	if err != nil || len(traces) != 1 {
		t.Fatalf("tracking fixture: %v (%d answers)", err, len(traces))
	}
	tr := traces[0]
	paid, _ := shipments.ParseTime("2026-11-18 09:00:00")
	o := &shipments.Order{ID: "A1", Platform: "taobao", Buyer: "b\xff1", Amount: 59.9, PaidAt: paid, PromisedShipHours: 48, TrackingNo: "YT7300112233401"}
	docs := []*facts.Document{
		shipments.OrderDocument(o, "shop", tr, []shipments.OrderRef{{ID: "A2", Shop: "shop", Buyer: "b1"}}, testClock),
		shipments.ListingDocument(&shipments.ListingStats{Shop: "shop", ListingID: "L1", PromisedShipHours: 24, Orders: 3, Late: 1, LateOrders: []string{"A1"}}, testClock),
	}
	// The order has tracking and is unshipped past its promise; the
	// listing's counts are for shipping-promise-rate alone (shipgate.go).
	rules := []string{`["shipping_fake", "shipping_late", "shipping_stalled"]`, `["shipping_promise_rate"]`}
	eng := checker(t).Engine
	for i, doc := range docs {
		in, err := eng.Input(doc)
		if err != nil {
			t.Fatal(err)
		}
		top := in.(ast.Object)
		if got := top.Get(ast.StringTerm("rules")); got == nil || !got.Equal(ast.MustParseTerm(rules[i])) {
			t.Errorf("document %d: input.rules = %v, want %s", i, got, rules[i])
		}
		got, _ := top.Filter(ast.NewObject(ast.Item(ast.StringTerm("context"), ast.NullTerm()), ast.Item(ast.StringTerm("kind"), ast.NullTerm()),
			ast.Item(ast.StringTerm("shipment"), ast.NullTerm()), ast.Item(ast.StringTerm("version"), ast.NullTerm())))
		want, err := ast.InterfaceToValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		if got.Compare(want) != 0 {
			t.Errorf("document %d:\n%v\nwant\n%v", i, got, want)
		}
	}
}
