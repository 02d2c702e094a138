// Command xiaoer checks Chinese e-commerce listings and seller promises
// against advertising law, product standards and platform rules.
package main

import (
	"os"

	"github.com/xiaoer-dev/xiaoer/scanner/cli"
)

func main() {
	err := cli.NewApp(os.Stdout, os.Stderr).Run(os.Args)
	os.Exit(cli.ExitCode(err, os.Stderr))
}
