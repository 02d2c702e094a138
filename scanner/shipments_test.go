package scanner

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// shipmentsNow is the clock every shipment test judges against.
var shipmentsNow = time.Date(2026, 11, 23, 10, 0, 0, 0, facts.Shanghai)

const shipmentFixtures = "../fixtures/shipments"

func shipmentScanner(t testing.TB, workers int) *Scanner {
	return &Scanner{Checker: checker(t), Options: Options{Workers: workers}}
}

// fixtureReport scans the shipment fixtures once.
var fixtureReport = sync.OnceValues(func() (*ShipmentsReport, error) {
	c, err := testChecker()
	if err != nil {
		return nil, err
	}
	s := &Scanner{Checker: c, Options: Options{Workers: 2}}
	return s.ScanShipments(context.Background(), []string{shipmentFixtures}, shipments.Options{Now: shipmentsNow})
})

func shipmentsReport(t *testing.T) *ShipmentsReport {
	t.Helper()
	rep, err := fixtureReport()
	if err != nil {
		t.Fatalf("scan fixtures: %v", err)
	}
	return rep
}

// byOrder groups the findings of the report by order id.
func byOrder(rep *ShipmentsReport) map[string][]finding.Finding {
	out := map[string][]finding.Finding{}
	for _, fr := range rep.Files {
		for _, f := range fr.Findings {
			id, _ := f.Details["order_id"].(string)
			out[id] = append(out[id], f)
		}
	}
	return out
}

func ruleList(found []finding.Finding) string {
	var ids []string
	for _, f := range found {
		ids = append(ids, f.Rule)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func TestFixtureOrderOutcomes(t *testing.T) {
	t.Parallel()
	rep := shipmentsReport(t)
	got := byOrder(rep)
	want := map[string]struct {
		rules string
		cny   float64 // compensation summed over the order's findings
	}{
		"TB1001": {"", 0},
		"TB1002": {"", 0},                  // marked shipped exactly at the deadline
		"TB1003": {"shipping-late", 12.9},  // 5 h 30 m late, 10% of 129
		"TB1004": {"shipping-late", 5},     // 10% of 39 is below the minimum of 5
		"TB1005": {"", 0},                  // pickup 23 h 59 m after marked shipped
		"TB1006": {"shipping-fake", 12.9},  // pickup 24 h 30 m after
		"TB1007": {"shipping-fake", 12.9},  // only "waiting for pickup" since
		"TB1008": {"shipping-fake", 12.9},  // tracking number shared with TB1009
		"TB1009": {"shipping-fake", 12.9},  // ... another buyer's order
		"TB1010": {"", 0},                  // combined shipment, same buyer as TB1011
		"TB1011": {"", 0},                  //
		"TB1012": {"shipping-fake", 12.9},  // trace starts before payment
		"TB1013": {"shipping-stalled", 0},  // 96 h between scans; Taobao amount unconfirmed
		"TB1014": {"", 0},                  // long trace, gaps up to exactly 72 h
		"TB1015": {"shipping-stalled", 0},  // no scan since 11-19 08:00
		"TM3016": {"shipping-late", 500},   // Tmall 30% of 1999, capped at 500
		"TM3017": {"", 0},                  // unshipped, still within 72 h
		"TM3018": {"shipping-late", 137.7}, // unshipped long after 48 h: 30% of 459
		"TB1019": {"", 0},                  // no promise: 47 h against the 48 h default
		"TB1020": {"shipping-late", 8.8},   // no promise: 50 h
		"PD2001": {"", 0},                  //
		"PD2002": {"shipping-late", 3},     // PDD fixed 3
		"PD2003": {"shipping-fake", 20},    // pickup 30 h after
		"PD2004": {"", 0},                  // pickup exactly 24 h after
		"PD2005": {"", 0},                  // KDNiao answer inline, Action codes
		"PD2006": {"shipping-fake", 20},    // the inline answer is for another number
		"PD2007": {"shipping-stalled", 20}, // 80 h gap, PDD prices it as fake
		"PD2008": {"shipping-fake,shipping-late", 23},
		"PD2009": {"", 0},              // no tracking given: not judged
		"PD2010": {"", 0},              // unshipped within 48 h
		"PD2011": {"", 0},              // an exception scan, then delivered
		"DY4012": {"shipping-late", 0}, // Douyin: no table
	}
	orders := 0
	for _, fr := range rep.Files {
		orders += fr.Orders
		if fr.Error != nil || len(fr.RowErrors) > 0 {
			t.Errorf("%s: error %v, rows %v", fr.Source, fr.Error, fr.RowErrors)
		}
	}
	if orders != len(want) {
		t.Errorf("scanned %d orders, want %d", orders, len(want))
	}
	for id, w := range want {
		found := got[id]
		if r := ruleList(found); r != w.rules {
			t.Errorf("%s: rules %q, want %q", id, r, w.rules)
			for _, f := range found {
				t.Logf("  %s: %s", f.Rule, f.Message)
			}
			continue
		}
		var cny float64
		for _, f := range found {
			cny += f.Exposure.PlatformCNY
		}
		if cny != w.cny {
			t.Errorf("%s: compensation %v, want %v", id, cny, w.cny)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("finding for unexpected order %q", id)
		}
	}
}

func TestRunShipmentsStopsWhenEmitFails(t *testing.T) {
	t.Parallel()
	src := shipments.NewSource(ShipmentInputs([]string{shipmentFixtures}), shipments.Options{Now: shipmentsNow})
	stop := context.Canceled
	n := 0
	err := shipmentScanner(t, 2).RunShipments(context.Background(), src, func(Result) error {
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

func TestScanShipmentsReportsUnreadableInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	rep, err := shipmentScanner(t, 0).ScanShipments(context.Background(), []string{dir + "/missing.csv"}, shipments.Options{Now: shipmentsNow})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Files) != 1 || rep.Files[0].Error == nil || rep.Errors != 1 {
		t.Errorf("files = %+v", rep.Files)
	}
}

func TestFixtureShopTotalsAndProof(t *testing.T) {
	t.Parallel()
	rep := shipmentsReport(t)
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
	rep := shipmentsReport(t)
	got := map[string]string{}
	for _, f := range rep.Listings {
		got[f.Details["listing_id"].(string)] = f.Severity + " " + f.Message
	}
	// L100: 2 of 12 due orders late (TB1003, TB1004); G500: 2 of 10.
	if len(got) != 2 || !strings.Contains(got["L100"], "12 笔已到期订单中 2 笔（17%）") || !strings.HasPrefix(got["G500"], "error") {
		t.Errorf("listing findings = %v", got)
	}
}

func TestRunShipmentsKeepsFileOrder(t *testing.T) {
	t.Parallel()
	src := shipments.NewSource(ShipmentInputs([]string{shipmentFixtures}), shipments.Options{Now: shipmentsNow})
	last := map[string]int{}
	promises := 0
	err := shipmentScanner(t, 3).RunShipments(context.Background(), src, func(r Result) error {
		if r.Kind == KindPromise {
			promises++
			return nil
		}
		if r.Line <= last[r.Source] {
			t.Errorf("%s: line %d after line %d", r.Source, r.Line, last[r.Source])
		}
		last[r.Source] = r.Line
		if r.Failed() {
			return fmt.Errorf("%s:%d: %s", r.Source, r.Line, *r.Error)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if promises == 0 || len(last) != 2 {
		t.Errorf("promises %d, orders files %v", promises, last)
	}
}
