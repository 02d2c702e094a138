// Package cli builds xiaoer's command-line interface (urfave/cli/v2): one
// constructor per command, each in its own file. main.go only runs the app
// and exits with the code it returns; nothing below main calls os.Exit.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/urfave/cli/v2"
)

// Run runs xiaoer with argv (program name first) and returns the exit code:
// main's only call. Flags may come before or after a command's paths.
func Run(stdout, stderr io.Writer, argv []string) int {
	app := NewApp(stdout, stderr)
	return ExitCode(app.Run(interspersed(app.Commands, argv)), stderr)
}

// NewApp returns the xiaoer application writing to stdout and stderr. Its
// Run takes flags only before paths; Run (the function) takes them anywhere.
func NewApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:      "xiaoer",
		Usage:     "policy-as-code compliance checker for Chinese e-commerce listings and seller promises",
		Version:   versionString(),
		Writer:    stdout,
		ErrWriter: stderr,
		Commands: []*cli.Command{
			newScanCommand(),
			newShipmentsCommand(),
			newAuditCommand(),
			newExtractCommand(),
			newRulesCommand(),
			newExplainCommand(),
			newPolicyCommand(),
			newWorkerCommand(),
			newServeCommand(),
			newVersionCommand(),
		},
		// Exit codes are decided by ExitCode in main, never by the library.
		ExitErrHandler:  func(*cli.Context, error) {},
		HideHelpCommand: true,
		Action:          unknownCommand,
		OnUsageError:    onUsageError,
	}
	setUsageErrors(app.Commands)
	return app
}

// ExitCode maps the error App.Run returned to the process exit code and
// prints it: commands return cli.Exit(...) for findings (1) and unreadable
// inputs (2); any other error is a usage or runtime error (2).
func ExitCode(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var coder cli.ExitCoder
	if errors.As(err, &coder) {
		if msg := coder.Error(); msg != "" {
			fmt.Fprintln(stderr, "xiaoer:", msg)
		}
		return coder.ExitCode()
	}
	fmt.Fprintln(stderr, "xiaoer:", err)
	return 2
}
