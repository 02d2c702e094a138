package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// TestShipmentMemoChangesNoFinding judges many orders on a few tracking
// numbers (one buyer or several; late, on time, unshipped, no carrier, no
// promise; ids with quotes, backslashes, Chinese, and ids that are words
// of the findings themselves) with the memo and with every order evaluated
// on its own. Every order's findings must be the same, and most orders
// must have been served by the memo, or it proves nothing.
func TestShipmentMemoChangesNoFinding(t *testing.T) {
	path := filepath.Join(t.TempDir(), "orders.csv")
	n := writeSharedOrders(t, path)
	ctx := context.Background()
	memo, err := New(ctx, Options{})
	if err != nil {
		t.Fatal(err)
	}
	all, err := New(ctx, Options{EvaluateAll: true})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 25, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	src := shipments.NewSource([]shipments.Input{{Path: path, Kind: shipments.InputOrdersCSV}}, shipments.Options{Now: now})
	orders, found := 0, 0
	for it := range src.Items(ctx) {
		if it.Err != nil {
			t.Fatalf("%s:%d: %v", it.Source, it.Line, it.Err)
		}
		orders++
		a, errA := memo.Eval(ctx, it.Doc)
		b, errB := all.Eval(ctx, it.Doc)
		if ja, jb := asJSON(t, a, errA), asJSON(t, b, errB); ja != jb {
			t.Errorf("line %d order %q: memo findings differ\n memo: %s\n  all: %s", it.Line, it.OrderID, ja, jb)
		}
		found += len(b)
	}
	served := memo.shipMemo.served.Load()
	t.Logf("%d orders, %d findings, %d served by the memo", orders, found, served)
	if orders != n || found < n || served < int64(n)/3 {
		t.Errorf("%d orders of %d, %d findings, %d served: want every order, a finding each, a third served at least", orders, n, found, served)
	}
}

func asJSON(t *testing.T, v any, err error) string {
	t.Helper()
	if err != nil {
		return "error: " + err.Error()
	}
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// writeSharedOrders writes groups of 60 orders (more than the examples a
// number keeps per buyer; the odd ids come after those) that differ only in their id, each group in a
// shape of its own, and returns how many orders it wrote.
func writeSharedOrders(t *testing.T, path string) int {
	t.Helper()
	ids := []string{`q"uote`, `back\slash`, "订单甲", "YT", "2026", "1", "疑似虚假发货", "pdd"}
	shapes := []struct{ platform, promised, shipped, carrier, tracking string }{
		{"pdd", "48", "2026-11-20 12:00:00", "圆通速递", "YT0000000001"},
		{"taobao", "24", "2026-11-22 12:00:00", "", "YT0000000001"},
		{"jd", "", "", "中通快递", "ZT0000000002"},
		{"douyin", "1.5", "2026-11-20 11:30:00", "中通快递", ""},
		{"小店", "72", "2026-11-24 10:00:00", "圆通速递", "YT0000000003"},
	}
	var b strings.Builder
	b.WriteString("order_id,platform,buyer,amount,paid_at,promised_ship_hours,marked_shipped_at,carrier,tracking_no\n")
	n := 0
	for s, sh := range shapes {
		for buyer := range 3 {
			for k := range 60 {
				id := fmt.Sprintf("M%d-%d-%d", s, buyer, k)
				if k >= 40 && k-40 < len(ids) {
					id = ids[k-40] + fmt.Sprint(s, buyer)
				}
				fmt.Fprintf(&b, "%s,%s,b%d,%d.9,2026-11-20 10:00:00,%s,%s,%s,%s\n", csvField(id), sh.platform, buyer, 9+s, sh.promised, sh.shipped, sh.carrier, sh.tracking)
				n++
			}
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return n
}

func csvField(s string) string {
	if strings.ContainsAny(s, `",`) {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
