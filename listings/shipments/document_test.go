package shipments

import (
	"context"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

func TestOrderDocument(t *testing.T) {
	t.Parallel()
	tr, err := ParseTracking([]byte(kuaidi100Sample))
	if err != nil {
		t.Fatal(err)
	}
	paid, _ := ParseTime("2026-11-18 09:00:00")
	shipped, _ := ParseTime("2026-11-18 18:00:00")
	o := &Order{ID: "A1", Platform: "taobao", Buyer: "b1", Amount: 59, PaidAt: paid, MarkedShippedAt: shipped, TrackingNo: "YT7300112233401"}
	doc := OrderDocument(o, "shop", tr, []OrderRef{{ID: "A2", Shop: "shop", Buyer: "b1"}, {ID: "A3", Shop: "shop"}}, testNow)
	s := doc.Shipment.(*Shipment)
	if doc.Kind != "shipment" || s.Scope != ScopeOrder || s.PaidAt != "2026-11-18T09:00:00+08:00" || s.PaidAtUnix != paid.Unix() {
		t.Errorf("document = %+v", s)
	}
	if !s.MarkedShipped || s.MarkedShippedAtUnix != shipped.Unix() || !s.Trace.Found || !s.Trace.MatchesOrder {
		t.Errorf("shipping facts = %+v", s)
	}
	if len(s.Events) != 4 || s.Events[0].Kind != KindPickup || s.Events[0].Unix > s.Events[3].Unix {
		t.Errorf("events = %+v", s.Events)
	}
	shared := doc.Context.Shop.(ShopFacts).SharedWith
	if len(shared) != 2 || !shared[0].SameBuyer || shared[1].SameBuyer {
		t.Errorf("shared = %+v", shared)
	}
	if doc.Context.Now != "2026-11-23T10:00:00+08:00" {
		t.Errorf("now = %s", doc.Context.Now)
	}
}

func TestRunStreamsInOrder(t *testing.T) {
	t.Parallel()
	s, err := NewScanner([]string{fixtures}, Options{Engine: testEng(t), Now: testNow, Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	last := map[string]int{}
	listings := 0
	err = s.Run(context.Background(), func(o Outcome) error {
		if o.ListingID != "" {
			listings++
			return nil
		}
		if o.Line <= last[o.Source] {
			t.Errorf("%s: line %d after line %d", o.Source, o.Line, last[o.Source])
		}
		last[o.Source] = o.Line
		return o.Err
	})
	if err != nil {
		t.Fatal(err)
	}
	if listings == 0 || s.Index().TrackingNumbers() == 0 {
		t.Errorf("listings %d, tracking numbers %d", listings, s.Index().TrackingNumbers())
	}
}

func TestRunStopsWhenEmitFails(t *testing.T) {
	t.Parallel()
	s, err := NewScanner([]string{fixtures}, Options{Engine: testEng(t), Now: testNow, Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	stop := context.Canceled
	n := 0
	err = s.Run(context.Background(), func(Outcome) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("err %v after %d outcomes, want to stop at 3", err, n)
	}
}

func TestScanReportsUnreadableInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rep, err := Scan(context.Background(), []string{dir + "/missing.csv"}, Options{Engine: testEng(t), Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Error == nil || rep.Errors != 1 {
		t.Errorf("files = %+v", rep.Files)
	}
}

func TestFixtureShopTotalsAndProof(t *testing.T) {
	t.Parallel()
	rep := report(t)
	tb := rep.Shops["禾木家居旗舰店"]
	// late 12.9 + 5 + 8.8, fake 5 × 12.9, stalled 2 × 0
	if tb == nil || tb.Orders != 17 || tb.PlatformCNY != 91.2 || tb.Confirmed {
		t.Errorf("禾木家居旗舰店 = %+v", tb)
	}
	if pdd := rep.Shops["果园小铺"]; pdd == nil || pdd.PlatformCNY != 86 {
		t.Errorf("果园小铺 = %+v", pdd)
	}
	for _, f := range byOrder(rep)["TB1006"] {
		evs, _ := f.Details["events"].([]any)
		if len(evs) != 2 || f.Details["tracking_no"] != "YT7300112299876" || f.Location == nil || f.Location.Line != 7 {
			t.Errorf("TB1006 proof = %+v at %+v", f.Details, f.Location)
		}
		pickup, _ := evs[1].(map[string]any)
		if pickup["kind"] != "pickup" || pickup["time"] != "2026-11-20T12:30:00+08:00" {
			t.Errorf("TB1006 pickup event = %v", pickup)
		}
	}
}

func TestFixturePromiseRate(t *testing.T) {
	t.Parallel()
	rep := report(t)
	got := map[string]string{}
	for _, f := range rep.Listings {
		got[f.Details["listing_id"].(string)] = f.Severity + " " + f.Message
	}
	// L100: 2 of 12 due orders late (TB1003, TB1004); G500: 2 of 10.
	if len(got) != 2 || !strings.Contains(got["L100"], "12 笔已到期订单中 2 笔（17%）") || !strings.HasPrefix(got["G500"], "error") {
		t.Errorf("listing findings = %v", got)
	}
}

// The engine converts shipment documents without JSON; what the rules see
// must be what OPA's own conversion (through JSON) gives, for an order
// with its trace, a listing's promise counts, and text with invalid UTF-8.
func TestDocumentsReachThePoliciesAsJSONWould(t *testing.T) {
	t.Parallel()
	tr, err := ParseTracking([]byte(kuaidi100Sample))
	if err != nil {
		t.Fatal(err)
	}
	paid, _ := ParseTime("2026-11-18 09:00:00")
	o := &Order{ID: "A1", Platform: "taobao", Buyer: "b\xff1", Amount: 59.9, PaidAt: paid, PromisedShipHours: 48, TrackingNo: "YT7300112233401"}
	docs := []*facts.Document{
		OrderDocument(o, "shop", tr, []OrderRef{{ID: "A2", Shop: "shop", Buyer: "b1"}}, testNow),
		ListingDocument(&ListingStats{Shop: "shop", ListingID: "L1", PromisedShipHours: 24, Orders: 3, Late: 1, LateOrders: []string{"A1"}}, testNow),
	}
	eng := testEng(t)
	for i, doc := range docs {
		got, err := eng.Input(doc)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ast.InterfaceToValue(doc)
		if err != nil {
			t.Fatal(err)
		}
		if got.Compare(want) != 0 {
			t.Errorf("document %d:\n%v\nwant\n%v", i, got, want)
		}
	}
}
