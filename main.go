// Command xiaoer checks Chinese e-commerce listings and seller promises
// against advertising law, product standards and platform rules.
package main

import (
	"os"

	"github.com/xiaoer-dev/xiaoer/scanner/cli"
)

func main() {
	os.Exit(cli.Run(os.Stdout, os.Stderr, os.Args))
}
