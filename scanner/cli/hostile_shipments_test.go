package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

const hostileNow = "2026-11-23T10:00:00+08:00"

// shipmentsHostile runs `shipments --format json` on the good orders and
// the hostile paths, checks the exit code and the good order's finding,
// and returns the report.
func shipmentsHostile(t *testing.T, dir string, hostile ...string) *scanner.ShipmentsReport {
	t.Helper()
	good := write(t, filepath.Join(dir, "good", "orders.csv"), goodOrders)
	r := runHostile(t, dir, append([]string{"shipments", "--format", "json", "--now", hostileNow, good}, hostile...)...)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", r.code, r.stderr)
	}
	var rep scanner.ShipmentsReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("decode: %v\n%s", err, r.stdout)
	}
	late := false
	for _, f := range rep.Files {
		for _, x := range f.Findings {
			late = late || strings.HasSuffix(f.Source, filepath.Join("good", "orders.csv")) && x.Rule == "shipping-late"
		}
	}
	if !late {
		t.Fatalf("the good order lost its shipping-late finding: %+v", rep.Files)
	}
	return &rep
}

// fileErrors is every error of the file whose source ends in suffix.
func fileErrors(t *testing.T, rep *scanner.ShipmentsReport, suffix string) string {
	t.Helper()
	for _, f := range rep.Files {
		if strings.HasSuffix(f.Source, suffix) {
			errs := f.RowErrors
			if f.Error != nil {
				errs = append(errs, *f.Error)
			}
			return strings.Join(errs, "\n")
		}
	}
	t.Fatalf("no result for %s", suffix)
	return ""
}

// Values no real order has: each is an error of its own order, naming the
// file and line; the valid order of the same file is judged.
func TestHostileOrderValues(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "bad", "orders.csv"),
		"order_id,listing_id,amount,paid_at,promised_ship_hours,marked_shipped_at\n"+
			"N1,L1,10,2026-11-01 10:00:00,NaN,2026-11-02 10:00:00\n"+
			"N2,L1,-5,2026-11-01 10:00:00,24,2026-11-02 10:00:00\n"+
			"N3,L1,5,2026-11-01 10:00:00,1e300,2026-11-02 10:00:00\n"+
			"N4,L1,5,2026-11-03 10:00:00,24,2026-11-02 10:00:00\n"+
			"N5,L1,5,9999-11-03 10:00:00,24,\n"+
			"N6,L1,Inf,2026-11-01 10:00:00,24,\n"+
			"N7,L1,5,2026-11-01 10:00:00,-24,\n"+
			"N8,L1,5,2026-11-01 10:00:00,24,2026-11-01 12:00:00\n")
	rep := shipmentsHostile(t, dir, p)
	errs := fileErrors(t, rep, filepath.Join("bad", "orders.csv"))
	for _, want := range []string{
		p + ":2: order N1: promised_ship_hours NaN", p + ":3: order N2: amount -5",
		p + ":4: order N3: promised_ship_hours 1e+300", p + ":5: order N4: marked_shipped_at 2026-11-02 10:00:00 is before paid_at",
		p + ":6: order N5: paid_at: time \"9999-11-03 10:00:00\" is outside", p + ":7: order N6: amount +Inf",
		p + ":8: order N7: promised_ship_hours -24",
	} {
		requireContains(t, "row errors", errs, want)
	}
	for _, f := range rep.Files {
		if strings.HasSuffix(f.Source, filepath.Join("bad", "orders.csv")) && f.Orders != 1 {
			t.Errorf("bad/orders.csv: %d orders judged, want 1 (N8)", f.Orders)
		}
	}
}

// A NaN promise panicked shipments, scan --shipments and audit; now it is
// one order's error in each.
func TestHostileNaNPromiseInEveryCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	nan := write(t, filepath.Join(dir, "nan", "orders.json"),
		`[{"order_id": "N1", "listing_id": "L1", "amount": 10, "paid_at": "2026-11-01 10:00:00", "promised_ship_hours": "NaN"}]`)
	requireContains(t, "shipments", fileErrors(t, shipmentsHostile(t, dir, nan), "orders.json"), "promised_ship_hours NaN")

	good := write(t, filepath.Join(dir, "good", "good.yaml"), goodListing)
	scan := runHostile(t, dir, "scan", "--format", "json", "--now", hostileNow, "--shipments", nan, good)
	if scan.code != 2 {
		t.Fatalf("scan --shipments: exit %d, want 2\nstderr: %s", scan.code, scan.stderr)
	}
	rep := decodeReport(t, scan.stdout)
	requireGoodFinding(t, rep)
	requireContains(t, "scan --shipments", scan.stdout, "promised_ship_hours NaN")

	out := filepath.Join(dir, "report.html")
	audit := runHostile(t, dir, "audit", "--no-progress", "--out", out, "--now", hostileNow, "--listings", good, "--shipments", nan)
	if audit.code == 0 || audit.code > 2 {
		t.Fatalf("audit: exit %d\nstderr: %s", audit.code, audit.stderr)
	}
	html, err := os.ReadFile(out)
	must(t, err)
	requireContains(t, "audit report", string(html), "promised_ship_hours NaN")
}

// FIFOs among the orders and tracking files are reported, not waited on.
func TestHostileFIFOAmongShipments(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	must(t, os.MkdirAll(in, 0o755))
	must(t, syscall.Mkfifo(filepath.Join(in, "orders.csv"), 0o644))
	must(t, syscall.Mkfifo(filepath.Join(in, "answers.kuaidi100.json"), 0o644))
	rep := shipmentsHostile(t, dir, in)
	requireContains(t, "orders FIFO", fileErrors(t, rep, filepath.Join("in", "orders.csv")), "not a regular file: named pipe")
	requireContains(t, "tracking FIFO", fileErrors(t, rep, "answers.kuaidi100.json"), "not a regular file: named pipe")
}

// Tracking files are read whole, so one over the limit is refused from its
// size (the file is sparse: nothing is written).
func TestHostileOversizedTrackingFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "big.kdniao.json")
	f, err := os.Create(p)
	must(t, err)
	must(t, f.Truncate(shipments.MaxTrackingFileBytes+1))
	must(t, f.Close())
	rep := shipmentsHostile(t, dir, p)
	requireContains(t, "big tracking file", fileErrors(t, rep, "big.kdniao.json"), "file too large", "64 MiB")
}

// A CSV row that never ends (a quote never closed) stops at the record
// limit instead of filling memory.
func TestHostileEndlessCSVRecord(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("order_id,amount,paid_at\nX1,\"")
	for b.Len() < shipments.MaxCSVRecordBytes+(1<<20) {
		b.WriteString("纯棉最好的T恤,\n")
	}
	p := write(t, filepath.Join(dir, "endless.csv"), b.String())
	rep := shipmentsHostile(t, dir, p)
	requireContains(t, "endless record", fileErrors(t, rep, "endless.csv"), "one CSV record is larger than 4 MiB")
}

// Many orders on one tracking number: each is flagged as sharing it, with
// a bounded list of the others, in time that grows linearly.
func TestHostileManyOrdersOnOneTrackingNumber(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("order_id,platform,buyer,amount,paid_at,promised_ship_hours,marked_shipped_at,carrier,tracking_no\n")
	const n = 3000
	for i := range n {
		fmt.Fprintf(&b, "S%05d,pdd,buyer%d,9.9,2026-11-20 10:00:00,48,2026-11-20 12:00:00,圆通速递,YT0000000001\n", i, i%50)
	}
	p := write(t, filepath.Join(dir, "shared.csv"), b.String())
	good := write(t, filepath.Join(dir, "good", "orders.csv"), goodOrders)
	r := runHostile(t, dir, "shipments", "--format", "json", "--now", hostileNow, good, p)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1 (findings, no bad input)\nstderr: %s", r.code, r.stderr)
	}
	var rep scanner.ShipmentsReport
	must(t, json.Unmarshal([]byte(r.stdout), &rep))
	if got := rep.Shops["default"].ByRule["shipping-fake"]; got != n {
		t.Errorf("shipping-fake on %d orders, want all %d", got, n)
	}
	if got := rep.Shops["default"].ByRule["shipping-late"]; got != 1 {
		t.Errorf("shipping-late %d, want the good order's 1", got)
	}
}
