package shipments

import (
	"context"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// testNow is the clock every shipment test judges against.
var testNow = time.Date(2026, 11, 23, 10, 0, 0, 0, facts.Shanghai)

// testEngine compiles the policies once for the package's tests.
var testEngine = sync.OnceValues(func() (*engine.Engine, error) {
	return engine.New(context.Background(), engine.Options{})
})

func testEng(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := testEngine()
	if err != nil {
		t.Fatalf("engine: %v", err)
	}
	return e
}

const fixtures = "../../fixtures/shipments"

// fixtureReport scans the shipment fixtures once.
var fixtureReport = sync.OnceValues(func() (*Report, error) {
	e, err := testEngine()
	if err != nil {
		return nil, err
	}
	return Scan(context.Background(), []string{fixtures}, Options{Engine: e, Now: testNow, Workers: 2})
})

func report(t *testing.T) *Report {
	t.Helper()
	rep, err := fixtureReport()
	if err != nil {
		t.Fatalf("scan fixtures: %v", err)
	}
	return rep
}

// byOrder groups the findings of the report by order id.
func byOrder(rep *Report) map[string][]finding.Finding {
	out := map[string][]finding.Finding{}
	for _, fr := range rep.Files {
		for _, f := range fr.Findings {
			id, _ := f.Details["order_id"].(string)
			out[id] = append(out[id], f)
		}
	}
	return out
}

func rulesOf(found []finding.Finding) string {
	var ids []string
	for _, f := range found {
		ids = append(ids, f.Rule)
	}
	sort.Strings(ids)
	return strings.Join(ids, ",")
}

func TestFixtureOrderOutcomes(t *testing.T) {
	t.Parallel()
	rep := report(t)
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
		if r := rulesOf(found); r != w.rules {
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
