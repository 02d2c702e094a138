package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/cli"
	"github.com/xiaoer-dev/xiaoer/scanner/dist"
)

// natsServer starts an embedded NATS server on a free loopback port for
// the test and returns its URL.
func natsServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ns, err := dist.StartServer(dist.ServerOptions{Listen: addr, StoreDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	return "nats://" + addr
}

// startWorkerCommand runs `xiaoer worker` in this process until the test ends.
func startWorkerCommand(t *testing.T, args ...string) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var stderr bytes.Buffer
	wg.Go(func() {
		err := cli.NewApp(&bytes.Buffer{}, &stderr).RunContext(ctx, append([]string{"xiaoer", "worker"}, args...))
		if err != nil {
			t.Errorf("worker: %v\n%s", err, stderr.String())
		}
	})
	t.Cleanup(func() { cancel(); wg.Wait() })
}

// A scan through the queue reports what a local scan reports, in the same
// order and with the same exit code; reattaching gives it again.
func TestScanOverNATSMatchesLocalScan(t *testing.T) {
	url := natsServer(t)
	startWorkerCommand(t, "--nats", url, "-j", "2")
	fx := filepath.Join("..", "..", "fixtures")
	args := []string{"-f", "json", "--now", "2026-11-23T10:00:00+08:00", filepath.Join(fx, "pages"), filepath.Join(fx, "listings"),
		filepath.Join(fx, "exports", "taobao-assistant.csv"), "missing.html"}

	localOut, _, localCode := runApp(t, append([]string{"scan"}, args...)...)
	distOut, stderr, distCode := runApp(t, append([]string{"scan", "--nats", url}, args...)...)
	if distCode != localCode || localCode != 2 {
		t.Errorf("exit code %d over NATS, %d locally; want 2 (a missing input)\n%s", distCode, localCode, stderr)
	}
	if distOut == "" {
		t.Fatalf("no report over NATS:\n%s", stderr)
	}
	want, got := decodeReport(t, localOut), decodeReport(t, distOut)
	if w, g := mustJSON(t, want.Results), mustJSON(t, got.Results); w != g {
		t.Errorf("results differ:\nlocal %.400s\nnats  %.400s", w, g)
	}
	if w, g := mustJSON(t, want.Summary), mustJSON(t, got.Summary); w != g {
		t.Errorf("summary differs:\nlocal %s\nnats  %s", w, g)
	}

	id := jobID(t, stderr)
	again, _, code := runApp(t, "scan", "--nats", url, "--job", id, "-f", "json")
	if code != distCode || mustJSON(t, decodeReport(t, again).Results) != mustJSON(t, got.Results) {
		t.Errorf("reattached to job %s: exit %d and other results", id, code)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// jobID reads the job id scan --nats prints on stderr.
func jobID(t *testing.T, stderr string) string {
	t.Helper()
	_, rest, ok := strings.Cut(stderr, "xiaoer: job ")
	id, _, _ := strings.Cut(rest, ":")
	if !ok || !dist.ValidJobID(id) {
		t.Fatalf("no job id on stderr: %s", stderr)
	}
	return id
}

// --resume with --job completes a partial JSONL file of a job: every input
// once, those it held not written again.
func TestScanOverNATSResumesIntoPartialOutput(t *testing.T) {
	url := natsServer(t)
	startWorkerCommand(t, "--nats", url, "-j", "2")
	dir := t.TempDir()
	writeListings(t, filepath.Join(dir), 40)
	full, stderr, code := runApp(t, "scan", "--nats", url, "-f", "jsonl", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	lines := strings.SplitAfter(full, "\n")
	partial := filepath.Join(t.TempDir(), "partial.jsonl")
	torn := strings.Join(lines[:15], "") + lines[15][:len(lines[15])/2]
	if err := os.WriteFile(partial, []byte(torn), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, code = runApp(t, "scan", "--nats", url, "--job", jobID(t, stderr), "-f", "jsonl", "--resume", partial)
	if code != 1 || !strings.Contains(stderr, "resuming") {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	b, err := os.ReadFile(partial)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]int{}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct{ Input int }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("torn or bad line %q: %v", line, err)
		}
		seen[r.Input]++
	}
	for i := range 40 {
		if seen[i] != 1 {
			t.Errorf("input %d appears %d times", i, seen[i])
		}
	}
}
