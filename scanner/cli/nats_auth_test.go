package cli_test

import (
	"net"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/dist"
)

// serve refuses to expose its NATS server beyond loopback without a token,
// before it binds anything.
func TestServeRefusesOpenNATSListenWithoutToken(t *testing.T) {
	_, stderr, code := runApp(t, "serve", "--addr", "127.0.0.1:0", "--nats-listen", "0.0.0.0:0", "--data-dir", t.TempDir())
	if code != 2 {
		t.Fatalf("exit code %d, want 2\n%s", code, stderr)
	}
	for _, want := range []string{"--nats-listen", "0.0.0.0:0", "--nats-token", "--no-auth"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// Workers and scans reach a server with a token by --nats-token, the
// environment, or the URL; without it scan stops with exit 2.
func TestScanAndWorkerPassTheNATSToken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ns, err := dist.StartServer(dist.ServerOptions{Listen: addr, StoreDir: t.TempDir(), Token: "tok-16"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	url := "nats://" + addr
	startWorkerCommand(t, "--nats", url, "--nats-token", "tok-16", "-j", "1")
	page := filepath.Join("..", "..", "fixtures", "pages")

	_, stderr, code := runApp(t, "scan", "--nats", url, "-f", "jsonl", page)
	if code != 2 || !strings.Contains(strings.ToLower(stderr), "authorization") {
		t.Errorf("scan without the token: exit %d, want 2 and an authorization error\n%s", code, stderr)
	}
	local, _, localCode := runApp(t, "scan", "-f", "jsonl", "--now", "2026-11-23T10:00:00+08:00", page)
	if strings.Count(local, "\n") == 0 {
		t.Fatal("the local scan of the fixture pages reports nothing")
	}
	check := func(how string, args ...string) {
		t.Helper()
		out, stderr, code := runApp(t, append(append([]string{"scan"}, args...), "-f", "jsonl", "--now", "2026-11-23T10:00:00+08:00", page)...)
		if code != localCode || strings.Count(out, "\n") != strings.Count(local, "\n") {
			t.Errorf("token %s: exit %d (local %d), %d lines (local %d)\n%s", how, code, localCode,
				strings.Count(out, "\n"), strings.Count(local, "\n"), stderr)
		}
	}
	check("in the URL", "--nats", "nats://tok-16@"+addr)
	check("by flag", "--nats", url, "--nats-token", "tok-16")
	t.Setenv("XIAOER_NATS_TOKEN", "tok-16")
	check("in XIAOER_NATS_TOKEN", "--nats", url)
}
