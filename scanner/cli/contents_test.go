package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScanSortsADirectoryByContent: a shop's directory mixes a listing,
// orders, a tracking answer and notes. The listing is scanned, the orders
// and tracking are judged as shipments in the same report, the notes are
// named once on stderr, and nothing is "unreadable".
func TestScanSortsADirectoryByContent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, text string) {
		t.Helper()
		must(t, os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755))
		must(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	write("listing.yaml", "title: 全网最低价 纯棉T恤\nprice: 59\nattributes:\n  材质成分: 棉100%\n")
	write("orders/orders.csv", "订单编号,店铺名称,平台,买家实际支付金额,订单付款时间,承诺发货时长(小时),发货时间,物流公司,物流单号\n"+
		"TB9001,禾木家居旗舰店,淘宝,129.00,2026-11-18 09:00:00,24,2026-11-20 09:00:00,中通快递,73521800000001\n")
	write("orders/zto.json", `{"EBusinessID":"1","ShipperCode":"ZTO","LogisticCode":"73521800000001","Success":true,"State":"2",`+
		`"Traces":[{"AcceptTime":"2026-11-20 10:00:00","AcceptStation":"【杭州】 已揽收"},{"AcceptTime":"2026-11-20 20:00:00","AcceptStation":"【杭州转运中心】 已发出"}]}`)
	write("notes.json", `{"owner": "运营部", "reviewed": "2026-11-01"}`)
	write("expected.yaml", "fixtures/pages/a.html:\n  - a ad-absolute error title: 最好\n")

	stdout, stderr, code := runApp(t, "scan", dir, "--format", "json", "--now", "2026-11-23T10:00:00+08:00", "--no-progress")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (findings, every input judged)\nstderr: %s", code, stderr)
	}
	rep := decodeReport(t, stdout)
	if rep.Summary.Inputs != 3 || rep.Summary.Errors != 0 {
		t.Errorf("inputs %d errors %d, want 3 inputs (listing, orders, tracking) and no error", rep.Summary.Inputs, rep.Summary.Errors)
	}
	rules := map[string]string{}
	for _, r := range rep.Results {
		if r.Error != nil {
			t.Errorf("%s: %s", r.Source, *r.Error)
		}
		for _, f := range r.Findings {
			rules[f.Rule] = r.Kind
		}
	}
	if rules["shipping-late"] != "shipments" || rules["ad-absolute"] != "listing" {
		t.Errorf("findings by rule and kind: %v, want shipping-late from the orders and ad-absolute from the listing", rules)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	var named []string
	for _, l := range lines {
		if strings.Contains(l, "neither listings nor orders/tracking") {
			named = append(named, l)
		}
	}
	if len(named) != 1 || !strings.Contains(named[0], "notes.json") || !strings.Contains(named[0], "expected.yaml") || strings.Contains(named[0], "listing.yaml") {
		t.Errorf("want one line naming notes.json and expected.yaml, got:\n%s", stderr)
	}
}

// TestScanNamedFileIsAlwaysJudged: a file named on the command line is
// scanned as a listing even if it does not look like one, so its error says
// why instead of it being passed over.
func TestScanNamedFileIsAlwaysJudged(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "notes.json")
	must(t, os.WriteFile(path, []byte(`{"owner": "运营部"}`), 0o644))
	stdout, stderr, code := runApp(t, "scan", "-f", "json", "--no-progress", path)
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", code, stderr)
	}
	if rep := decodeReport(t, stdout); len(rep.Results) != 1 || rep.Results[0].Error == nil || !strings.Contains(*rep.Results[0].Error, "unknown key") {
		t.Errorf("want one result with an unknown-key error, got %+v", rep.Results)
	}
}
