package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// The policies judge four listings: a replica and a refusal of returns
// and invoices must rank above a listing whose only problem is pressure
// wording, and 先改这几个 starts with the replica.
func TestAuditRanksReplicaAndRefusalAbovePressure(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, text := range map[string]string{
		"pressure.yaml": "id: pressure\nplatform: taobao\ntitle: 加绒保暖打底裤 仅此一次\nprice: 59\n",
		"replica.yaml":  "id: replica\nplatform: taobao\ntitle: 高仿大牌羊绒围巾\nprice: 89\n",
		"refusal.yaml":  "id: refusal\nplatform: taobao\ntitle: 男士商务皮鞋 头层牛皮\nprice: 359\ndescription: 特价商品，售出不退不换。本店不开发票。\n",
		"clean.yaml":    "id: clean\nplatform: taobao\ntitle: 简约陶瓷马克杯 大容量\nprice: 39\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	doc, _ := auditReport(t, filepath.Join(t.TempDir(), "r.html"), "--listings", dir, "--now", "2026-11-01T10:00:00+08:00")
	var ranked []string
	doc.Find("#ranking tbody tr").Each(func(_ int, s *goquery.Selection) { ranked = append(ranked, s.AttrOr("data-id", "")) })
	pos := func(id string) int { return slices.Index(ranked, id) }
	if pos("pressure") < 0 || pos("replica") > pos("pressure") || pos("refusal") > pos("pressure") || pos("replica") > pos("refusal") {
		t.Errorf("ranking = %v: want replica, refusal, then pressure", ranked)
	}
	if first := doc.Find("#fix-first li").First(); !strings.Contains(first.Find("mark").Text(), "仿") || !strings.Contains(first.Text(), "高仿大牌羊绒围巾") {
		t.Errorf("first fix = %q", first.Text())
	}
	if got := doc.Find("#clean li").AttrOr("data-id", ""); got != "clean" {
		t.Errorf("clean list = %q", got)
	}
	if got := doc.Find(`[data-points="counterfeit"]`).Text(); !strings.HasPrefix(got, "2 分") {
		t.Errorf("counterfeit points = %q", got)
	}
}

// A 200-row ERP export with unknown columns, a preamble line, blank-title
// rows and mangled ids: every row is scanned or has its own error, and
// the unused columns are named, in the audit, in JSON and in text.
func TestAuditExportWithUnknownColumns(t *testing.T) {
	t.Parallel()
	path, bad := writeShopExport(t, t.TempDir(), 200)
	out := filepath.Join(t.TempDir(), "r.html")
	_, stderr, code := runApp(t, "audit", "--no-progress", "--out", out, "--listings", path)
	if code != 2 {
		t.Fatalf("exit code %d, want 2 (rows that could not be read): %s", code, stderr)
	}
	doc := readReport(t, out)
	if got := doc.Find(`[data-total="listings"]`).Text(); got != fmt.Sprint(200-len(bad)) {
		t.Errorf("listings = %s, want %d", got, 200-len(bad))
	}
	errs := doc.Find("#errors tbody tr")
	if errs.Length() != len(bad) {
		t.Errorf("%d row errors, want %d", errs.Length(), len(bad))
	}
	errs.Each(func(_ int, s *goquery.Selection) {
		var row int
		if _, err := fmt.Sscanf(s.Find("td").Last().Text()[strings.Index(s.Find("td").Last().Text(), "row "):], "row %d", &row); err != nil || !strings.Contains(s.Text(), bad[row]) {
			t.Errorf("row error %q: want the row and %q", s.Text(), bad[row])
		}
	})
	if got := doc.Find("#exports .unused").Text(); !strings.Contains(got, "库存、运费模板、备注") {
		t.Errorf("unused columns = %q", got)
	}
	// No 纤维成分 warning on a listing whose 规格属性 states it.
	if strings.Contains(doc.Find("#details").Text(), "没有标注纤维成分") {
		t.Error("the attribute column was not read")
	}
	stdout, _, _ := runApp(t, "scan", "--format", "json", path)
	var rep struct {
		Results []struct {
			Columns *struct {
				Mapped   map[string]string `json:"mapped"`
				Unused   []string          `json:"unused"`
				Preamble int               `json:"preamble_lines"`
			} `json:"columns"`
			Error *string `json:"error"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 200 {
		t.Fatalf("%d results, want one per row", len(rep.Results))
	}
	c := rep.Results[0].Columns
	if c == nil || c.Mapped["零售价"] != "price" || c.Mapped["详情描述"] != "description" || !slices.Equal(c.Unused, []string{"库存", "运费模板", "备注"}) || c.Preamble != 1 {
		t.Errorf("columns = %+v", c)
	}
	text, _, _ := runApp(t, "scan", "--no-color", "--columns", "库存=category", path)
	if !strings.Contains(text, "columns not read: 运费模板, 备注") {
		t.Errorf("text note: %s", text[max(0, len(text)-400):])
	}
}

func readReport(t *testing.T, path string) *goquery.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}
