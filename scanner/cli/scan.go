package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

func newScanCommand() *cli.Command {
	return &cli.Command{
		Name:      "scan",
		Usage:     "scan listing pages and listing files (files, directories, - for stdin)",
		ArgsUsage: "PATH...",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + fmt.Sprint(report.Formats())},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to this file instead of stdout"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above: error, warning, info, never"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "parallel workers (default: number of CPUs)"},
			&cli.StringSliceFlag{Name: "rule", Usage: "only report these rule ids (repeatable)"},
			&cli.BoolFlag{Name: "no-color", Usage: "no ANSI colour in text output"},
			nowFlag,
		},
		Action: runScan,
	}
}

func runScan(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("scan: give at least one PATH (a file, a directory, or - for stdin)", 2)
	}
	failOn := c.String("fail-on")
	if failOn != "never" && scanner.SeverityRank(failOn) == 0 {
		return cli.Exit(fmt.Sprintf("--fail-on %q: want error, warning, info or never", failOn), 2)
	}
	out, closeOut, err := output(c)
	if err != nil {
		return err
	}
	defer closeOut()
	rep, err := report.Get(c.String("format"), report.Options{Color: wantColor(c, out)})
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	checker, err := newChecker(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	inputs := scanner.ExpandPaths(c.Args().Slice(), c.App.Reader)
	r, err := collect(c, checker, inputs)
	if err != nil {
		return err
	}
	if err := rep.Report(out, r); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return exitFor(r.Results, failOn)
}

// collect runs the scan and gathers the report.
func collect(c *cli.Context, checker *scanner.Checker, inputs []scanner.Input) (*report.Report, error) {
	s := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: c.Int("workers"), Rules: c.StringSlice("rule")}}
	r := &report.Report{Version: report.Version, Tool: tool(checker), Summary: scanner.NewSummary(), Rules: checker.Engine.Rules()}
	r.Summary.Inputs = len(inputs)
	err := s.Run(c.Context, inputs, func(res scanner.Result) error {
		r.Summary.Add(res)
		r.Results = append(r.Results, res)
		return nil
	})
	return r, err
}

func tool(checker *scanner.Checker) report.Tool {
	return report.Tool{Name: "xiaoer", Version: binaryVersion(), PolicyRevision: checker.Engine.Revision(), OPAVersion: opaVersion()}
}

func exitFor(results []scanner.Result, failOn string) error {
	switch scanner.ExitCode(results, failOn) {
	case scanner.ExitError:
		return cli.Exit("some inputs could not be scanned (see their errors above)", scanner.ExitError)
	case scanner.ExitFindings:
		return cli.Exit("", scanner.ExitFindings)
	}
	return nil
}

// output opens --output, or returns stdout.
func output(c *cli.Context) (io.Writer, func(), error) {
	path := c.String("output")
	if path == "" {
		return c.App.Writer, func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, cli.Exit(fmt.Sprintf("--output: %v", err), 2)
	}
	return f, func() { f.Close() }, nil
}

// wantColor colours text output only on a terminal, and never with
// --no-color or NO_COLOR.
func wantColor(c *cli.Context, w io.Writer) bool {
	if c.Bool("no-color") || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
