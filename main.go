// Command xiaoer checks Chinese e-commerce listings and seller promises
// against advertising law, product standards and platform rules.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/cli"
	"github.com/xiaoer-dev/xiaoer/scanner/supervise"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

// main runs the commands in a supervised child process (see package
// supervise): a Go runtime fatal error there, which no recover catches,
// still exits with ExitInternal and never with the runtime's 2, which
// users read as "bad input". Help and the version run here.
func main() {
	// No command reads heap profiles, yet a dependency links the profiler
	// (nats-server, through OPA), so the runtime samples allocations and
	// walks the policy evaluator's deep stacks for each sample: 1-2 % of a
	// shipments run's CPU (issue 17).
	runtime.MemProfileRate = 0
	os.Exit(supervise.Run(supervise.Options{
		Needed:   !cli.PrintsOnly(os.Args),
		Internal: scanner.ExitInternal,
		Stderr:   os.Stderr,
		Env:      tokenizer.MallocEnv(),
	}, run))
}

// run recovers a panic that escaped the per-input recovery of the
// commands: it exits with ExitInternal, never the 2 of bad inputs (Go's
// own exit code for a panic).
func run() (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "xiaoer: internal error: %v\n%s", r, debug.Stack())
			code = scanner.ExitInternal
		}
	}()
	return cli.Run(os.Stdout, os.Stderr, os.Args)
}
