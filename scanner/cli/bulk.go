package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/fetch"
	"github.com/xiaoer-dev/xiaoer/scanner/progress"
)

// bulkFlags are scan's flags for bulk scans: URL lists, fetching, resuming
// and the progress bar.
func bulkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "urls", Usage: "also scan the item pages at these URLs (FILE: one URL a line, # comments; - for stdin)"},
		&cli.BoolFlag{Name: "fetch-desc", Usage: "also fetch each page's separately loaded description (Taobao/Tmall descUrl, JD's description)"},
		&cli.BoolFlag{Name: "allow-private", Usage: "allow fetching from private, loopback and link-local addresses (refused by default)"},
		&cli.DurationFlag{Name: "fetch-timeout", Value: fetch.DefaultTimeout, Usage: "time limit for one fetch attempt, body included"},
		&cli.IntFlag{Name: "fetch-retries", Value: fetch.DefaultRetries, Usage: "retries of a fetch that timed out or got a 5xx (with exponential backoff)"},
		&cli.Float64Flag{Name: "rate", Value: fetch.DefaultRatePerHost, Usage: "requests per second to any one host"},
		&cli.IntFlag{Name: "max-body", Value: fetch.DefaultMaxBytes >> 20, Usage: "largest page accepted, in MiB"},
		&cli.StringFlag{Name: "resume", Usage: "continue the --format jsonl run whose partial output is FILE: skip the inputs it holds, append the rest to it"},
		&cli.BoolFlag{Name: "no-progress", Usage: "no progress bar (it is drawn only when stderr is a terminal anyway)"},
	}
}

// urlWorkers is the default parallelism of scans that fetch: they wait on
// the network far more than they compute.
const urlWorkers = 16

// expandInputs is the scan's inputs: the paths (shop exports split into
// rows) and the --urls list.
func expandInputs(c *cli.Context, export listings.ExportOptions) ([]scanner.Input, error) {
	src := scanner.Sources{Paths: c.Args().Slice(), Stdin: c.App.Reader, FetchDesc: c.Bool("fetch-desc"), Export: export}
	if path := c.String("urls"); path != "" {
		urls, err := readURLFile(c, path)
		if err != nil {
			return nil, err
		}
		src.URLs = urls
		src.Fetcher = fetch.New(fetch.Options{
			Timeout:      c.Duration("fetch-timeout"),
			Retries:      retries(c.Int("fetch-retries")),
			MaxBytes:     int64(c.Int("max-body")) << 20,
			RatePerHost:  c.Float64("rate"),
			UserAgent:    fetch.UserAgent(binaryVersion()),
			AllowPrivate: c.Bool("allow-private"),
		})
	}
	return scanner.ExpandSources(src), nil
}

// retries maps --fetch-retries to fetch.Options.Retries, where 0 means
// the default and a negative number none.
func retries(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

func readURLFile(c *cli.Context, path string) ([]string, error) {
	var r io.Reader = c.App.Reader
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("--urls: %w", err)
		}
		defer f.Close()
		r = f
	}
	urls, err := scanner.ReadURLs(r)
	if err != nil {
		return nil, fmt.Errorf("--urls %s: %w", path, err)
	}
	return urls, nil
}

// hasInputs reports whether the command line names anything to scan.
func hasInputs(c *cli.Context) bool { return c.NArg() > 0 || c.String("urls") != "" }

// openOutput opens where the report goes. With --resume that is the
// partial JSONL file, cut back to its last complete input and opened for
// appending; the inputs it holds are dropped from inputs, and prior is the
// exit code its results call for under failOn.
func openOutput(c *cli.Context, failOn string, inputs []scanner.Input) (w io.Writer, closeOut func(), rest []scanner.Input, prior int, err error) {
	w, closeOut, state, prior, err := openResumable(c, failOn)
	if err != nil || state == nil {
		return w, closeOut, inputs, prior, err
	}
	path := c.String("resume")
	if rest, err = state.Remaining(inputs); err != nil {
		closeOut()
		return nil, nil, nil, 0, cli.Exit(fmt.Sprintf("--resume %s: %v", path, err), 2)
	}
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: resuming %s: %d of %d inputs done, %d to go\n", path, state.Inputs, len(inputs), len(rest))
	return w, closeOut, rest, prior, nil
}

// openResumable opens --output, or with --resume the partial JSONL file
// cut back to its last complete input (state then says what it holds).
func openResumable(c *cli.Context, failOn string) (w io.Writer, closeOut func(), state *scanner.Resume, prior int, err error) {
	path := c.String("resume")
	if path == "" {
		w, closeOut, err = output(c)
		return w, closeOut, nil, scanner.ExitClean, err
	}
	if err := checkResumeFlags(c, path); err != nil {
		return nil, nil, nil, 0, cli.Exit(err.Error(), 2)
	}
	tally := scanner.NewTally(failOn)
	state, f, err := scanner.OpenResume(path, tally)
	if err != nil {
		return nil, nil, nil, 0, cli.Exit(err.Error(), 2)
	}
	return f, func() { f.Close() }, state, tally.ExitCode(), nil
}

// checkResumeFlags: only a JSONL stream can be resumed, into itself.
func checkResumeFlags(c *cli.Context, path string) error {
	if c.String("format") != "jsonl" {
		return fmt.Errorf("--resume needs --format jsonl (got %s)", c.String("format"))
	}
	if o := c.String("output"); o != "" && filepath.Clean(o) != filepath.Clean(path) {
		return fmt.Errorf("--resume appends to %s: drop --output %s", path, o)
	}
	if c.String("write-baseline") != "" {
		return fmt.Errorf("--resume cannot write a baseline: the results of the earlier run are not re-judged")
	}
	return nil
}

// runInputs runs the scan for scanAndReport: results of a streaming report
// (jsonl) go out as each input finishes, others in input order; a progress
// bar counts inputs on stderr when it is a terminal.
func runInputs(c *cli.Context, s *scanner.Scanner, inputs []scanner.Input, streaming bool, emit func(scanner.Result) error) error {
	if s.Options.Workers <= 0 && c.String("urls") != "" {
		s.Options.Workers = urlWorkers
	}
	var bar *progress.Bar
	if !c.Bool("no-progress") {
		bar = progress.New(c.App.ErrWriter, len(inputs), "scan")
	}
	defer bar.Close()
	start := time.Now()
	err := s.RunStream(c.Context, inputs, scanner.StreamOptions{AsCompleted: streaming, InputDone: func(scanner.Input, int) { bar.Done() }}, emit)
	if err == nil && bar != nil {
		fmt.Fprintf(c.App.ErrWriter, "xiaoer: %d inputs in %s\n", len(inputs), time.Since(start).Round(time.Millisecond))
	}
	return err
}
