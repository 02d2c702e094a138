package cli_test

// Hostile inputs (issue 17): each case puts one hostile input beside a good
// one and checks that the hostile one gets a clear result of its own, the
// good one keeps its findings, the exit code is 2, the run ends within
// hostileTimeout and its peak memory stays under hostileMaxRSS.

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

const (
	hostileTimeout = 2 * time.Minute
	hostileMaxRSS  = 500 << 20
)

// goodListing has an absolute claim: its ad-absolute finding must survive
// whatever its neighbour in the batch does.
const goodListing = "id: good\ntitle: 全网最好的纯棉T恤\nattributes:\n  材质成分: 棉100%\n"

// goodOrders has one order shipped 40 hours after payment on a 24-hour
// promise: its shipping-late finding must survive.
const goodOrders = "order_id,platform,listing_id,amount,paid_at,promised_ship_hours,marked_shipped_at,carrier,tracking_no\n" +
	"G1,taobao,L9,99,2026-11-01 10:00:00,24,2026-11-03 02:00:00,韵达快递,4312556078909\n"

type hostileRun struct {
	stdout, stderr string
	code           int
	rss            int64 // peak resident memory, bytes
}

// runHostile runs the binary under hostileTimeout and measures its peak
// memory; a run that outlives the timeout fails the test as a hang.
func runHostile(t *testing.T, dir string, args ...string) hostileRun {
	t.Helper()
	return runHostileEnv(t, dir, nil, args...)
}

// runHostileEnv is runHostile with more environment variables.
func runHostileEnv(t *testing.T, dir string, env []string, args ...string) hostileRun {
	t.Helper()
	return runBounded(t, dir, env, hostileMaxRSS, args...)
}

// runBounded is runHostileEnv with a bound of its own on peak memory.
func runBounded(t *testing.T, dir string, env []string, maxRSS int64, args ...string) hostileRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append([]string{"HOME=" + filepath.Join(dir, "home"), "XDG_CACHE_HOME=" + filepath.Join(dir, "cache"), "PATH=/usr/bin:/bin", "NO_COLOR=1"}, env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("%v: still running after %v (hang)", args, hostileTimeout)
	}
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("run %v: %v", args, err)
	}
	r := hostileRun{stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rss = ru.Maxrss << 10
	}
	if r.rss > maxRSS {
		t.Errorf("%v: peak memory %d MB, over %d MB", args, r.rss>>20, maxRSS>>20)
	}
	return r
}

func write(t *testing.T, path, text string) string {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(path), 0o755))
	must(t, os.WriteFile(path, []byte(text), 0o644))
	return path
}

// scanHostile scans the good listing and the hostile paths as JSON and
// returns the report, after checking the exit code and the good listing.
func scanHostile(t *testing.T, dir string, hostile ...string) report.Report {
	t.Helper()
	return scanHostileWith(t, dir, nil, hostile...)
}

// scanHostileWith is scanHostile with flags before the paths.
func scanHostileWith(t *testing.T, dir string, flags []string, hostile ...string) report.Report {
	t.Helper()
	return scanBounded(t, dir, hostileMaxRSS, flags, hostile...)
}

// scanBounded is scanHostileWith with a bound of its own on peak memory.
func scanBounded(t *testing.T, dir string, maxRSS int64, flags []string, hostile ...string) report.Report {
	t.Helper()
	good := write(t, filepath.Join(dir, "good", "good.yaml"), goodListing)
	args := append(append([]string{"scan", "--format", "json"}, flags...), good)
	r := runBounded(t, dir, nil, maxRSS, append(args, hostile...)...)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", r.code, r.stderr)
	}
	rep := decodeReport(t, r.stdout)
	requireGoodFinding(t, rep)
	return rep
}

func requireGoodFinding(t *testing.T, rep report.Report) {
	t.Helper()
	for _, res := range rep.Results {
		if res.ID != "good" {
			continue
		}
		for _, f := range res.Findings {
			if f.Rule == "ad-absolute" {
				return
			}
		}
		t.Fatalf("the good listing lost its ad-absolute finding: %+v", res)
	}
	t.Fatal("the good listing is not in the report")
}

// resultError returns the error of the result whose source ends in suffix.
func resultError(t *testing.T, rep report.Report, suffix string) string {
	t.Helper()
	for _, res := range rep.Results {
		if strings.HasSuffix(res.Source, suffix) {
			if res.Error == nil {
				t.Fatalf("%s: no error, findings %+v", suffix, res.Findings)
			}
			return *res.Error
		}
	}
	t.Fatalf("no result for %s in %+v", suffix, rep.Results)
	return ""
}

func requireContains(t *testing.T, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s: %q does not say %q", what, got, w)
		}
	}
}

func TestHostileFIFOInScannedDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "in"), 0o755))
	must(t, syscall.Mkfifo(filepath.Join(dir, "in", "pipe.yaml"), 0o644))
	rep := scanHostile(t, dir, filepath.Join(dir, "in"))
	requireContains(t, "FIFO", resultError(t, rep, "pipe.yaml"), "not a regular file", "named pipe")
}

func TestHostileDeviceNamedOnTheCommandLine(t *testing.T) {
	t.Parallel()
	rep := scanHostile(t, t.TempDir(), "/dev/zero")
	requireContains(t, "/dev/zero", resultError(t, rep, "/dev/zero"), "not a regular file", "character device")
}

// A 1 MB YAML file whose skus repeat one anchor 20,000 times: 20 GB of
// text once expanded.
func TestHostileYAMLAliasAmplification(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("title: 最好的T恤\nskus:\n  - &a " + strings.Repeat("纯棉", 170000) + "\n")
	for range 20000 {
		b.WriteString("  - *a\n")
	}
	p := write(t, filepath.Join(dir, "bomb.yaml"), b.String())
	rep := scanHostile(t, dir, p)
	requireContains(t, "alias bomb", resultError(t, rep, "bomb.yaml"), "aliases expand beyond the budget")
}

// An escaped NUL in JSON and YAML separates words; the words after it are
// still judged.
func TestHostileNULKeepsTheWordsAfterIt(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	j := write(t, filepath.Join(dir, "nul.json"), `{"id": "nul-json", "title": "T恤\u0000全网最好"}`)
	y := write(t, filepath.Join(dir, "nul.yaml"), "id: nul-yaml\ntitle: \"T恤\\0全网最好\"\n")
	bad := write(t, filepath.Join(dir, "bad.yaml"), "")
	rep := scanHostile(t, dir, j, y, bad)
	for _, id := range []string{"nul-json", "nul-yaml"} {
		found := false
		for _, res := range rep.Results {
			for _, f := range res.Findings {
				found = found || res.ID == id && f.Rule == "ad-absolute"
			}
		}
		if !found {
			t.Errorf("%s: the words after the NUL were not judged (no ad-absolute)", id)
		}
	}
}

// One invalid byte in a UTF-8 YAML file is an error naming its offset, not
// a windows-1252 decode with no findings.
func TestHostileInvalidUTF8ByteIsAnError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	text := "title: 纯棉短袖T恤 最好的面料\ndescription: 透气吸汗\xff的纯棉面料，夏季必备，舒适亲肤，柔软耐穿\n"
	p := write(t, filepath.Join(dir, "broken.yaml"), text)
	rep := scanHostile(t, dir, p)
	off := strings.Index(text, "\xff")
	requireContains(t, "broken byte", resultError(t, rep, "broken.yaml"), "invalid UTF-8 at byte offset "+strconv.Itoa(off))
}

// A CSV file found by a directory walk is read as a shop export, judged as
// orders when its header has an order id column, or reported as neither.
func TestHostileCSVInWalkedDirectoryIsReported(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "in", "orders.csv"), goodOrders)
	write(t, filepath.Join(dir, "in", "stock.csv"), "商品,数量\n杯子,1\n")
	rep := scanHostile(t, dir, filepath.Join(dir, "in"))
	requireContains(t, "stock CSV", resultError(t, rep, "stock.csv"), "not a shop export")
	judged := false
	for _, res := range rep.Results {
		judged = judged || strings.HasSuffix(res.Source, "orders.csv") && res.Kind == "shipments" && res.Error == nil
	}
	if !judged {
		t.Errorf("orders.csv was not judged as orders: %+v", rep.Results)
	}
}

// A symlink to a directory, named on the command line, is walked.
func TestHostileDirectorySymlinkIsWalked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "real", "claim.yaml"), "id: linked\ntitle: 国家级纯棉T恤\n")
	write(t, filepath.Join(dir, "real", "empty.yaml"), "")
	link := filepath.Join(dir, "link")
	must(t, os.Symlink(filepath.Join(dir, "real"), link))
	rep := scanHostile(t, dir, link)
	found := false
	for _, res := range rep.Results {
		found = found || res.ID == "linked" && len(res.Findings) > 0 && strings.HasPrefix(res.Source, link)
	}
	if !found {
		t.Errorf("the listing under the symlinked directory was not scanned: %+v", rep.Results)
	}
}

// Raw newlines and terminal escape sequences from listing text are escaped
// in text output.
func TestHostileTerminalEscapesInTextOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := write(t, filepath.Join(dir, "esc.yaml"), "title: \"最好的T恤\\e]0;pwned\\a\\e[2J 假一赔十\\n第二行\"\n")
	good := write(t, filepath.Join(dir, "good.yaml"), goodListing)
	empty := write(t, filepath.Join(dir, "empty.yaml"), "")
	r := runHostile(t, dir, "scan", good, p, empty)
	if r.code != 2 {
		t.Fatalf("exit %d, want 2", r.code)
	}
	if strings.ContainsAny(r.stdout, "\x1b\x07") {
		t.Errorf("raw escape characters reached the terminal:\n%q", r.stdout)
	}
	requireContains(t, "text output", r.stdout, `\x1b]0;pwned\x07`, `\n第二行`, "【全网最好】")
}
