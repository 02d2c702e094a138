// Package headless starts the system Chromium for browser tests (the
// audit report, the serve page): one way to find it, the same flags, and
// one rule for when it is missing — skip with the reason, except under CI
// (CI=true), where .ci/run installs it and a missing browser fails.
package headless

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Chromium is the path of the browser: $XIAOER_CHROMIUM, chromium,
// chromium-browser or google-chrome, the first on PATH.
func Chromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{os.Getenv("XIAOER_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
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
	t.Skip("chromium is not installed: apt-get install chromium (or set XIAOER_CHROMIUM) to run the browser test")
	return ""
}

// Browser starts headless Chromium for one test, stopped when it ends,
// with at most 90 s for everything the test does in it.
func Browser(t testing.TB) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(Chromium(t)), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
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

// ScreenshotDir is where screenshots go: $XIAOER_SCREENSHOTS when set (to
// keep them for review), else the test's temporary directory.
func ScreenshotDir(t testing.TB) string {
	t.Helper()
	if dir := os.Getenv("XIAOER_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}
