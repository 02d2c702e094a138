package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/dist"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/progress"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

// natsScanFlags are scan's flags for distributed scans.
func natsScanFlags() []cli.Flag {
	return []cli.Flag{
		natsFlag(),
		natsTokenFlag(),
		replicasFlag(),
		&cli.StringFlag{Name: "job", Usage: "with --nats: reattach to this job (running or finished) instead of submitting one"},
		&cli.DurationFlag{Name: "submit-timeout", Value: dist.DefaultStaleSubmit, Usage: "with --job: give up on a job still being submitted once its submitter shows no progress for this long"},
	}
}

// runScanNATS submits the scan as one job to the queue (or reattaches to
// one) and reports its results as they arrive, as a local scan would.
func runScanNATS(c *cli.Context) error {
	if !hasInputs(c) && c.String("job") == "" {
		return cli.Exit("scan --nats: give PATHs, --urls FILE, or --job ID", 2)
	}
	if err := checkNATSFlags(c); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	set, err := loadSettings(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	eng, err := newScanEngine(c, set) // the catalogue and revision for the report; checks the policies load
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	q, err := dist.Connect(c.Context, c.String("nats"), c.String("nats-token"), "xiaoer scan", c.Int("nats-replicas"))
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	defer q.Close()
	q.StaleSubmit = c.Duration("submit-timeout")
	id := c.String("job")
	if id == "" {
		if id, err = submitScan(c, set, q); err != nil {
			return cli.Exit(err.Error(), 2)
		}
	}
	return reportJob(c, set, eng, q, id)
}

func checkNATSFlags(c *cli.Context) error {
	switch {
	case len(c.StringSlice("shipments")) > 0:
		return fmt.Errorf("--shipments is not distributed: scan orders without --nats")
	case c.String("resume") != "" && c.String("job") == "":
		return fmt.Errorf("--resume with --nats needs --job ID (the id scan printed when it submitted the job)")
	case c.String("job") != "" && hasInputs(c):
		return fmt.Errorf("--job reattaches to a job that has its inputs: drop the PATHs and --urls")
	}
	return nil
}

// newScanEngine compiles the policies as newScanChecker does, without the
// tokenizer: the submitter judges nothing.
func newScanEngine(c *cli.Context, s *scanSettings) (*engine.Engine, error) {
	bundles, err := userBundles(s.policies, s.data, s.cfg, false)
	if err != nil {
		return nil, err
	}
	return engine.New(c.Context, engine.Options{Bundles: bundles, Timeout: c.Duration("eval-timeout")})
}

// submitScan plans the scan's inputs as tasks and submits them as one job.
func submitScan(c *cli.Context, set *scanSettings, q *dist.Queue) (string, error) {
	inputs, err := keepSelected(c, set, scanner.ExpandPaths(c.Args().Slice(), c.App.Reader))
	if err != nil {
		return "", err
	}
	var urls []string
	if path := c.String("urls"); path != "" {
		if urls, err = readURLFile(c, path); err != nil {
			return "", err
		}
	}
	job := &dist.Job{Sources: len(inputs) + len(urls), Rules: c.StringSlice("rule"), Platform: set.platform, Now: c.String("now"), Columns: set.export.Columns, Fetch: dist.FetchSpec{
		AllowPrivate: c.Bool("allow-private"), Desc: c.Bool("fetch-desc"), Timeout: c.Duration("fetch-timeout"),
		Retries: retries(c.Int("fetch-retries")), RatePerHost: c.Float64("rate"), MaxBytes: int64(c.Int("max-body")) << 20,
	}}
	if _, err := clock(c); err != nil {
		return "", err
	}
	err = q.Submit(c.Context, job, func(p *dist.Planner) error {
		for _, in := range inputs {
			if err := p.AddInput(c.Context, in); err != nil {
				return err
			}
		}
		for _, u := range urls {
			if err := p.AddURL(c.Context, u); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: job %s: %d inputs in %d tasks (reattach with --job %s)\n", job.ID, job.Inputs, job.Tasks, job.ID)
	return job.ID, nil
}

// reportJob writes the job's results in the chosen format as they arrive
// and returns the exit code they call for.
func reportJob(c *cli.Context, set *scanSettings, eng *engine.Engine, q *dist.Queue, id string) error {
	out, closeOut, held, prior, err := openJobOutput(c, set.failOn)
	if err != nil {
		return err
	}
	defer closeOut()
	rep, err := report.Get(c.String("format"), report.Options{Color: wantColor(c, out)})
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	r := newReport(eng)
	jr := &jobReport{c: c, set: set, r: r, held: held, code: prior}
	if stream, ok := rep.(report.Streamer); ok {
		jr.stream = stream
		if err := stream.Start(out, r); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	if err := jr.collect(q, id); err != nil {
		return err
	}
	if err := jr.finish(rep, out); err != nil {
		return err
	}
	if err := finishBaseline(c, set); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	return exitFor(jr.code)
}

// jobReport gathers a job's results into the report.
type jobReport struct {
	c      *cli.Context
	set    *scanSettings
	r      *report.Report
	stream report.Streamer
	held   func(int) bool // inputs a resumed output already holds
	code   int
	bar    *progress.Bar
	done   int // inputs in
}

func (jr *jobReport) collect(q *dist.Queue, id string) error {
	start := time.Now()
	defer func() { jr.bar.Close() }()
	job, err := q.Collect(jr.c.Context, id, func(job *dist.Job, g dist.Group) error {
		jr.progress(job, g.Inputs)
		return jr.add(g)
	})
	if errors.Is(err, dist.ErrUnsubmitted) {
		return cli.Exit(err.Error(), 2) // it names the job
	}
	if err != nil {
		return cli.Exit(fmt.Sprintf("job %s: %v", id, err), 2)
	}
	jr.r.Summary.Inputs = job.Inputs
	if jr.bar != nil {
		fmt.Fprintf(jr.c.App.ErrWriter, "xiaoer: job %s: %d inputs in %s\n", id, job.Inputs, time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// progress counts inputs in on the bar, drawn once the job's size is known.
func (jr *jobReport) progress(job *dist.Job, inputs int) {
	jr.done += inputs
	if jr.bar == nil && job.Sealed && !jr.c.Bool("no-progress") {
		jr.bar = progress.New(jr.c.App.ErrWriter, job.Inputs, "scan")
		inputs = jr.done
	}
	for range inputs {
		jr.bar.Done()
	}
}

// add judges a group's results against the baseline and exceptions, as a
// local scan does, and writes or keeps them.
func (jr *jobReport) add(g dist.Group) error {
	for _, res := range g.Results {
		if jr.held(res.Input) { // a run of export rows may be partly in a resumed file
			continue
		}
		jr.set.judge(&res)
		jr.r.Summary.Add(res)
		jr.code = max(jr.code, scanner.ExitCode([]scanner.Result{res}, jr.set.failOn))
		if jr.stream != nil {
			if err := jr.stream.Add(res); err != nil {
				return fmt.Errorf("write report: %w", err)
			}
			continue
		}
		jr.r.Results = append(jr.r.Results, res)
	}
	return nil
}

// finish writes the whole report, in input order as a local scan's, or
// ends the stream.
func (jr *jobReport) finish(rep report.Reporter, out io.Writer) error {
	var err error
	if jr.stream != nil {
		err = jr.stream.Finish(jr.r.Summary)
	} else {
		slices.SortStableFunc(jr.r.Results, func(a, b scanner.Result) int { return a.Input - b.Input })
		err = rep.Report(out, jr.r)
	}
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return nil
}

// openJobOutput opens where the report goes; with --resume, the partial
// JSONL file, cut back to its last whole input, whose inputs are then not
// written again.
func openJobOutput(c *cli.Context, failOn string) (io.Writer, func(), func(int) bool, int, error) {
	w, closeOut, state, prior, err := openResumable(c, failOn)
	if err != nil || state == nil {
		return w, closeOut, func(int) bool { return false }, prior, err
	}
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: resuming %s: %d inputs done\n", c.String("resume"), state.Inputs)
	return w, closeOut, state.Holds, prior, nil
}
