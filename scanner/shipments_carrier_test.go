package scanner

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// An order marked shipped late without a carrier or a tracking number is
// late all the same (the shipped step once named the absent carrier, and
// the finding vanished); one with the carrier only names it.
func TestLateOrderWithoutCarrierIsStillLate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "orders.csv")
	csv := "order_id,platform,amount,paid_at,promised_ship_hours,marked_shipped_at,carrier,tracking_no\n" +
		"N1,taobao,59.00,2026-11-20 10:00:00,24,2026-11-22 10:00:00,,\n" +
		"N2,taobao,59.00,2026-11-20 10:00:00,24,2026-11-22 10:00:00,圆通速递,\n"
	if err := os.WriteFile(path, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	rep, err := shipmentScanner(t, 1).ScanShipments(context.Background(), []string{path}, shipments.Options{Now: shipmentsNow})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"N1": "卖家标记发货", "N2": "卖家标记发货（圆通速递）"}
	found := byOrder(rep)
	for id, text := range want {
		if len(found[id]) != 1 || found[id][0].Rule != "shipping-late" {
			t.Errorf("order %s: findings %s, want shipping-late", id, ruleList(found[id]))
			continue
		}
		events, _ := found[id][0].Details["events"].([]any)
		if len(events) != 2 || events[1].(map[string]any)["text"] != text {
			t.Errorf("order %s: events %v, want the shipped step %q", id, events, text)
		}
	}
}
