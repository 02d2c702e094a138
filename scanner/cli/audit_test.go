package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/xiaoer-dev/xiaoer/scanner/cli"
)

// runApp runs xiaoer in this process and returns its output and exit code.
func runApp(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := cli.Run(&stdout, &stderr, append([]string{"xiaoer"}, args...))
	return stdout.String(), stderr.String(), code
}

// The audit of the fixture shop: a 淘宝助理 export, the item pages and the
// orders with their tracking, in one HTML file.
func TestAuditWritesTheShopReport(t *testing.T) {
	t.Parallel()
	fx := filepath.Join("..", "..", "fixtures")
	out := filepath.Join(t.TempDir(), "report.html")
	doc, stderr := auditReport(t, out, "--shop", "禾木家居旗舰店", "--now", "2026-11-23T10:00:00+08:00",
		"--listings", filepath.Join(fx, "exports", "taobao-assistant.csv"), "--listings", filepath.Join(fx, "pages"),
		"--shipments", filepath.Join(fx, "shipments"))
	pages, _ := filepath.Glob(filepath.Join(fx, "pages", "*.html"))
	if got, want := doc.Find(`[data-total="listings"]`).Text(), strconv.Itoa(12+len(pages)); got != want {
		t.Errorf("listings = %s, want %s (12 export rows and the pages)", got, want)
	}
	if n := doc.Find("svg").Length(); n != 3 {
		t.Errorf("%d charts, want 3", n)
	}
	if n := doc.Find(`#orders tbody tr[data-rule="shipping-late"]`).Length(); n == 0 {
		t.Error("no late shipment in the orders table")
	}
	if n := doc.Find("#chart-shipments rect").Length(); n == 0 {
		t.Error("the shipments chart is empty")
	}
	ranks := doc.Find("#ranking tbody tr")
	if ranks.Length() == 0 || ranks.First().AttrOr("data-rank", "") != "1" {
		t.Fatalf("ranking has %d rows", ranks.Length())
	}
	// The export's down quilt misstates its down: 12 points of 描述不符,
	// enough alone to bar the shop from big sales, so it ranks first.
	if top := doc.Find("#l-1 summary").Text(); !strings.Contains(top, "不能报名双十一") {
		t.Errorf("the top listing does not bar the shop from big sales: %.300s", top)
	}
	if !strings.Contains(stderr, "xiaoer: wrote "+out) {
		t.Errorf("no summary line: %s", stderr)
	}
}

// auditReport runs xiaoer audit into out, fails the test unless it exits
// 0, and returns the parsed report and what the run wrote on stderr.
func auditReport(t *testing.T, out string, args ...string) (*goquery.Document, string) {
	t.Helper()
	_, stderr, code := runApp(t, append([]string{"audit", "--no-progress", "--out", out}, args...)...)
	if code != 0 {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return doc, stderr
}

func TestAuditNeedsListings(t *testing.T) {
	t.Parallel()
	if _, _, code := runApp(t, "audit", "--out", filepath.Join(t.TempDir(), "r.html")); code != 2 {
		t.Errorf("exit code %d without --listings, want 2", code)
	}
}

// configuredShop writes three listings and a .xiaoer.yaml that registers
// 最好牌, ignores skip/ and waives b.yaml's ad-absolute finding; it returns
// the directory.
func configuredShop(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"a.yaml":      "id: a\nplatform: taobao\ntitle: 最好牌 保温杯 316不锈钢\n",
		"b.yaml":      "id: b\nplatform: taobao\ntitle: 羽绒服 全网最低价\n",
		"skip/c.yaml": "id: c\nplatform: taobao\ntitle: 最好的保温杯\n",
		".xiaoer.yaml": "registered-names: [最好牌]\nignore-paths: [\"skip/**\"]\nexceptions:\n" +
			"  - rule: ad-absolute\n    path: b.yaml\n    reason: 价格保护期内，已备案\n",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// The config's registered names exempt a listing's use of them.
func TestScanConfigRegisteredNames(t *testing.T) {
	t.Parallel()
	dir := configuredShop(t)
	stdout, stderr, code := runApp(t, "scan", "--format", "json", "--config", filepath.Join(dir, ".xiaoer.yaml"), filepath.Join(dir, "a.yaml"))
	if code != 0 || strings.Contains(stdout, "ad-absolute") {
		t.Errorf("exit code %d, want 0 and no ad-absolute finding (最好牌 is registered): %s %s", code, stdout, stderr)
	}
}

// The audit judges listings as the team configured them in .xiaoer.yaml,
// like scan: registered names exempt, exceptions waive (counted apart),
// ignore-paths are not read.
func TestAuditReadsTheConfig(t *testing.T) {
	t.Parallel()
	dir := configuredShop(t)
	out := filepath.Join(t.TempDir(), "report.html")
	audit := func(args ...string) *goquery.Document {
		t.Helper()
		doc, _ := auditReport(t, out, append([]string{"--listings", dir}, args...)...)
		return doc
	}
	doc := audit("--config", filepath.Join(dir, ".xiaoer.yaml"))
	if got := doc.Find(`[data-total="listings"]`).Text(); got != "2" {
		t.Errorf("listings = %s, want 2 (skip/ is in ignore-paths)", got)
	}
	if got := doc.Find(`[data-total="findings"]`).Text(); got != "0" {
		t.Errorf("open findings = %s, want 0 (最好牌 is registered, b.yaml's ad-absolute is waived)", got)
	}
	// A listing whose findings are all waived is counted, not ranked.
	if kpi := doc.Find(".kpi.alert").Text(); !strings.Contains(kpi, "已豁免 1") {
		t.Errorf("the waived finding is not counted: %.300s", kpi)
	}
	// The same listings without the config (there is none in this
	// package's directory): all three, every finding open.
	bare := audit()
	if got := bare.Find(`[data-total="listings"]`).Text(); got != "3" {
		t.Errorf("without the config: listings = %s, want 3", got)
	}
	if got := bare.Find(`[data-total="findings"]`).Text(); got != "3" {
		t.Errorf("without the config: open findings = %s, want 3 (最好牌, 全网最低价, 最好)", got)
	}
}
