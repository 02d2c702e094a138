package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// writeListings writes n small listing files, some with findings.
func writeListings(t *testing.T, dir string, n int) {
	t.Helper()
	for i := range n {
		body := fmt.Sprintf("id: \"%d\"\ntitle: 纯棉短袖T恤 款式%d\nprice: %d\nattributes:\n  材质成分: 棉100%%\n", i, i, 19+i%80)
		if i%7 == 0 {
			body = fmt.Sprintf("id: \"%d\"\ntitle: 国家级工艺 全网最低 加绒卫衣%d\nprice: 89\n", i, i)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("l%05d.yaml", i)), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// countLines counts the newlines of a file that is being written.
func countLines(path string) int {
	b, _ := os.ReadFile(path)
	return bytes.Count(b, []byte("\n"))
}

// A 5,000-listing JSONL scan killed with SIGKILL halfway, then rerun with
// --resume, ends with every input exactly once.
func TestKilledJSONLScanResumes(t *testing.T) {
	t.Parallel()
	bin := binary(t) // skipped with -short: this runs a full 5,000-listing scan
	const n = 5000
	dir := t.TempDir()
	listings := filepath.Join(dir, "listings")
	if err := os.Mkdir(listings, 0o755); err != nil {
		t.Fatal(err)
	}
	writeListings(t, listings, n)
	partial := filepath.Join(dir, "partial.jsonl")
	cmd := exec.Command(bin, "scan", "--format", "jsonl", "--output", partial, "--workers", "2", "listings")
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Minute); countLines(partial) < n/2; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no progress")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killedAt := countLines(partial)
	tearLastLine(t, partial)

	_, stderr, code := run(t, bin, dir, "scan", "--format", "jsonl", "--resume", "partial.jsonl", "--workers", "2", "listings")
	if code != 1 {
		t.Fatalf("resumed run exit code %d, want 1 (findings)\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "xiaoer: resuming partial.jsonl:") {
		t.Errorf("stderr does not say it resumes: %s", stderr)
	}
	checkEveryInputOnce(t, partial, n)
	t.Logf("killed after %d lines; resumed to %d", killedAt, n)
}

// tearLastLine makes sure the file ends in a torn line, as a kill in the
// middle of a write leaves it: half of the last line is written again.
func tearLastLine(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 || b[len(b)-1] != '\n' {
		return // torn by the kill itself
	}
	last := b[bytes.LastIndexByte(b[:len(b)-1], '\n')+1:]
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	f.Write(last[:len(last)/2])
}

func checkEveryInputOnce(t *testing.T, path string, n int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	seen := make([]int, n)
	lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
	for i, line := range lines {
		var r struct {
			Input  int    `json:"input"`
			Source string `json:"source"`
			ID     string `json:"id"`
		}
		if err := json.Unmarshal(line, &r); err != nil {
			t.Fatalf("line %d is not a result: %v: %.80s", i+1, err, line)
		}
		if r.Input < 0 || r.Input >= n || r.Source != filepath.Join("listings", fmt.Sprintf("l%05d.yaml", r.Input)) || r.ID != fmt.Sprint(r.Input) {
			t.Fatalf("line %d: input %d is %s (id %s)", i+1, r.Input, r.Source, r.ID)
		}
		seen[r.Input]++
	}
	for i, c := range seen {
		if c != 1 {
			t.Errorf("input %d appears %d times", i, c)
		}
	}
	if len(lines) != n {
		t.Errorf("%d lines, want %d", len(lines), n)
	}
}

// itemServer serves a GBK item page, a 404, an answer slower than the
// fetch timeout and a 50 MB body, on 127.0.0.1.
func itemServer(t *testing.T) *httptest.Server {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "pages", "tmall-down-jacket.gbk.html"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/item.htm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=gbk")
		w.Write(page)
	})
	mux.HandleFunc("/slow.htm", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/big.htm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(50<<20))
		w.Write(make([]byte, 64<<10))
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

type jsonlResult struct {
	Input    int     `json:"input"`
	Source   string  `json:"source"`
	Encoding string  `json:"encoding"`
	Error    *string `json:"error"`
}

func readJSONL(t *testing.T, out string) map[string]jsonlResult {
	t.Helper()
	got := map[string]jsonlResult{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r jsonlResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		got[r.Source] = r
	}
	return got
}

func TestScanURLs(t *testing.T) {
	t.Parallel()
	s := itemServer(t)
	list := filepath.Join(t.TempDir(), "urls.txt")
	urls := []string{s.URL + "/item.htm?id=1", s.URL + "/missing.htm", s.URL + "/slow.htm", s.URL + "/big.htm"}
	if err := os.WriteFile(list, []byte("# 双十一主推\n"+strings.Join(urls, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// By default the loopback test server itself is refused, before any
	// connection: every URL gets that error, none hangs.
	stdout, _, code := runApp(t, "scan", "--format", "jsonl", "--no-progress", "--urls", list)
	if code != 2 {
		t.Errorf("exit code %d, want 2 (inputs that could not be read)", code)
	}
	for _, u := range urls {
		if r, ok := readJSONL(t, stdout)[u]; !ok || r.Error == nil || !strings.Contains(*r.Error, "refused to connect to 127.0.0.1 (loopback") {
			t.Errorf("%s: %+v, want refused", u, r)
		}
	}
	start := time.Now()
	stdout, _, _ = runApp(t, "scan", "--format", "jsonl", "--no-progress", "--allow-private", "--fetch-timeout", "500ms", "--fetch-retries", "1", "--urls", list)
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("scan took %s", d)
	}
	got := readJSONL(t, stdout)
	want := map[string]string{urls[1]: "HTTP 404", urls[2]: "no complete answer within 500ms (after 2 attempts)", urls[3]: "over the 16 MiB limit"}
	for u, msg := range want {
		if r := got[u]; r.Error == nil || !strings.Contains(*r.Error, msg) {
			t.Errorf("%s: error %v, want %q", u, r.Error, msg)
		}
	}
	if r := got[urls[0]]; r.Error != nil || r.Encoding != "gb18030" {
		t.Errorf("GBK page: %+v", r)
	}
	if len(got) != len(urls) {
		t.Errorf("%d results for %d URLs", len(got), len(urls))
	}
}

func TestResumeFlagChecks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	listing := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(listing, []byte("title: 真丝围巾\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--resume", filepath.Join(dir, "p.jsonl")},
		{"--format", "jsonl", "--resume", filepath.Join(dir, "p.jsonl"), "--output", filepath.Join(dir, "other.jsonl")},
	} {
		if _, stderr, code := runApp(t, append(append([]string{"scan"}, args...), listing)...); code != 2 || !strings.Contains(stderr, "--resume") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
}
