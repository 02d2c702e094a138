package scanner

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// TestShipmentGateChangesNoFinding judges the shipment fixtures and
// generated orders of every shape both ways: with the shipment rules'
// needs (each rule evaluated apart, only where its facts are) and through
// the entry point with every rule evaluated. Every order's findings must be
// the same, in the same order, and the gate must have skipped whole orders
// and single rules, or it proves nothing.
func TestShipmentGateChangesNoFinding(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeGateOrders(t, filepath.Join(dir, "orders.json"), 2000)
	ctx := context.Background()
	gated, all := checker(t).Engine, newChecker(t, engine.Options{EvaluateAll: true}).Engine
	src := shipments.NewSource(ShipmentInputs([]string{shipmentFixtures, dir}), shipments.Options{Now: shipmentsNow})
	orders, found, skippedAll, skippedSome := 0, 0, 0, 0
	for it := range src.Items(ctx) {
		if it.Err != nil {
			t.Fatalf("%s:%d: %v", it.Source, it.Line, it.Err)
		}
		orders++
		a, errA := gated.Eval(ctx, it.Doc)
		b, errB := all.Eval(ctx, it.Doc)
		if ja, jb := findingsJSON(t, a, errA), findingsJSON(t, b, errB); ja != jb {
			t.Errorf("%s:%d order %q: gated findings differ\n gated: %s\n   all: %s", it.Source, it.Line, it.OrderID, ja, jb)
		}
		found += len(b)
		switch skip, none := gated.Skipped(it.Doc); {
		case none:
			skippedAll++
		case len(skip) > 0:
			skippedSome++
		}
	}
	t.Logf("%d documents, %d findings: %d judged by no rule, %d by some rules only", orders, found, skippedAll, skippedSome)
	if orders < 2000 || found < 300 || skippedAll == 0 || skippedSome == 0 {
		t.Errorf("%d documents, %d findings, %d skipped whole, %d in part: want thousands, hundreds of findings, and both kinds of skip", orders, found, skippedAll, skippedSome)
	}
}

// findingsJSON is findings (or the error instead) as JSON.
func findingsJSON(t *testing.T, found any, err error) string {
	t.Helper()
	if err != nil {
		return "error: " + err.Error()
	}
	raw, err := json.Marshal(found)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// gateOrder is one order of the generated JSON export.
type gateOrder struct {
	ID       string       `json:"order_id"`
	Platform string       `json:"platform"`
	Listing  string       `json:"listing_id,omitempty"`
	Buyer    string       `json:"buyer,omitempty"`
	Amount   float64      `json:"amount"`
	Paid     string       `json:"paid_at"`
	Promised float64      `json:"promised_ship_hours,omitempty"`
	Shipped  string       `json:"marked_shipped_at,omitempty"`
	Carrier  string       `json:"carrier,omitempty"`
	Tracking string       `json:"tracking_no,omitempty"`
	Events   *[]gateEvent `json:"events,omitempty"` // nil: no tracking; empty: known, none
}

type gateEvent struct {
	Time string `json:"time"`
	Text string `json:"text"`
}

// writeGateOrders writes n orders drawn with a fixed seed: promises stated
// or not, on time or late to the second, unshipped, shared tracking
// numbers (same buyer, other buyers), no carrier, and tracking that is
// absent, empty, late to pick up, stalled, delivered or older than the
// payment.
func writeGateOrders(t *testing.T, path string, n int) {
	t.Helper()
	r := rand.New(rand.NewPCG(17, 2026))
	var out []gateOrder
	for i := range n {
		out = append(out, gateOrderAt(r, i, out))
	}
	raw, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gateOrderAt(r *rand.Rand, i int, before []gateOrder) gateOrder {
	const layout = "2006-01-02 15:04:05"
	pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
	promised := []float64{0, 24, 48, 72, 1.5}[r.IntN(5)]
	paid := shipmentsNow.Add(-time.Duration(r.IntN(200*3600)) * time.Second)
	o := gateOrder{
		ID: fmt.Sprintf("G%05d", i), Platform: pick("taobao", "tmall", "pdd", "jd", "douyin", "小店"),
		Listing: pick("", "L1", "L2"), Buyer: pick("", "b1", "b2", "b3", fmt.Sprintf("u%d", i)),
		Amount: float64(r.IntN(50000)) / 100, Paid: paid.Format(layout), Promised: promised,
		Carrier: pick("", "圆通速递", "中通快递"), Tracking: fmt.Sprintf("YT%010d", i),
	}
	window := time.Duration(promised * float64(time.Hour))
	if promised == 0 {
		window = 48 * time.Hour
	}
	var shipped time.Time
	switch r.IntN(6) {
	case 0: // not shipped
	case 1: // on the deadline, to the second either way
		shipped = paid.Add(window + time.Duration(r.IntN(3)-1)*time.Second)
	default:
		shipped = paid.Add(time.Duration(r.Int64N(int64(window) * 3 / 2)))
	}
	if !shipped.IsZero() && shipped.Before(shipmentsNow) {
		o.Shipped = shipped.Format(layout)
	} else {
		shipped = time.Time{}
	}
	switch p := r.IntN(10); {
	case p == 0 && len(before) > 0: // another order's number, maybe its buyer
		prev := before[r.IntN(len(before))]
		o.Tracking = prev.Tracking
		if r.IntN(2) == 0 {
			o.Buyer = prev.Buyer
		}
	case p == 1:
		o.Tracking = ""
	}
	if !shipped.IsZero() && r.IntN(2) == 0 {
		events := gateEvents(r, shipped, paid)
		o.Events = &events
	}
	return o
}

// gateEvents is a parcel's tracking after it was marked shipped: none, a
// late pickup, a stall, a delivery, or a first event before the payment.
func gateEvents(r *rand.Rand, shipped, paid time.Time) []gateEvent {
	const layout = "2006-01-02 15:04:05"
	at := shipped.Add(time.Duration(r.IntN(40*3600)) * time.Second)
	if r.IntN(8) == 0 {
		at = paid.Add(-time.Hour)
	}
	texts := []string{"【义乌公司】 已揽收 取件人: 王师傅", "【义乌转运中心】 已收入", "【义乌转运中心】 已发出 下一站 【杭州转运中心】", "【杭州营业部】 派件中", "已签收，感谢使用"}
	var out []gateEvent
	for _, text := range texts[:r.IntN(len(texts)+1)] {
		if at.After(shipmentsNow) {
			break
		}
		out = append(out, gateEvent{Time: at.Format(layout), Text: text})
		at = at.Add(time.Duration(r.IntN(100*3600)) * time.Second)
	}
	return append([]gateEvent{}, out...)
}
