package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

func newPolicyCommand() *cli.Command {
	return &cli.Command{
		Name:  "policy",
		Usage: "work with policies: the embedded pack and your own",
		Subcommands: []*cli.Command{{
			Name:      "test",
			Usage:     "run the Rego tests of the embedded pack and of user policy directories",
			ArgsUsage: "[DIR...]",
			Description: "DIR defaults to the policies of .xiaoer.yaml (or --config). The config's data (unless --data)\n" +
				"and registered names apply, as in scan.",
			Flags: []cli.Flag{
				&cli.StringFlag{Name: "config", Aliases: []string{"c"}, Usage: "config file (default: " + config.FileName + " in the working directory, if present)"},
				&cli.StringSliceFlag{Name: "data", Usage: "JSON or YAML data file merged into the policy data (repeatable; default: the config's)"},
				&cli.StringFlag{Name: "run", Usage: "only tests whose name matches this regular expression"},
				&cli.BoolFlag{Name: "coverage", Usage: "report line coverage (of the user policies when there are any, else of the embedded pack)"},
				&cli.Float64Flag{Name: "threshold", Usage: "fail when coverage is below this percentage (implies --coverage)"},
				&cli.BoolFlag{Name: "verbose", Aliases: []string{"v"}, Usage: "list every test, not only failures"},
			},
			Action: runPolicyTest,
		}},
	}
}

// runPolicyTest exits 0 when every test passes (and coverage meets the
// threshold), 1 when not, 2 when the policies cannot be loaded.
func runPolicyTest(c *cli.Context) error {
	threshold := c.Float64("threshold")
	if threshold < 0 || threshold > 100 {
		return cli.Exit("--threshold: want a percentage between 0 and 100", 2)
	}
	opts, err := policyTests(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	rep, err := engine.RunPolicyTests(c.Context, opts)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	w := c.App.Writer
	printTestResults(w, rep.Results, c.Bool("verbose"))
	if opts.Coverage {
		printCoverage(w, rep)
	}
	switch {
	case len(rep.Results) == 0:
		return cli.Exit("policy test: no tests found (test rules are named test_*)", 1)
	case rep.Failed() > 0:
		return cli.Exit(fmt.Sprintf("policy test: %d of %d tests failed", rep.Failed(), len(rep.Results)), 1)
	case opts.Coverage && rep.Coverage < threshold:
		return cli.Exit(fmt.Sprintf("policy test: coverage %.1f%% is below the threshold %.1f%%", rep.Coverage, threshold), 1)
	}
	return nil
}

// policyTests is what to test: DIR, or the config's policies, with the
// --data files (or the config's) and the config's registered names, as
// scan runs them.
func policyTests(c *cli.Context) (engine.PolicyTests, error) {
	cfg, err := findConfig(c.String("config"))
	if err != nil {
		return engine.PolicyTests{}, err
	}
	dirs := c.Args().Slice()
	if len(dirs) == 0 {
		dirs = pickPaths(c, "policy", cfg, cfg.Policies) // no --policy flag here: always the config's
	}
	data, err := userBundles(nil, pickPaths(c, "data", cfg, cfg.Data), cfg, false)
	if err != nil {
		return engine.PolicyTests{}, err
	}
	return engine.PolicyTests{Dirs: dirs, Bundles: data, Filter: c.String("run"),
		Coverage: c.Bool("coverage") || c.IsSet("threshold")}, nil
}

func printTestResults(w io.Writer, results []*tester.Result, verbose bool) {
	passed := 0
	for _, r := range results {
		name := strings.TrimPrefix(r.Package, "data.") + "." + r.Name
		switch {
		case r.Error != nil:
			fmt.Fprintf(w, "ERROR %s (%s): %v\n", name, r.Location, r.Error)
		case r.Fail:
			fmt.Fprintf(w, "FAIL  %s (%s)\n", name, r.Location)
		default:
			passed++
			if verbose {
				fmt.Fprintf(w, "PASS  %s (%s)\n", name, r.Duration)
			}
		}
	}
	fmt.Fprintf(w, "%d/%d tests passed\n", passed, len(results))
}

func printCoverage(w io.Writer, rep *engine.PolicyTestReport) {
	for _, f := range rep.Files {
		line := fmt.Sprintf("coverage %5.1f%%  %s", f.Percent, f.File)
		if len(f.NotCovered) > 0 {
			line += "  (not covered: " + strings.Join(f.NotCovered, ", ") + ")"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "coverage %.1f%% over %d files\n", rep.Coverage, len(rep.Files))
}
