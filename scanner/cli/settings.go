package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"strings"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/policies"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// scanSettings is what a scan runs with: .xiaoer.yaml, overridden by flags.
type scanSettings struct {
	cfg      *config.Config
	failOn   string
	platform string
	policies []string // directories, relative to the working directory
	data     []string // files, relative to the working directory
	gate     *scanner.Gate
	writer   *scanner.BaselineWriter // nil unless --write-baseline
	export   listings.ExportOptions  // shop-export column map: config, then --columns
	// shipments are the orders and tracking files judged with the
	// listings: --shipments, and those the scanned directories hold.
	shipments []string
}

// loadSettings reads the config (if any) and lets flags override it.
func loadSettings(c *cli.Context) (*scanSettings, error) {
	cfg, err := findConfig(c.String("config"))
	if err != nil {
		return nil, err
	}
	set := &scanSettings{cfg: cfg,
		failOn:   pick(c, "fail-on", cfg.FailOn, "error"),
		platform: pick(c, "platform", cfg.Platform, ""),
		policies: pickPaths(c, "policy", cfg, cfg.Policies),
		data:     pickPaths(c, "data", cfg, cfg.Data),
	}
	if set.failOn != "never" && finding.SeverityRank(set.failOn) == 0 {
		return nil, fmt.Errorf("--fail-on %q: want error, warning, info or never", set.failOn)
	}
	if err := config.CheckPlatform(set.platform); err != nil {
		return nil, err
	}
	if set.gate, err = newGate(c, cfg); err != nil {
		return nil, err
	}
	if set.export.Columns, err = columnMap(cfg.Columns, c.StringSlice("columns")); err != nil {
		return nil, err
	}
	if path := c.String("write-baseline"); path != "" {
		// A partial scan would drop every other file's accepted findings.
		if c.String("changed-since") != "" || len(c.StringSlice("rule")) > 0 {
			return nil, errors.New("--write-baseline needs a full scan: drop --changed-since and --rule")
		}
		set.writer = &scanner.BaselineWriter{Path: path}
	}
	return set, nil
}

// columnMap is the config's column map with --columns HEADER=FIELD over it.
func columnMap(fromConfig map[string]string, flags []string) (map[string]string, error) {
	m := maps.Clone(fromConfig)
	if m == nil {
		m = map[string]string{}
	}
	for _, pair := range flags {
		header, field, ok := strings.Cut(pair, "=")
		if !ok {
			return nil, fmt.Errorf("--columns %q: want HEADER=FIELD, for example 零售价=price", pair)
		}
		m[strings.TrimSpace(header)] = strings.TrimSpace(field)
	}
	if err := listings.CheckColumnMap(m); err != nil {
		return nil, fmt.Errorf("--columns: %w", err)
	}
	return m, nil
}

// findConfig reads --config, or .xiaoer.yaml in the working directory when
// there is one; no config is an empty one.
func findConfig(path string) (*config.Config, error) {
	if path == "" {
		if _, err := os.Stat(config.FileName); errors.Is(err, fs.ErrNotExist) {
			return &config.Config{}, nil
		}
		path = config.FileName
	}
	return config.Load(path)
}

// pick is the flag's value when set on the command line, else the config's,
// else the default.
func pick(c *cli.Context, flag, fromConfig, def string) string {
	switch {
	case c.IsSet(flag):
		return c.String(flag)
	case fromConfig != "":
		return fromConfig
	}
	return def
}

// pickPaths is the flag's paths when set, else the config's resolved
// against the config's directory.
func pickPaths(c *cli.Context, flag string, cfg *config.Config, fromConfig []string) []string {
	if c.IsSet(flag) {
		return c.StringSlice(flag)
	}
	out := make([]string, 0, len(fromConfig))
	for _, p := range fromConfig {
		out = append(out, cfg.Resolve(p))
	}
	return out
}

func newGate(c *cli.Context, cfg *config.Config) (*scanner.Gate, error) {
	g := &scanner.Gate{Exceptions: cfg.Exceptions, Paths: &config.PathMatcher{Base: cfg.Dir}}
	if path := c.String("baseline"); path != "" {
		b, err := scanner.ReadBaseline(path)
		if err != nil {
			return nil, err
		}
		g.Baseline = b
	}
	return g, nil
}

// judge applies exceptions and the baseline to a result, then records it in
// the new baseline when one is being written.
func (s *scanSettings) judge(r *scanner.Result) {
	s.gate.Apply(r)
	if s.writer != nil {
		s.writer.Accept(r)
	}
}

// finishBaseline writes --write-baseline once every result is in.
func finishBaseline(c *cli.Context, s *scanSettings) error {
	if s.writer == nil {
		return nil
	}
	if err := s.writer.Write(); err != nil {
		return err
	}
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: wrote %d findings to baseline %s\n", s.writer.Len(), s.writer.Path)
	return nil
}

// selectInputs expands the paths, drops what a directory walk found that is
// not a listing (hidden files, policy directories) and the config's
// ignore-paths and, with
// --changed-since, keeps only files changed since that revision.
func selectInputs(c *cli.Context, s *scanSettings) ([]scanner.Input, error) {
	inputs, err := expandInputs(c, s.export) // shop export rows, --urls
	if err != nil {
		return nil, err
	}
	return keepSelected(c, s, inputs)
}

// keepSelected drops the config's ignore-paths and, with --changed-since,
// what did not change.
func keepSelected(c *cli.Context, s *scanSettings, inputs []scanner.Input) ([]scanner.Input, error) {
	inputs = scanner.SkipPaths(inputs, s.cfg.IgnorePaths, &config.PathMatcher{Base: s.cfg.Dir})
	rev := c.String("changed-since")
	if rev == "" {
		return inputs, nil
	}
	changed, err := scanner.ChangedFiles(c.Context, ".", rev)
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", rev, err)
	}
	kept := scanner.KeepChanged(inputs, changed)
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: %d of %d listing files changed since %s\n", len(kept), len(inputs), rev)
	return kept, nil
}

// loadChecker reads the settings and builds the checker with them, as
// every command that judges listings the configured way starts.
func loadChecker(c *cli.Context) (*scanSettings, *scanner.Checker, error) {
	set, err := loadSettings(c)
	if err != nil {
		return nil, nil, err
	}
	checker, err := newScanChecker(c, set, nil)
	if err != nil {
		return nil, nil, err
	}
	return set, checker, nil
}

// newScanChecker builds the checker with the user policies and data;
// ready, if set, gets the engine before the tokenizer is loaded
// (NewCheckerThen).
func newScanChecker(c *cli.Context, s *scanSettings, ready func(*engine.Engine)) (*scanner.Checker, error) {
	now, err := clock(c)
	if err != nil {
		return nil, err
	}
	bundles, err := userBundles(s.policies, s.data, s.cfg, false)
	if err != nil {
		return nil, err
	}
	opts := engine.Options{Bundles: bundles, Timeout: c.Duration("eval-timeout")}
	checker, err := scanner.NewCheckerThen(c.Context, opts, now, ready)
	policies.ForgetEmbedded() // the engine has compiled its own copy
	return checker, err
}

// userBundles loads policy directories, data files and the config's data,
// in that order (later data wins).
func userBundles(dirs, files []string, cfg *config.Config, withTests bool) ([]*bundle.Bundle, error) {
	var out []*bundle.Bundle
	for _, d := range dirs {
		b, err := engine.LoadPolicyDir(d, withTests)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	for _, f := range files {
		b, err := engine.LoadDataFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	if b := cfg.NamesData(); b != nil {
		out = append(out, b)
	}
	return out, nil
}
