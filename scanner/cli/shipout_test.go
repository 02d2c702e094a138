package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// The shipments report streams each order's findings through a spool;
// what it writes must be what encoding the whole report gives, byte for
// byte, in both formats: for the fixtures plus a file with bad rows, a
// file that is not orders and a path that does not exist.
func TestStreamedShipmentsReportIsTheWholeReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	orders, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "shipments", "orders.csv"))
	if err != nil {
		t.Fatal(err)
	}
	bad := append(orders, "\"TB9001\",禾木家居旗舰店,淘宝,L100,x,not-a-price,2026-11-18 09:12:40,24,,,\n"...)
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	paths := []string{filepath.Join("..", "..", "fixtures", "shipments"), write("bad.csv", bad),
		write("other.json", []byte(`{"orders": [{"order_id": "J1", "amount": "x"}, 42]}`)), filepath.Join(dir, "missing.csv")}
	eng, err := engine.New(context.Background(), engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := &scanner.Scanner{Checker: &scanner.Checker{Engine: eng}, Options: scanner.Options{Workers: 2}}
	opts := shipments.Options{Now: time.Date(2026, 11, 23, 10, 0, 0, 0, facts.Shanghai)}
	whole, err := s.ScanShipments(context.Background(), paths, opts)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(whole); err != nil {
		t.Fatal(err)
	}
	for _, asJSON := range []bool{true, false} {
		inputs := scanner.ShipmentInputs(paths)
		out := newShipmentsOutput(inputs, asJSON, "error")
		defer out.spool.close()
		if asJSON { // the JSON report through the spool kept in memory
			out.spool.close()
			out.spool = memorySpool()
		}
		if err := s.RunShipments(context.Background(), shipments.NewSource(inputs, opts), out.add); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := out.write(&got); err != nil {
			t.Fatal(err)
		}
		if asJSON && got.String() != want.String() {
			t.Errorf("streamed JSON differs from the whole report\n got: %.2000s\nwant: %.2000s", got.String(), want.String())
		}
		if !asJSON {
			// every file's error lines, then its findings, in the whole report's order
			var lines []string
			for _, fr := range whole.Files {
				if fr.Error != nil {
					lines = append(lines, fr.Source+": error: "+*fr.Error)
				}
				for _, e := range fr.RowErrors {
					lines = append(lines, fr.Source+": error: "+e)
				}
				for _, f := range fr.Findings {
					line, _ := out.line(fr.Source, f)
					lines = append(lines, string(line))
				}
			}
			wantText := strings.Join(lines, "\n") + "\n"
			if len(lines) < 20 || !strings.HasPrefix(got.String(), wantText) {
				t.Errorf("text report:\n%s\nwant it to start with:\n%s", got.String(), wantText)
			}
		}
		if code := out.exitCode(); code != scanner.ExitError {
			t.Errorf("exit code %d, want %d (bad rows)", code, scanner.ExitError)
		}
	}
}
