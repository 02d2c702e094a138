package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"sync"

	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

func newScanCommand() *cli.Command {
	return &cli.Command{
		Name:      "scan",
		Usage:     "scan listing pages and listing files (files, directories, - for stdin)",
		ArgsUsage: "PATH...",
		Flags:     slices.Concat(scanFlags(), bulkFlags(), natsScanFlags()), // --urls, --resume, progress: bulk.go; --nats: scan_nats.go
		Action:    runScan,
	}
}

// scanFlags are scan's flags; settings.go reads them together with
// .xiaoer.yaml (flags win).
func scanFlags() []cli.Flag {
	flags := []cli.Flag{
		&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "output format: " + fmt.Sprint(report.Formats())},
		&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write the report to this file instead of stdout"},
		&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on open findings at or above: error, warning, info, never"},
		&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "parallel workers (default: number of CPUs)"},
		&cli.StringSliceFlag{Name: "rule", Usage: "only report these rule ids (repeatable)"},
		&cli.BoolFlag{Name: "no-color", Usage: "no ANSI colour in text output"},
		&cli.StringFlag{Name: "baseline", Usage: "accepted findings (from --write-baseline): they are shown as suppressed and do not fail the run"},
		&cli.StringFlag{Name: "write-baseline", Usage: "record every open finding in this baseline file (the run then passes)"},
		&cli.StringFlag{Name: "changed-since", Usage: "scan only listing files changed since this git revision (merge base with HEAD), plus untracked ones"},
		nowFlag,
		shipmentsFlag,
	}
	return append(flags, settingsFlags()...)
}

// settingsFlags are the flags that override .xiaoer.yaml, shared by every
// command that judges listings as the team configured them (scan, audit).
func settingsFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config file (default: " + config.FileName + " in the working directory, if present)"},
		&cli.StringFlag{Name: "platform", Usage: "platform of listings that do not name theirs: taobao, tmall, jd, pdd, douyin"},
		&cli.StringSliceFlag{Name: "policy", Usage: "directory of user policies (Rego and data) beside the embedded pack (repeatable)"},
		&cli.StringSliceFlag{Name: "data", Usage: "JSON or YAML data file merged into the policy data (repeatable)"},
		&cli.DurationFlag{Name: "eval-timeout", Value: engine.DefaultEvalTimeout, Usage: "time limit for evaluating one listing"},
		&cli.StringSliceFlag{Name: "columns", Usage: "shop-export columns to read as fields, HEADER=FIELD (零售价=price,详情描述=description); over .xiaoer.yaml's columns:"},
	}
}

func runScan(c *cli.Context) error {
	if c.String("nats") != "" {
		return runScanNATS(c) // spread over workers
	}
	if !hasInputs(c) { // --urls alone is enough
		return cli.Exit("scan: give at least one PATH (a file, a directory, or - for stdin) or --urls FILE", 2)
	}
	set, err := loadSettings(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	inputs, err := selectInputs(c, set)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	inputs = sortInputs(c, set, inputs) // orders and tracking go to set.shipments
	// Reading ahead and building the engine allocate as judging listings
	// does: under the collector's defaults they took eight collections.
	restoreGC := sync.OnceFunc(tuneGCForListings())
	defer restoreGC()
	stopPrefetch, startPregate, stopPregate := func() {}, func(*engine.Engine) {}, func() {}
	if c.String("resume") == "" { // a resumed run skips inputs: read none ahead
		// both on the core start-up leaves idle
		stopPrefetch = scanner.Prefetch(inputs)
		startPregate, stopPregate = scanner.Pregate(inputs, set.platform)
	}
	checker, err := newScanChecker(c, set, startPregate)
	stopPrefetch()
	stopPregate()
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	out, closeOut, inputs, prior, err := openOutput(c, set.failOn, inputs) // --resume
	if err != nil {
		return err
	}
	defer closeOut()
	rep, err := report.Get(c.String("format"), report.Options{Color: wantColor(c, out)})
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	code, err := scanAndReport(c, set, checker, inputs, rep, out, restoreGC)
	if err != nil {
		return err
	}
	if err := finishBaseline(c, set); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	return exitFor(max(code, prior))
}

// scanAndReport runs the scan and writes the report: each result as it
// comes for a streaming reporter, the whole report at the end otherwise.
// restoreGC ends the collector's listing settings (tuneGCForListings) once
// the listings are judged. It returns the exit code the results call for.
func scanAndReport(c *cli.Context, set *scanSettings, checker *scanner.Checker, inputs []scanner.Input, rep report.Reporter, out io.Writer, restoreGC func()) (int, error) {
	r := newReport(checker.Engine)
	r.Summary.Inputs = len(inputs)
	stream, streaming := rep.(report.Streamer)
	if streaming {
		if err := stream.Start(out, r); err != nil {
			return 0, fmt.Errorf("write report: %w", err)
		}
	}
	code := scanner.ExitClean
	s := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: c.Int("workers"), Rules: c.StringSlice("rule"), Platform: set.platform}}
	emit := func(res scanner.Result) error {
		set.judge(&res)
		r.Summary.Add(res)
		code = max(code, scanner.ExitCode([]scanner.Result{res}, set.failOn))
		if streaming {
			return stream.Add(res)
		}
		r.Results = append(r.Results, res)
		return nil
	}
	err := runInputs(c, s, inputs, streaming, emit) // progress, jsonl as completed
	restoreGC()
	if err == nil {
		err = scanShipments(c, set.shipments, checker, &r.Summary, emit)
	}
	if err != nil {
		return 0, err
	}
	if streaming {
		err = stream.Finish(r.Summary)
	} else {
		err = rep.Report(out, r)
	}
	if err != nil {
		return 0, fmt.Errorf("write report: %w", err)
	}
	return code, nil
}

func tool(checker *scanner.Checker) report.Tool { return engineTool(checker.Engine) }

func engineTool(eng *engine.Engine) report.Tool {
	return report.Tool{Name: "xiaoer", Version: binaryVersion(), PolicyRevision: eng.Revision(), OPAVersion: opaVersion()}
}

// newReport is an empty report on eng's rules, for local and queued scans alike.
func newReport(eng *engine.Engine) *report.Report {
	return &report.Report{Version: report.Version, Tool: engineTool(eng), Summary: scanner.NewSummary(), Rules: eng.Rules()}
}

func exitFor(code int) error {
	switch code {
	case scanner.ExitError:
		return cli.Exit("some inputs could not be scanned or fully judged (see their errors and rule failures above)", scanner.ExitError)
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
