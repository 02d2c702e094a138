// Command xiaoer checks Chinese e-commerce listings and seller promises
// against advertising law, product standards and platform rules.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/cli"
)

func main() {
	os.Exit(run())
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
