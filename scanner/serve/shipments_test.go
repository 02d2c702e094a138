package serve

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// TestShipmentsMatchesTheCommand: orders with inline events, posted as
// JSON, get the findings and compensation totals `xiaoer shipments` gives
// for the same file.
func TestShipmentsMatchesTheCommand(t *testing.T) {
	t.Parallel()
	path := filepath.Join("..", "..", "fixtures", "shipments", "orders.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := realChecker()
	if err != nil {
		t.Fatal(err)
	}
	want, err := c.Shipments(context.Background(), []string{path})
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Options{})
	res, body := post(t, ts.URL+"/v1/shipments", "application/json", string(raw))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, body)
	}
	var got scanner.ShipmentsReport
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Files) != 1 || got.Files[0].Source != "request" {
		t.Fatalf("files %+v", got.Files)
	}
	if len(want.Files[0].Findings) == 0 {
		t.Fatal("the fixture orders have no findings: the comparison would prove nothing")
	}
	if g, w := rules(got.Files[0].Findings), rules(want.Files[0].Findings); len(g) != len(w) {
		t.Errorf("findings %v, want %v", g, w)
	}
	for shop, w := range want.Shops {
		g := got.Shops[shop]
		if g == nil || g.PlatformCNY != w.PlatformCNY || g.Orders != w.Orders || g.Findings != w.Findings {
			t.Errorf("shop %s: got %+v, want %+v", shop, g, w)
		}
	}
}

func TestShipmentsBadOrders(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, raw := post(t, ts.URL+"/v1/shipments", "application/json", `[1, 2]`)
	wantError(t, res, raw, http.StatusBadRequest, CodeBadOrders)
	// A bad row is reported in the report; the good orders are judged.
	csv := "order_id,platform,amount,paid_at,promised_ship_hours,marked_shipped_at\n" +
		"A1,taobao,99,2026-11-20 10:00:00,24,2026-11-22 10:00:00\n" +
		"A2,taobao,abc,not a time,24,\n"
	res, raw = post(t, ts.URL+"/v1/shipments", "text/csv", csv)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", res.StatusCode, raw)
	}
	var got scanner.ShipmentsReport
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatal(err)
	}
	if got.Errors != 1 || len(got.Files[0].RowErrors) != 1 || got.Files[0].Orders != 1 {
		t.Errorf("report %+v", got.Files[0])
	}
}
