package cli_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
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
