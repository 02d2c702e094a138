package cli_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// binDir holds the binary the end-to-end tests build once; TestMain
// removes it (a 41 MB file per run otherwise stays in the temp directory).
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// buildBinary builds xiaoer once for the end-to-end tests.
var buildBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "xiaoer-e2e-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "xiaoer")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/xiaoer-dev/xiaoer").CombinedOutput()
	if err != nil {
		return "", errors.New(string(out))
	}
	return bin, nil
})

func binary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped with -short: the end-to-end tests build the binary")
	}
	bin, err := buildBinary()
	if err != nil {
		t.Fatalf("go build: %v", err)
	}
	return bin
}

// run executes the binary in dir with a minimal environment (no Go module
// cache, a fresh cache and home) and returns stdout, stderr and the exit code.
func run(t *testing.T, bin, dir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"HOME=" + filepath.Join(dir, "home"), "XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"GOMODCACHE=/nonexistent", "GOPATH=/nonexistent", "PATH=/usr/bin:/bin", "NO_COLOR=1"}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run %v: %v", args, err)
	}
	return stdout.String(), stderr.String(), cmd.ProcessState.ExitCode()
}

func fixturesDir(t *testing.T) string {
	t.Helper()
	abs, err := filepath.Abs(filepath.Join("..", "..", "fixtures"))
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// TestCopiedBinaryScansFixtures: a binary copied to an empty directory, with
// no module cache, still finds its dictionaries and policies.
func TestCopiedBinaryScansFixtures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "xiaoer")
	data, err := os.ReadFile(binary(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	fx := fixturesDir(t)
	stdout, stderr, code := run(t, bin, dir, "scan", filepath.Join(fx, "pages"), filepath.Join(fx, "listings"), filepath.Join(fx, "material"))
	if code != 1 {
		t.Fatalf("exit %d, want 1 (the fixtures hold findings)\nstderr: %s", code, stderr)
	}
	if !strings.Contains(stdout, "ad-absolute") {
		t.Errorf("no ad-absolute finding in output:\n%s", stdout)
	}
	dicts, _ := filepath.Glob(filepath.Join(dir, "cache", "xiaoer", "dict-*", "jieba.dict.utf8"))
	if len(dicts) != 1 {
		t.Errorf("dictionaries not unpacked into the user cache: %v", dicts)
	}
}

// TestBadInputsAreReportedNotFatal: empty, binary and unreadable files each
// get an error result; the good page is still scanned; the exit code is 2.
func TestBadInputsAreReportedNotFatal(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	must(t, os.MkdirAll(in, 0o755))
	good := "title: 全网最低价 纯棉T恤\nprice: 59\nattributes:\n  材质成分: 棉100%\n"
	must(t, os.WriteFile(filepath.Join(in, "good.yaml"), []byte(good), 0o644))
	must(t, os.WriteFile(filepath.Join(in, "empty.html"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(in, "binary.html"), []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0xff}, 0o644))
	must(t, os.Symlink(filepath.Join(dir, "gone.html"), filepath.Join(in, "unreadable.html")))
	stdout, stderr, code := run(t, bin, dir, "scan", "--format", "json", in)
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", code, stderr)
	}
	rep := decodeReport(t, stdout)
	if rep.Summary.Inputs != 4 || len(rep.Results) != 4 {
		t.Fatalf("inputs=%d results=%d, want 4 and 4", rep.Summary.Inputs, len(rep.Results))
	}
	errs := map[string]string{}
	for _, r := range rep.Results {
		if r.Error != nil {
			errs[filepath.Base(r.Source)] = *r.Error
		} else if filepath.Base(r.Source) != "good.yaml" || len(r.Findings) == 0 {
			t.Errorf("result %s: want findings for good.yaml only, got %+v", r.Source, r)
		}
	}
	for name, want := range map[string]string{"empty.html": "empty", "binary.html": "binary", "unreadable.html": "no such file"} {
		if !strings.Contains(errs[name], want) {
			t.Errorf("%s: error %q, want it to say %q", name, errs[name], want)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestScanWithShipments: --shipments puts the orders' findings into the
// same report as the listings', one result per orders or tracking file.
func TestScanWithShipments(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	fx := fixturesDir(t)
	stdout, stderr, code := run(t, bin, t.TempDir(), "scan", "--format", "json", "--now", "2026-11-23T10:00:00+08:00",
		"--shipments", filepath.Join(fx, "shipments"), filepath.Join(fx, "listings"))
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstderr: %s", code, stderr)
	}
	rep := decodeReport(t, stdout)
	rules := map[string]bool{}
	shipmentResults := 0
	for _, r := range rep.Results {
		if r.Kind != "shipments" {
			continue
		}
		shipmentResults++
		for _, f := range r.Findings {
			rules[f.Rule] = true
		}
	}
	if shipmentResults == 0 {
		t.Fatal("no shipments results in the report")
	}
	for _, want := range []string{"shipping-late", "shipping-fake", "shipping-stalled", "shipping-promise-rate"} {
		if !rules[want] {
			t.Errorf("no %s finding among the shipments results (got %v)", want, rules)
		}
	}
	if rep.Summary.Exposure.PlatformCNY == 0 {
		t.Error("summary has no platform compensation from the orders")
	}
}

// TestJSONReportShape: the JSON report has the shape DESIGN.md fixes, and
// every finding carries what it promises (rule, evidence, span, basis,
// suggestion, exposure, fingerprint).
func TestJSONReportShape(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	stdout, stderr, code := run(t, bin, t.TempDir(), "scan", "--format", "json", filepath.Join(fixturesDir(t), "pages"))
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstderr: %s", code, stderr)
	}
	var doc map[string]any
	must(t, json.Unmarshal([]byte(stdout), &doc))
	requireKeys(t, "report", doc, "version", "tool", "summary", "results")
	requireKeys(t, "summary", doc["summary"].(map[string]any), "inputs", "listings", "findings", "errors", "by_severity", "by_rule", "exposure")
	results := doc["results"].([]any)
	if len(results) == 0 {
		t.Fatal("no results")
	}
	findings := 0
	for _, r := range results {
		res := r.(map[string]any)
		requireKeys(t, "result", res, "source", "kind", "id", "title", "encoding", "findings", "error")
		for _, f := range res["findings"].([]any) {
			findings++
			requireKeys(t, "finding", f.(map[string]any), "rule", "severity", "message", "field", "evidence", "span", "location", "basis", "suggestion", "exposure", "fingerprint")
		}
	}
	if findings == 0 {
		t.Error("no findings in the fixture pages")
	}
}

func requireKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		if _, ok := m[k]; !ok {
			t.Errorf("%s lacks %q: %v", what, k, m)
		}
	}
}

// TestBuildWithoutCgoSaysWhy: with cgo off (CGO_ENABLED=0, or no C
// compiler, where Go turns it off by itself) the build fails on one
// identifier that names the fix, not on gojieba's undefined types.
func TestBuildWithoutCgoSaysWhy(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("skipped with -short: builds a package with cgo off")
	}
	cmd := exec.Command("go", "build", "-o", os.DevNull, "github.com/xiaoer-dev/xiaoer/scanner/tokenizer")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatal("the tokenizer built without cgo")
	}
	if !strings.Contains(string(out), "xiaoer_needs_cgo__install_a_C_and_CPP_compiler__then_build_with_CGO_ENABLED_1") || strings.Contains(string(out), "gojieba.Jieba") {
		t.Errorf("want the one error that names the fix, got:\n%s", out)
	}
}

// TestReadmeSampleIsWhatTheFirstCommandPrints: the README's sample finding
// is the first block the README's first command prints, byte for byte, so
// a rule change that alters it shows up here and not in a reader's terminal.
func TestReadmeSampleIsWhatTheFirstCommandPrints(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	root := filepath.Dir(fixturesDir(t))
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "What the first command prints first")
	_, sample, ok2 := strings.Cut(after, "```text\n")
	sample, _, ok3 := strings.Cut(sample, "\n```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("README.md has no sample block after \"What the first command prints first\"")
	}
	cmd := exec.Command(bin, "scan", "fixtures/pages", "fixtures/listings", "fixtures/material")
	cmd.Dir = root
	home := t.TempDir()
	cmd.Env = []string{"HOME=" + home, "XDG_CACHE_HOME=" + filepath.Join(home, "cache"), "PATH=/usr/bin:/bin"}
	out, _ := cmd.Output() // exit 1: the fixtures hold findings
	first, _, _ := strings.Cut(string(out), "\n\n")
	if first != sample {
		t.Errorf("the README's sample is not what the first command prints first.\nREADME:\n%s\nprinted:\n%s", sample, first)
	}
}
