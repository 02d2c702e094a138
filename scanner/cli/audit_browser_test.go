package cli_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/xiaoer-dev/xiaoer/scanner/internal/headless"
)

// The audit of the fixture shop and a 200-row ERP export, rendered by
// Chromium at 1280 and 390 px: screenshots of the first screen and of the
// whole page, the document no wider than the phone, chart labels legible,
// and an A4 PDF.
func TestAuditInChromium(t *testing.T) {
	dir := headless.ScreenshotDir(t)
	fx := filepath.Join("..", "..", "fixtures")
	export, _ := writeShopExport(t, dir, 200)
	report := filepath.Join(dir, "report.html")
	_, stderr, code := runApp(t, "audit", "--no-progress", "--out", report, "--shop", "禾木家居旗舰店", "--now", "2026-11-01T10:00:00+08:00",
		"--listings", filepath.Join(fx, "pages"), "--listings", filepath.Join(fx, "listings"), "--listings", filepath.Join(fx, "exports"),
		"--listings", export, "--shipments", filepath.Join(fx, "shipments"))
	if code != 2 { // the export's bad rows are unreadable inputs
		t.Fatalf("audit exit %d: %s", code, stderr)
	}
	abs, err := filepath.Abs(report)
	if err != nil {
		t.Fatal(err)
	}
	ctx := headless.Browser(t)
	for _, width := range []int64{1280, 390} {
		measure := func(expr string) float64 {
			t.Helper()
			v, err := chromedp.Run(ctx, chromedp.Evaluate[float64](expr))
			if err != nil {
				t.Fatalf("%d px: %s: %v", width, expr, err)
			}
			return v
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844), chromedp.Navigate("file://"+abs),
			chromedp.WaitVisible(chromedp.CSS("#fix-first"))); err != nil {
			t.Fatalf("%d px: %v", width, err)
		}
		docWidth, viewWidth := measure(`document.documentElement.scrollWidth`), measure(`window.innerWidth`)
		labelHeight := measure(`document.querySelector('#chart-rules svg text').getBoundingClientRect().height`)
		shots := map[string]chromedp.Action[[]byte]{"first.png": chromedp.CaptureScreenshot(), "full.jpg": chromedp.FullScreenshot(80),
			"points.png": chromedp.Screenshot(chromedp.CSS("#points")), "ranking.png": chromedp.Screenshot(chromedp.CSS("#ranking")),
			"charts.png": chromedp.Screenshot(chromedp.CSS("#chart-listings"))}
		for name, shot := range shots {
			img, err := chromedp.Run(ctx, shot)
			if err != nil {
				t.Fatalf("%d px %s screenshot: %v", width, name, err)
			}
			path := filepath.Join(dir, fmt.Sprintf("audit-%d-%s", width, name))
			if err := os.WriteFile(path, img, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot %s", path)
		}
		if docWidth > viewWidth {
			t.Errorf("%d px: the document is %.0f px wide, wider than the viewport (%.0f px)", width, docWidth, viewWidth)
		}
		if labelHeight < 11 {
			t.Errorf("%d px: chart labels are %.1f px high, want at least 11", width, labelHeight)
		}
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize(), chromedp.PDFPrintBackground()))
	if err != nil {
		t.Fatalf("print: %v", err)
	}
	path := filepath.Join(dir, "audit-a4.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("A4 PDF %s (%d bytes)", path, len(pdf))
}
