package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/audit"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/progress"
)

func newAuditCommand() *cli.Command {
	return &cli.Command{
		Name:  "audit",
		Usage: "pre-sale shop audit: scan listings and orders, write one self-contained HTML report",
		Description: "Scans the listings (pages, listing files, shop export CSV) and the orders with their tracking,\n" +
			"and writes one HTML file that works offline: totals, charts, listings ranked by money at risk,\n" +
			"and each finding with its evidence, basis and suggestion. Reads .xiaoer.yaml as scan does (user\n" +
			"policies and data, registered names, exceptions, ignore-paths). Exit 2 when an input could not be read.",
		Flags: append([]cli.Flag{
			&cli.StringSliceFlag{Name: "listings", Aliases: []string{"l"}, Required: true, Usage: "listing files, directories or shop exports (repeatable)"},
			&cli.StringSliceFlag{Name: "shipments", Aliases: []string{"s"}, Usage: "orders (CSV/JSON) and tracking files or directories (repeatable)"},
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Value: "report.html", Usage: "the HTML file to write"},
			&cli.StringFlag{Name: "shop", Usage: "shop name for the report's title"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "parallel workers (default: number of CPUs)"},
			&cli.BoolFlag{Name: "no-progress", Usage: "no progress bar"},
			nowFlag,
		}, settingsFlags()...),
		Action: runAudit,
	}
}

func runAudit(c *cli.Context) error {
	set, checker, err := loadChecker(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	meta := audit.Input{Shop: c.String("shop"), Generated: time.Now(), Tool: versionLine(checker), Rules: checker.Engine.Rules()}
	if now, _ := clock(c); now != nil {
		meta.Generated = now()
	}
	b := audit.NewBuilder(meta)
	if err := auditListings(c, set, checker, b); err != nil {
		return err
	}
	if paths := c.StringSlice("shipments"); len(paths) > 0 {
		add := func(r scanner.Result) { set.gate.Apply(&r); b.AddShipment(r) }
		if err := auditShipments(c.Context, checker, paths, meta.Generated, meta.Shop, c.Int("workers"), add); err != nil {
			return err
		}
	}
	report := b.Report()
	if err := writeAudit(c.String("out"), report); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	return auditSummary(c, report.Totals)
}

func versionLine(checker *scanner.Checker) string {
	return fmt.Sprintf("xiaoer %s（规则 %s，OPA %s）", binaryVersion(), checker.Engine.Revision(), opaVersion())
}

// auditListings scans the listings in input order, with a progress bar,
// into the report, with the config's ignore-paths and exceptions applied;
// results are not kept.
func auditListings(c *cli.Context, set *scanSettings, checker *scanner.Checker, b *audit.Builder) error {
	inputs := scanner.ExpandSources(scanner.Sources{Paths: c.StringSlice("listings"), Stdin: c.App.Reader, Export: set.export})
	inputs = scanner.SkipPaths(inputs, set.cfg.IgnorePaths, &config.PathMatcher{Base: set.cfg.Dir})
	s := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: c.Int("workers"), Platform: set.platform}}
	var bar *progress.Bar
	if !c.Bool("no-progress") {
		bar = progress.New(c.App.ErrWriter, len(inputs), "listings")
	}
	defer bar.Close()
	defer tuneGCForListings()()
	return s.RunStream(c.Context, inputs, scanner.StreamOptions{InputDone: func(scanner.Input, int) { bar.Done() }}, func(r scanner.Result) error {
		set.gate.Apply(&r)
		b.AddListing(r)
		return nil
	})
}

// auditShipments judges the orders into the report: one result per order,
// per listing promise, and per file or row that could not be read (a row's
// error names its line).
func auditShipments(ctx context.Context, checker *scanner.Checker, paths []string, now time.Time, shop string, workers int, add func(scanner.Result)) error {
	s := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: workers}}
	src := shipments.NewSource(scanner.ShipmentInputs(paths), shipments.Options{Now: now, Shop: shop})
	return s.RunShipments(ctx, src, func(r scanner.Result) error {
		if r.Failed() && r.Line > 0 {
			msg := fmt.Sprintf("line %d: %s", r.Line, *r.Error)
			r.Error = &msg
		}
		add(r)
		return nil
	})
}

// writeAudit writes the report beside its final name and renames it, so a
// failed run never leaves half a report where the last good one was.
func writeAudit(path string, report *audit.Report) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".xiaoer-audit-*.html")
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := audit.Render(tmp, report); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return os.Rename(tmp.Name(), path)
}

// auditSummary prints the headline and says whether every input was read.
func auditSummary(c *cli.Context, t audit.Totals) error {
	fmt.Fprintf(c.App.ErrWriter, "xiaoer: wrote %s: %d listings (%d with findings), %d findings, %s at risk in claims and compensation; %d listings can be fined (largest range %s, never added up); %d of %d orders flagged\n",
		c.String("out"), t.Listings, t.ListingsFlagged, t.Findings, audit.Money(t.AtRisk()),
		t.FineListings, audit.MoneyRange(t.FineRange[0], t.FineRange[1]), t.OrdersFlagged, t.Orders)
	if t.NotItems > 0 {
		fmt.Fprintf(c.App.ErrWriter, "xiaoer: %d pages are not item pages (listed in the report with the reason)\n", t.NotItems)
	}
	if t.Unreadable > 0 {
		return cli.Exit(fmt.Sprintf("%d inputs could not be read (listed in the report)", t.Unreadable), scanner.ExitError)
	}
	return nil
}
