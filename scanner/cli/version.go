package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/open-policy-agent/opa/v1/version"
	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// Version is the binary's version, set at build time with
// -ldflags "-X github.com/xiaoer-dev/xiaoer/scanner/cli.Version=v1.2.3".
var Version = ""

func binaryVersion() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}

func versionString() string {
	return fmt.Sprintf("%s (policies %s, OPA %s)", binaryVersion(), policies.Revision(), version.Version)
}

func newVersionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the binary version, the policy revision and the OPA version",
		Action: func(c *cli.Context) error {
			w := c.App.Writer
			fmt.Fprintf(w, "xiaoer %s\n", binaryVersion())
			fmt.Fprintf(w, "policies %s\n", policies.Revision())
			fmt.Fprintf(w, "opa %s\n", version.Version)
			return nil
		},
	}
}
