package cli_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeAsTheREADMESays starts the built binary as `xiaoer serve` with a
// user policy, checks a listing over HTTP (the user rule answers, as in
// scan), then stops it with SIGTERM: it exits 0 after saying so.
func TestServeAsTheREADMESays(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	policy := filepath.Join(fixturesDir(t), "policies")
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--nats-listen", "127.0.0.1:0", "--data-dir", t.TempDir(), "--policy", policy)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	lines := bufio.NewScanner(stderr)
	base := ""
	for base == "" && lines.Scan() {
		if _, rest, ok := strings.Cut(lines.Text(), "serving on "); ok {
			base, _, _ = strings.Cut(rest, " ")
		}
	}
	if base == "" {
		t.Fatal("serve never said where it listens")
	}
	res, err := http.Post(base+"/v1/check", "application/json", strings.NewReader(`{"title": "耐克同款跑步鞋 透气"}`))
	if err != nil {
		t.Fatal(err)
	}
	var result struct{ Findings []struct{ Rule string } }
	err = json.NewDecoder(res.Body).Decode(&result)
	res.Body.Close()
	if err != nil || len(result.Findings) == 0 || result.Findings[0].Rule != "competitor-brand" {
		t.Fatalf("the user policy did not judge the listing: %v %+v", err, result)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stderr)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil || !strings.Contains(string(rest), "stopped") {
			t.Errorf("after SIGTERM: %v, stderr %q", err, rest)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop within 20s of SIGTERM")
	}
}

// TestServeRefusesOpenBindWithoutToken: anything but loopback needs a
// token or an explicit --no-auth.
func TestServeRefusesOpenBindWithoutToken(t *testing.T) {
	t.Parallel()
	_, stderr, code := run(t, binary(t), t.TempDir(), "serve", "--addr", "0.0.0.0:0")
	if code != 2 || !strings.Contains(stderr, "--token") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
