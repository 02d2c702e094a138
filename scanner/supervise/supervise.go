// Package supervise runs xiaoer's work in a child process of the same
// binary, so that a crash Go cannot recover from still ends with the
// internal-error code and one clear line. A Go runtime fatal error (out of
// memory, concurrent map writes, a stack overflow, a SIGSEGV in gojieba's
// C++) ends the process with exit status 2 whatever our code does, and 2
// means "bad input" to xiaoer's users; only a parent that outlives the
// crash can tell the two apart.
//
// The child is marked by ChildEnv, which names an inherited pipe: the child
// writes its exit code there just before it exits. A child that ends
// without writing it crashed. The child shares the parent's stdin, stdout
// and stderr (the same files, not copies), so terminal detection, pipes and
// streaming behave as in one process. XIAOER_NO_SUPERVISOR=1 runs the work
// in the one process (for a debugger or a core dump).
//
// XIAOER_TEST_CRASH, honoured only in a child, crashes it on purpose for the
// end-to-end tests: "map" (concurrent map writes), "stack" (a stack
// overflow), "kill" (SIGKILL, as the kernel's out-of-memory killer does).
package supervise

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

const (
	// ChildEnv marks the child and holds the descriptor of its report pipe.
	ChildEnv = "XIAOER_SUPERVISED_REPORT_FD"
	// OptOutEnv, set to anything but "" or "0", runs without a child.
	OptOutEnv = "XIAOER_NO_SUPERVISOR"
	// crashEnv makes a child crash for the tests (see the package comment).
	crashEnv = "XIAOER_TEST_CRASH"
)

// Options say how Run supervises.
type Options struct {
	// Needed is false for work that cannot crash and should not pay for a
	// second process (help, the version).
	Needed bool
	// Internal is the exit code of a child that crashed.
	Internal int
	// Stderr receives the line that says the child crashed.
	Stderr io.Writer
	// Env is added to the child's environment: settings that only count
	// as a process starts (glibc's malloc tunables).
	Env []string
}

// Run runs work and returns the code the process should exit with: in a
// child, work's code, reported to the parent first; in a parent, the code
// the child reported, or o.Internal when it crashed. When supervision is
// not needed, is switched off, or the child cannot be started, work runs
// here. Only main calls Run: in a test binary the child would run the tests.
func Run(o Options, work func() int) int {
	if report, ok := childReport(); ok {
		crashForTest(os.Getenv(crashEnv))
		code := work()
		fmt.Fprintf(report, "exit %d\n", code)
		report.Close()
		return code
	}
	if !o.Needed || optedOut() {
		return work()
	}
	code, err := supervise(o)
	if err != nil { // no child: the work is still worth doing here
		return work()
	}
	return code
}

func optedOut() bool {
	v := os.Getenv(OptOutEnv)
	return v != "" && v != "0"
}

// parseReport reads the child's "exit N" line.
func parseReport(b []byte) (int, bool) {
	s, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "exit ")
	if !ok {
		return 0, false
	}
	code, err := strconv.Atoi(s)
	return code, err == nil && code >= 0 && code <= 255
}
