//go:build unix

package supervise

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"
)

// forwarded are the signals the parent catches and passes on: it must
// outlive the child to say how the child ended. Ctrl-C reaches both
// through the process group; a kill sent to the parent alone reaches the
// child through it.
var forwarded = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// supervise runs this binary again as a child with the same arguments,
// environment and standard files, forwards signals to it, and returns the
// exit code it reported, or what its end means when it reported none. An
// error means no child ran.
func supervise(o Options) (int, error) {
	// The binary's own path, not /proc/self/exe: ps, top and pkill know
	// the child by the file's name.
	path, err := os.Executable()
	if err != nil {
		return 0, fmt.Errorf("find this binary: %w", err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		return 0, fmt.Errorf("create report pipe: %w", err)
	}
	defer r.Close()
	sigs := make(chan os.Signal, len(forwarded))
	if catch := catchable(); len(catch) > 0 { // none would mean all
		signal.Notify(sigs, catch...)
		defer signal.Stop(sigs)
	}
	// The child's death signal (Linux) fires when the thread that started
	// it ends: keep this goroutine on that thread until the process exits.
	runtime.LockOSThread()
	cmd := childCmd(path, w, o.Env)
	err = cmd.Start()
	w.Close()
	if err != nil {
		runtime.UnlockOSThread()
		return 0, fmt.Errorf("start %s: %w", path, err)
	}
	state, got := wait(cmd, sigs)
	return verdict(state, readReport(r), got, o), nil
}

// childCmd runs the binary at path again with the same arguments and
// standard files, the environment with env added, and report as the pipe
// ChildEnv names (descriptor 3, the first extra file).
func childCmd(path string, report *os.File, env []string) *exec.Cmd {
	environ := append(append(os.Environ(), env...), ChildEnv+"=3")
	return &exec.Cmd{Path: path, Args: os.Args, Env: environ,
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		ExtraFiles: []*os.File{report}, SysProcAttr: childAttr()}
}

// catchable leaves out the signals this process was started ignoring
// (nohup, a background job): catching them would stop ignoring them, and
// the child inherits the ignoring anyway.
func catchable() []os.Signal {
	var sigs []os.Signal
	for _, s := range forwarded {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	return sigs
}

// wait passes every caught signal on to the child until it ends, and
// returns its state and the last signal passed on.
func wait(cmd *exec.Cmd, sigs <-chan os.Signal) (*os.ProcessState, os.Signal) {
	done := make(chan struct{})
	go func() {
		cmd.Wait() // a non-zero exit is an error here; the state says it all
		close(done)
	}()
	var got os.Signal
	for {
		select {
		case s := <-sigs:
			got = s
			cmd.Process.Signal(s) // fails only when the child is gone, and then there is no one to tell
		case <-done:
			return cmd.ProcessState, got
		}
	}
}

// readReport reads the child's report. The write end is closed in this
// process and on exec in the child, so the read ends at once; the deadline
// is for a pipe leaked anyway.
func readReport(r *os.File) []byte {
	r.SetReadDeadline(time.Now().Add(time.Second))
	b, _ := io.ReadAll(io.LimitReader(r, 64))
	return b
}

// verdict turns how the child ended into the parent's exit code.
func verdict(state *os.ProcessState, report []byte, got os.Signal, o Options) int {
	if code, ok := parseReport(report); ok {
		return code
	}
	ws, _ := state.Sys().(syscall.WaitStatus)
	switch {
	case ws.Signaled() && stops(ws.Signal()):
		return reraise(ws.Signal())
	case got == syscall.SIGQUIT: // the child printed its goroutines, as Ctrl-\ asks
		return 128 + int(syscall.SIGQUIT)
	}
	fmt.Fprintf(o.Stderr, "xiaoer: internal error: the scan process crashed (%s); this is a bug, please report it\n", state)
	return o.Internal
}

// stops tells the signals that stop a run without anything being wrong
// with it: a user's Ctrl-C, a service manager's TERM, a closed terminal,
// a reader that went away (`xiaoer scan ... | head`).
func stops(sig syscall.Signal) bool {
	switch sig {
	case syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE:
		return true
	}
	return false
}

// reraise ends the parent by the signal that ended the child, so its own
// parent sees what it would have seen without a supervisor (a shell loop
// stops on Ctrl-C only when the process died of SIGINT); where the signal
// does not end this process, the shell's code for it, 128 + the signal.
// Go ignores a SIGPIPE sent by kill, so that one is not sent.
func reraise(sig syscall.Signal) int {
	if sig == syscall.SIGPIPE {
		return 128 + int(sig)
	}
	signal.Reset(sig)
	syscall.Kill(syscall.Getpid(), sig)
	time.Sleep(100 * time.Millisecond) // the signal lands on another thread
	return 128 + int(sig)
}
