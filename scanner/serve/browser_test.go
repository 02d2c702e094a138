package serve

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/xiaoer-dev/xiaoer/scanner/internal/headless"
)

// TestPageShowsFindingsInPlace types a title with known findings into the
// page, presses 检查, and checks that the words are highlighted by
// severity and the findings listed with their basis; screenshots at 1280
// and 390 px wide are saved.
func TestPageShowsFindingsInPlace(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	ctx := headless.Browser(t)
	dir := headless.ScreenshotDir(t)
	err := chromedp.Do(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("title")),
		chromedp.SendKeys(chromedp.ID("title"), "2024新款纯棉T恤 全网最低价 高仿大牌 假一赔十"),
		chromedp.SendKeys(chromedp.ID("subtitle"), "现货 24小时发货"),
		chromedp.SendKeys(chromedp.ID("attributes"), "材质成分: 棉60% 聚酯纤维40%\n品牌: 示例"),
		chromedp.SendKeys(chromedp.ID("description"), "采用新疆长绒棉，穿着舒适。售出不退不换。"),
		chromedp.SetValue(chromedp.ID("price"), "59"),
		chromedp.Click(chromedp.ID("check")),
		chromedp.WaitVisible(chromedp.CSS("#findings li")),
	)
	if err != nil {
		t.Fatalf("drive the page: %v", err)
	}
	marks := run(t, ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#marked mark')).map(m => m.firstChild.textContent + '|' + m.className)`))
	cards := run(t, ctx, chromedp.Text(chromedp.ID("findings")))
	report := run(t, ctx, chromedp.Value(chromedp.ID("report")))
	wide := run(t, ctx, chromedp.FullScreenshot(100))
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 844), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	overflow := run(t, ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	narrow := run(t, ctx, chromedp.FullScreenshot(100))
	for name, png := range map[string][]byte{"page-1280.png": wide, "page-390.png": narrow} {
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshots in %s", dir)
	for _, want := range []string{"全网最低价|error", "纯棉|error", "假一赔十|error"} {
		if !slices.Contains(marks, want) {
			t.Errorf("highlight %q missing; highlighted: %q", want, marks)
		}
	}
	if !slices.ContainsFunc(marks, func(m string) bool { return strings.Contains(m, "仿") && strings.HasSuffix(m, "|error") }) {
		t.Errorf("replica wording (高仿大牌) not highlighted as an error: %q", marks)
	}
	for _, want := range []string{"绝对化用语", "《中华人民共和国广告法》第九条", "全网最低价", "罚款"} {
		if !strings.Contains(cards, want) {
			t.Errorf("finding cards lack %q", want)
		}
	}
	if !strings.Contains(report, "全网最低价") || !strings.Contains(report, "ad-absolute") {
		t.Errorf("copyable report: %q", report)
	}
	if overflow {
		t.Error("at 390 px the page scrolls sideways")
	}
}

// run runs one browser action that yields a value.
func run[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	return v
}
