package audit

import (
	"bytes"
	"cmp"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

func adLaw() finding.Basis {
	return finding.Basis{Law: "《广告法》第九条第三项", Penalty: "《广告法》第五十七条第一项", Link: "https://example.org/ad-law", Confirmed: true}
}

func fiberBasis() finding.Basis {
	return finding.Basis{Law: "GB/T 29862-2013 第8章", Confirmed: true}
}

// shopResults is a small shop as a scan reports it: a listing with an
// absolute claim (fine), one with an unbacked 纯棉, a clean one, one whose
// only finding is waived, and a page that could not be read.
func shopResults() []scanner.Result {
	unread := "HTTP 404 Not Found"
	return []scanner.Result{
		{Input: 0, Source: "pages/tee.html", Kind: "listing", ID: "6401", Title: "国家级工艺 全网最低 纯棉T恤", Platform: "taobao", Price: 199,
			Findings: []finding.Finding{
				{Rule: "material-fiber", Severity: "warning", Message: "标题称「纯棉」，但商品没有标注纤维成分", Field: "title", Evidence: "纯棉",
					Context: "国家级工艺 全网最低 纯棉T恤", Basis: fiberBasis(), Suggestion: "标注实测成分",
					Exposure: finding.Exposure{PunitiveCNY: 597, Confirmed: true}},
				{Rule: "ad-absolute", Severity: "error", Message: "绝对化用语「国家级」", Field: "title", Evidence: "国家级",
					Context: "国家级工艺 全网最低 纯棉T恤", Location: &finding.Location{File: "pages/tee.html", Line: 18, Column: 40},
					Basis: adLaw(), Suggestion: "删除「国家级」", Exposure: finding.Exposure{PunitiveCNY: 597, FineCNY: [2]float64{200000, 1000000}, Confirmed: true}},
			}},
		{Input: 1, Source: "shop.csv", Kind: "listing", ID: "7002", Title: "儿童加绒卫衣 纯棉 <script>alert(1)</script>", Platform: "tmall", Price: 89,
			Findings: []finding.Finding{{Rule: "material-fiber", Severity: "warning", Message: "纯棉无成分", Field: "title", Evidence: "纯棉",
				Context: "儿童加绒卫衣 纯棉", Basis: fiberBasis(), Exposure: finding.Exposure{PunitiveCNY: 500, Confirmed: false, Points: 12}}}},
		{Input: 2, Source: "shop.csv", Kind: "listing", ID: "7003", Title: "真丝围巾", Findings: []finding.Finding{}},
		{Input: 3, Source: "pages/award.html", Kind: "listing", ID: "8001", Title: "省级最佳工艺奖 茶叶", Findings: []finding.Finding{
			{Rule: "ad-absolute", Severity: "error", Evidence: "最佳", Context: "省级最佳工艺奖 茶叶", Basis: adLaw(),
				Exposure:   finding.Exposure{FineCNY: [2]float64{200000, 1000000}},
				Suppressed: &finding.Suppression{Reason: "国家认可的奖项名称", Source: "inline"}}}},
		{Input: 4, Source: "https://item.taobao.com/item.htm?id=1", Kind: "listing", Findings: []finding.Finding{}, Error: &unread},
	}
}

func shipFinding(rule, order, paid string, platform float64) finding.Finding {
	return finding.Finding{Rule: rule, Severity: "error", Message: "订单 " + order + " 的问题", Evidence: "付款 " + paid,
		Exposure: finding.Exposure{PlatformCNY: platform, Confirmed: true},
		Details: map[string]any{"order_id": order, "tracking_no": "YT" + order, "events": []any{
			map[string]any{"time": paid, "kind": "paid", "text": "买家付款"},
			map[string]any{"time": "2026-11-19T10:00:00+08:00", "kind": "shipped", "text": "标记发货"},
		}}}
}

func shipmentResults() []scanner.Result {
	return []scanner.Result{
		{Source: "orders.csv", Kind: KindOrder, ID: "TB1001", Findings: []finding.Finding{shipFinding("shipping-late", "TB1001", "2026-11-18T09:12:40+08:00", 12.9)}},
		{Source: "orders.csv", Kind: KindOrder, ID: "TB1002", Findings: []finding.Finding{shipFinding("shipping-fake", "TB1002", "2026-11-18T10:00:00+08:00", 12.9)}},
		{Source: "orders.csv", Kind: KindOrder, ID: "TB1004", Findings: []finding.Finding{shipFinding("shipping-late", "TB1004", "2026-11-15T20:00:00+08:00", 5)}},
		{Source: "orders.csv", Kind: KindOrder, ID: "TB1005", Findings: []finding.Finding{}},
		{Source: "orders.csv", Kind: KindPromise, ID: "L100", Findings: []finding.Finding{{Rule: "shipping-promise-rate", Severity: "warning", Message: "L100 延迟率 40%"}}},
	}
}

func testInput() Input {
	return Input{Shop: "禾木家居旗舰店", Generated: time.Date(2026, 11, 23, 2, 0, 0, 0, time.UTC), Tool: "xiaoer test",
		Listings: shopResults(), Shipments: shipmentResults(),
		Rules: []finding.RuleMeta{{ID: "ad-absolute", Title: "绝对化用语"}, {ID: "material-fiber", Title: "纤维成分"}, {ID: "shipping-late", Title: "延迟发货"}}}
}

func TestBuildTotals(t *testing.T) {
	t.Parallel()
	r := Build(testInput())
	got := r.Totals
	want := Totals{Listings: 4, ListingsFlagged: 2, Findings: 3, Errors: 1, Warnings: 2, Suppressed: 1, Unreadable: 1,
		Punitive: 1097, Platform: 30.8, FineListings: 1, FineRange: [2]float64{200000, 1000000}, Orders: 4, OrdersFlagged: 3, OrderFindings: 4,
		OrderPlatform: 30.8, Unconfirmed: true}
	if got != want {
		t.Errorf("totals =\n%+v\nwant\n%+v", got, want)
	}
	if r.Generated != "2026年11月23日 10:00" {
		t.Errorf("generated = %q, want Beijing time as people write it", r.Generated)
	}
	var rules []string
	for _, c := range r.ByRule {
		rules = append(rules, fmt.Sprintf("%s=%d", c.Rule, c.Count))
	}
	if s := strings.Join(rules, " "); s != "material-fiber=2 shipping-late=2 ad-absolute=1 shipping-fake=1 shipping-promise-rate=1" {
		t.Errorf("by rule = %s", s)
	}
	if len(r.Clean) != 2 || r.Clean[0].ID != "7003" || r.Clean[1].ID != "8001" || r.Clean[1].Waived != 1 {
		t.Errorf("clean listings = %+v, want 7003 and 8001 (its finding waived)", r.Clean)
	}
}

// 7002 loses 12 points of misdescription (a big-sale bar on its own);
// 6401 risks a ¥597 claim and a fine. Points that bar the shop from
// 双十一 rank first; the fine is never part of the figure.
func TestBuildRanksByStake(t *testing.T) {
	t.Parallel()
	r := Build(testInput())
	if len(r.Ranked) != 2 || r.Ranked[0].ID != "7002" || r.Ranked[1].ID != "6401" {
		t.Fatalf("ranking = %v", ids(r.Ranked))
	}
	if s := r.Ranked[1].Stake; s.Money() != 597 || s.Fine != [2]float64{200000, 1000000} || s.Tier() != 1 {
		t.Errorf("6401 stake = %+v, want ¥597 with the fine apart", s)
	}
	if f := r.Ranked[1].Findings[0]; f.Rules[0].ID != "ad-absolute" || f.Before != "" || f.Evidence != "国家级" || f.After != "工艺 全网最低 纯棉T恤" {
		t.Errorf("first finding of 6401 = %+v, want the error with its evidence split out", f)
	}
	if len(r.Ranked[0].Stake.Blocks) != 1 || !r.Ranked[0].Stake.Unconfirmed {
		t.Errorf("7002 stake = %+v, want the 12-point bar, unconfirmed", r.Ranked[0].Stake)
	}
}

func ids(ls []*ListingView) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.ID)
	}
	return out
}

func render(t *testing.T, in Input) (*goquery.Document, string) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, in); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	return doc, buf.String()
}

func TestRenderShowsTotalsChartsAndRanking(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, testInput())
	for key, want := range map[string]string{"listings": "4", "findings": "3", "errors": "1", "warnings": "2",
		"at-risk": "¥1,127.80", "fines": "1", "fine-range": "¥20万–¥100万", "orders-flagged": "3", "unreadable": "1"} {
		if got := doc.Find(`[data-total="` + key + `"]`).Text(); got != want {
			t.Errorf("total %s = %q, want %q", key, got, want)
		}
	}
	charts := map[string]int{"#chart-rules": 5, "#chart-listings": 2, "#chart-shipments": 3}
	for id, rects := range charts {
		svg := doc.Find(id + " svg")
		if svg.Length() != 1 {
			t.Errorf("%s: %d <svg>, want 1", id, svg.Length())
		}
		if n := svg.Find("rect").Length(); n != rects {
			t.Errorf("%s: %d bars, want %d", id, n, rects)
		}
	}
	var ranked []string
	doc.Find("#ranking tbody tr").Each(func(_ int, s *goquery.Selection) { ranked = append(ranked, s.AttrOr("data-id", "")) })
	if strings.Join(ranked, ",") != "7002,6401" {
		t.Errorf("ranking rows = %v", ranked)
	}
	if n := doc.Find("#orders tbody tr").Length(); n != 4 {
		t.Errorf("%d order rows, want 4", n)
	}
	if got := doc.Find("#orders .events li").First().Text(); got != "11月18日 09:12 · 付款 · 买家付款" {
		t.Errorf("event = %q, want Beijing time as people write it", got)
	}
	if got := doc.Find("#clean li").AttrOr("data-id", ""); got != "7003" {
		t.Errorf("clean list = %q", got)
	}
}

// The report opens with 先改这几个, then the cards, charts and details,
// and the details are collapsed.
func TestRenderOrder(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, testInput())
	var order []string
	doc.Find("main > section, main > div").Each(func(_ int, s *goquery.Selection) {
		order = append(order, cmp.Or(s.AttrOr("id", ""), s.AttrOr("class", "")))
	})
	if got := strings.Join(order, " "); !strings.HasPrefix(got, "fix-first totals points charts chart-shipments ranking details") {
		t.Errorf("sections = %s", got)
	}
	if n := doc.Find("details.listing[open]").Length(); n != 0 {
		t.Errorf("%d listings expanded, want all collapsed", n)
	}
	fix := doc.Find("#fix-first li").First()
	if fix.Find("mark").Text() != "纯棉" || fix.Find(".where").First().Text() != "标题" || !strings.Contains(fix.Text(), "儿童加绒卫衣") {
		t.Errorf("first fix = %q", fix.Text())
	}
	if got := doc.Find(`[data-points="general"]`).Text(); !strings.HasPrefix(got, "12 分") {
		t.Errorf("general points = %q", got)
	}
}

func TestRenderMarksEvidenceInItsSentence(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, testInput())
	top := doc.Find("#l-2")
	quote := top.Find("blockquote").First()
	if quote.Text() != "国家级工艺 全网最低 纯棉T恤" || quote.Find("mark").Text() != "国家级" {
		t.Errorf("evidence = %q marked %q", quote.Text(), quote.Find("mark").Text())
	}
	if !strings.Contains(top.Text(), "《广告法》第九条第三项") || !strings.Contains(top.Text(), "删除「国家级」") {
		t.Errorf("finding lacks its basis or suggestion: %s", top.Text())
	}
	if strings.Contains(top.Text(), "第18行") || top.Find("dt").First().Text() != "标题" {
		t.Errorf("the location is not the field a seller reads: %s", top.Find("dl").First().Text())
	}
	if !strings.Contains(doc.Find("#l-1").Text(), "（含未核实数据）") {
		t.Error("an unconfirmed cost is not marked")
	}
}

// The file must work offline: no script, no stylesheet or image to fetch.
func TestRenderIsSelfContained(t *testing.T) {
	t.Parallel()
	doc, html := render(t, testInput())
	if n := doc.Find("script, link, img, iframe, object, embed").Length(); n != 0 {
		t.Errorf("%d external or script elements", n)
	}
	doc.Find("[src]").Each(func(_ int, s *goquery.Selection) { t.Errorf("element with src: %s", goquery.NodeName(s)) })
	for _, bad := range []string{"url(", "@import", "<script"} {
		if strings.Contains(html, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	if !strings.Contains(doc.Find("#ranking").Text(), "<script>alert(1)</script>") {
		t.Error("a title with markup is not shown as text")
	}
}

func TestRenderEmptyShop(t *testing.T) {
	t.Parallel()
	doc, _ := render(t, Input{Generated: time.Now(), Listings: []scanner.Result{{Source: "a.yaml", ID: "1", Title: "真丝围巾", Findings: []finding.Finding{}}}})
	if n := doc.Find("svg").Length(); n != 0 {
		t.Errorf("%d charts for a clean shop, want placeholders", n)
	}
	if !strings.Contains(doc.Find("#ranking").Text(), "没有发现问题") || !strings.Contains(doc.Find("#fix-first").Text(), "没有需要修改") {
		t.Error("no all-clear message")
	}
}

func TestMoney(t *testing.T) {
	t.Parallel()
	for v, want := range map[float64]string{0: "¥0", 1234: "¥1,234", 1097.8: "¥1,097.80", 200000: "¥200,000", 12.905: "¥12.91", 999999.999: "¥1,000,000"} {
		if got := Money(v); got != want {
			t.Errorf("Money(%v) = %q, want %q", v, got, want)
		}
	}
	if got := MoneyShort(200597); got != "¥20.1万" {
		t.Errorf("MoneyShort = %q", got)
	}
}

// A shop larger than the ranking keeps only the best MaxRanked listings,
// and counts all of them.
func TestBuilderKeepsTheTopListings(t *testing.T) {
	t.Parallel()
	b := NewBuilder(Input{Generated: time.Now()})
	const n = 3*MaxRanked + 7
	for i := range n {
		price := float64((i*7919)%n + 1) // every price once, out of order
		b.AddListing(scanner.Result{Source: "shop.csv", ID: fmt.Sprint(price), Title: "纯棉T恤", Price: price,
			Findings: []finding.Finding{{Rule: "material-fiber", Severity: "warning", Exposure: finding.Exposure{PunitiveCNY: price}}}})
	}
	r := b.Report()
	if r.Totals.ListingsFlagged != n || len(r.Ranked) != MaxRanked || r.MoreRanked != n-MaxRanked {
		t.Fatalf("flagged %d, ranked %d, more %d", r.Totals.ListingsFlagged, len(r.Ranked), r.MoreRanked)
	}
	for i, v := range r.Ranked {
		if want := float64(n - i); v.Stake.Claim != want || v.Rank != i+1 {
			t.Fatalf("rank %d: %v (rank field %d), want %v", i+1, v.Stake.Claim, v.Rank, want)
		}
	}
	if r.Totals.Punitive != float64(n*(n+1)/2) {
		t.Errorf("punitive total %v, want every listing's", r.Totals.Punitive)
	}
}
