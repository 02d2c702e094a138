package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestRuntimeFatalErrorExitsInternal: a Go runtime fatal error (no recover
// can catch it) or a kill in the scan process ends the run with exit 3 and
// one line saying so after the runtime's own report, never with the
// runtime's exit status 2, which means bad input.
func TestRuntimeFatalErrorExitsInternal(t *testing.T) {
	t.Parallel()
	listing := filepath.Join(fixturesDir(t), "listings", "spring-collection.yaml")
	for _, tc := range []struct{ mode, runtime, status string }{
		{"map", "fatal error: concurrent map writes", "(exit status 2)"},
		{"stack", "goroutine stack exceeds 1048576-byte limit", "(exit status 2)"},
		{"kill", "", "(signal: killed)"},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			t.Parallel()
			r := runHostileEnv(t, t.TempDir(), []string{"XIAOER_TEST_CRASH=" + tc.mode}, "scan", "--fail-on", "never", listing)
			stdout, stderr, code := r.stdout, r.stderr, r.code
			if code != 3 {
				t.Errorf("exit %d, want 3 (internal error)", code)
			}
			if !strings.Contains(stderr, tc.runtime) {
				t.Errorf("stderr lacks the runtime's %q:\n%.2000s", tc.runtime, stderr)
			}
			last := lastLine(stderr)
			want := "xiaoer: internal error: the scan process crashed " + tc.status + "; this is a bug, please report it"
			if last != want {
				t.Errorf("last line of stderr = %q, want %q", last, want)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing (the scan crashed before it reported)", stdout)
			}
		})
	}
}

// TestSupervisedExitCodesPassThrough: the parent exits with the code the
// scan reported: 0 clean, 1 findings, 2 an unreadable input. The crash
// trigger is honoured only in a supervised child: without one (the opt-out,
// or `version`, which runs unsupervised) it changes nothing.
func TestSupervisedExitCodesPassThrough(t *testing.T) {
	t.Parallel()
	listing := filepath.Join(fixturesDir(t), "listings", "spring-collection.yaml")
	for _, tc := range []struct {
		name string
		env  []string
		args []string
		want int
	}{
		{"clean", nil, []string{"scan", "--fail-on", "never", listing}, 0},
		{"findings", nil, []string{"scan", listing}, 1},
		{"unreadable input", nil, []string{"scan", listing, "missing.yaml"}, 2},
		{"usage error", nil, []string{"scan", "--format", "nope", listing}, 2},
		{"opted out", []string{"XIAOER_NO_SUPERVISOR=1", "XIAOER_TEST_CRASH=map"}, []string{"scan", listing}, 1},
		{"version", []string{"XIAOER_TEST_CRASH=map"}, []string{"version"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := runHostileEnv(t, t.TempDir(), tc.env, tc.args...)
			if r.code != tc.want || strings.Contains(r.stderr, "internal error") {
				t.Errorf("exit %d, want %d\nstderr: %s", r.code, tc.want, r.stderr)
			}
			if tc.want == 1 && !strings.Contains(r.stdout, "material-fiber") {
				t.Errorf("no finding on stdout:\n%s", r.stdout)
			}
		})
	}
}

// TestSIGTERMToTheParentStopsTheScan: a scan waiting on stdin is stopped by
// SIGTERM sent to the process the user started; the scan process goes too,
// and the run ends as a terminated process does (143 in a shell), not as a
// crash.
func TestSIGTERMToTheParentStopsTheScan(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t), "scan", "-")
	cmd.Dir = t.TempDir()
	stdin, err := cmd.StdinPipe() // kept open: the scan waits for its input
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	child := waitForChild(t, cmd.Process.Pid)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitWithin(t, cmd, 20*time.Second)
	if !endedBy(cmd.ProcessState, syscall.SIGTERM) {
		t.Errorf("ended with %v, want SIGTERM's (killed by it, or exit 143)", cmd.ProcessState)
	}
	if strings.Contains(stderr.String(), "internal error") {
		t.Errorf("a stop reported as a crash: %s", stderr.String())
	}
	if _, err := os.Stat("/proc/" + strconv.Itoa(child)); err == nil {
		t.Errorf("the scan process %d outlived its parent", child)
	}
}

// TestClosedOutputPipeIsNotACrash: `xiaoer scan ... | head` ends the scan
// with SIGPIPE when head is gone; that is how such a pipeline ends, not a
// bug to report.
func TestClosedOutputPipeIsNotACrash(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary(t), "scan", "--format", "json", fixturesDir(t))
	cmd.Dir = t.TempDir()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // no reader: the first write breaks the pipe
	cmd.Stdout = w
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { cmd.Process.Kill() })
	waitWithin(t, cmd, 2*time.Minute)
	if !endedBy(cmd.ProcessState, syscall.SIGPIPE) || strings.Contains(stderr.String(), "internal error") {
		t.Errorf("ended with %v, want SIGPIPE's (killed by it, or exit 141)\nstderr: %s", cmd.ProcessState, stderr.String())
	}
}

// waitForChild returns the pid of the supervised child of pid, from the
// children lists of its threads (any of them may have started it).
func waitForChild(t *testing.T, pid int) int {
	t.Helper()
	pattern := "/proc/" + strconv.Itoa(pid) + "/task/*/children"
	if files, _ := filepath.Glob(pattern); len(files) == 0 {
		t.Skipf("cannot list the children of a process here: no %s", pattern)
	}
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		files, _ := filepath.Glob(pattern) // threads come and go
		for _, file := range files {
			b, _ := os.ReadFile(file) // a thread that ended has no list: the others do
			if f := strings.Fields(string(b)); len(f) > 0 {
				child, _ := strconv.Atoi(f[0])
				return child
			}
		}
	}
	t.Fatal("no child process within 30s")
	return 0
}

func waitWithin(t *testing.T, cmd *exec.Cmd, limit time.Duration) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("still running after %s", limit)
	}
}

// endedBy: killed by sig, or exited with the shell's code for it.
func endedBy(state *os.ProcessState, sig syscall.Signal) bool {
	ws := state.Sys().(syscall.WaitStatus)
	return ws.Signaled() && ws.Signal() == sig || ws.Exited() && ws.ExitStatus() == 128+int(sig)
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}
