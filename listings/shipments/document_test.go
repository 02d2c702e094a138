package shipments

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
	"time"

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

// testNow is the clock every shipment test judges against.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, facts.Shanghai)

const fixtures = "../../fixtures/shipments"

// fixtureSource reads the shipment fixtures as the scanner does.
func fixtureSource(t *testing.T) *Source {
	t.Helper()
	var inputs []Input
	err := filepath.WalkDir(fixtures, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !DataExts[filepath.Ext(path)] {
			return err
		}
		kind, err := Sniff(path)
		inputs = append(inputs, Input{Path: path, Kind: kind, Err: err})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return NewSource(inputs, Options{Now: testNow})
}

func TestItemsComeInFileOrder(t *testing.T) {
	t.Parallel()
	s := fixtureSource(t)
	last := map[string]int{}
	listings, orders := 0, 0
	for it := range s.Items(context.Background()) {
		if it.Err != nil {
			t.Fatalf("%s:%d: %v", it.Source, it.Line, it.Err)
		}
		if it.Doc == nil {
			t.Errorf("%s:%d: no document", it.Source, it.Line)
		}
		if it.ListingID != "" {
			listings++
			continue
		}
		orders++
		if it.Line <= last[it.Source] {
			t.Errorf("%s: line %d after line %d", it.Source, it.Line, last[it.Source])
		}
		last[it.Source] = it.Line
	}
	if orders != 32 || listings == 0 || s.Index().TrackingNumbers() == 0 {
		t.Errorf("orders %d, listings %d, tracking numbers %d", orders, listings, s.Index().TrackingNumbers())
	}
}

func TestItemsStopWhenAsked(t *testing.T) {
	t.Parallel()
	n := 0
	for range fixtureSource(t).Items(context.Background()) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Errorf("%d items", n)
	}
}
