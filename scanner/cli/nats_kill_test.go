package cli_test

import (
	"bufio"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A worker process killed with SIGKILL in the middle of a distributed scan
// loses nothing and duplicates nothing: its unacknowledged tasks go to the
// other worker after the ack wait, and the output has every input once.
func TestKilledWorkerProcessLeavesEveryInputOnce(t *testing.T) {
	t.Parallel()
	bin := binary(t) // skipped with -short: it runs real worker processes
	const n = 3000
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "listings"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeListings(t, filepath.Join(dir, "listings"), n)
	url := natsServer(t)
	workers := []*exec.Cmd{startWorkerProcess(t, bin, dir, url), startWorkerProcess(t, bin, dir, url)}

	out := filepath.Join(dir, "out.jsonl")
	scan := exec.Command(bin, "scan", "--nats", url, "--format", "jsonl", "--output", out, "listings")
	scan.Dir = dir
	if err := scan.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Minute); countLines(out) < n/3; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			scan.Process.Kill()
			t.Fatal("no progress")
		}
	}
	if err := workers[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killedAt := countLines(out)
	err := scan.Wait()
	if code := scan.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("scan exit code %d (%v), want 1 (findings)", code, err)
	}
	checkEveryInputOnce(t, out, n)
	t.Logf("worker killed after %d of %d results", killedAt, n)
}

// startWorkerProcess runs `xiaoer worker` with a short ack wait, killed at
// the end of the test if still running.
func startWorkerProcess(t *testing.T, bin, dir, url string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, "worker", "--nats", url, "--workers", "2", "--ack-wait", "2s")
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	return cmd
}

// Restarting serve (and the NATS server it embeds) in the middle of a job
// loses nothing: the job's tasks and results are in its JetStream files,
// and the worker and the submitting scan reconnect and carry on.
func TestServeRestartMidJobResumes(t *testing.T) {
	t.Parallel()
	bin := binary(t) // skipped with -short: it runs real processes
	const n = 2000
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "listings"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeListings(t, filepath.Join(dir, "listings"), n)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	natsAddr := l.Addr().String()
	l.Close()
	serveArgs := []string{"serve", "--addr", "127.0.0.1:0", "--nats-listen", natsAddr, "--data-dir", filepath.Join(dir, "nats")}
	serve := startServeProcess(t, bin, serveArgs)
	url := "nats://" + natsAddr
	startWorkerProcess(t, bin, dir, url)

	out := filepath.Join(dir, "out.jsonl")
	scan := exec.Command(bin, "scan", "--nats", url, "--format", "jsonl", "--output", out, "listings")
	scan.Dir = dir
	if err := scan.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { scan.Process.Kill() })
	for deadline := time.Now().Add(5 * time.Minute); countLines(out) < n/3; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("no progress")
		}
	}
	if err := serve.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	serve.Wait()
	stoppedAt := countLines(out)
	startServeProcess(t, bin, serveArgs)
	scan.Wait()
	if code := scan.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("scan exit code %d, want 1 (findings)", code)
	}
	checkEveryInputOnce(t, out, n)
	t.Logf("serve restarted after %d of %d results", stoppedAt, n)
}

// startServeProcess runs `xiaoer serve` and waits until it serves.
func startServeProcess(t *testing.T, bin string, args []string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		if strings.Contains(lines.Text(), "serving on ") {
			go io.Copy(io.Discard, stderr) // keep the pipe flowing
			return cmd
		}
	}
	t.Fatal("serve never said it serves")
	return nil
}
