package cli_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds the system Chromium (Debian: chromium). Outside CI a
// missing browser skips the test and says why; in CI (CI=true) it fails,
// as .ci/run installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("XIAOER_CHROMIUM"), "chromium", "chromium-browser"} {
		if name == "" {
			continue
		}
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("chromium is not installed (CI=true): .ci/run installs it with apt-get install chromium")
	}
	t.Skip("chromium is not installed: apt-get install chromium (or set XIAOER_CHROMIUM) to render the audit in a browser")
	return ""
}

// browser starts headless Chromium for one test.
func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	return bctx
}

// shotDir is where screenshots go: XIAOER_SCREENSHOTS when set (to keep
// them), else the test's temporary directory.
func shotDir(t *testing.T) string {
	if dir := os.Getenv("XIAOER_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// The audit of the fixture shop and a 200-row ERP export, rendered by
// Chromium at 1280 and 390 px: screenshots of the first screen and of the
// whole page, the document no wider than the phone, chart labels legible,
// and an A4 PDF.
func TestAuditInChromium(t *testing.T) {
	exe := chromium(t)
	dir := shotDir(t)
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
	ctx := browser(t, exe)
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
