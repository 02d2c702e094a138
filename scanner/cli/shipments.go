package cli

import (
	"fmt"
	"io"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

// newShipmentsCommand builds `xiaoer shipments`: orders (CSV, JSON) and
// tracking answers (Kuaidi100, KDNiao) in, late, fake and stalled shipments
// and what each costs out. Register it in NewApp.
func newShipmentsCommand() *cli.Command {
	return &cli.Command{
		Name:      "shipments",
		Usage:     "judge orders and their tracking: late, fake and stalled shipments, and the compensation due",
		ArgsUsage: "PATH... (orders .csv/.json/.jsonl, tracking *.kuaidi100.json / *.kdniao.json, or directories)",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "text", Usage: "text or json"},
			&cli.StringFlag{Name: "fail-on", Value: "error", Usage: "exit 1 on findings at or above: error, warning, info, never"},
			&cli.StringFlag{Name: "shop", Usage: "shop name for orders that do not name one"},
			&cli.IntFlag{Name: "workers", Aliases: []string{"j"}, Usage: "parallel workers (default: number of CPUs)"},
			nowFlag,
		},
		Action: runShipments,
	}
}

func runShipments(c *cli.Context) error {
	if c.NArg() == 0 {
		return cli.Exit("shipments: give at least one orders or tracking file or directory", 2)
	}
	now, err := clock(c)
	if err != nil {
		return cli.Exit(err.Error(), 2)
	}
	eng, err := engine.New(c.Context, engine.Options{})
	if err != nil {
		return err
	}
	// Orders need the engine only: no tokenizer, no facts builder.
	s := &scanner.Scanner{Checker: &scanner.Checker{Engine: eng}, Options: scanner.Options{Workers: c.Int("workers")}}
	opts := shipments.Options{Shop: c.String("shop")}
	if now != nil {
		opts.Now = now()
	}
	inputs := scanner.ShipmentInputs(c.Args().Slice())
	out := newShipmentsOutput(inputs, c.String("format") == "json", c.String("fail-on"))
	defer out.spool.close()
	defer tuneGCForShipments()()
	if err := s.RunShipments(c.Context, shipments.NewSource(inputs, opts), out.add); err != nil {
		return err
	}
	if err := out.write(c.App.Writer); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	return exitFor(out.exitCode())
}

// shipmentsExitCode: 2 when a file or an order could not be read, 1 when a
// finding is at or above failOn, 0 otherwise (of the findings the report
// holds: see shipmentsOutput.exitCode for the spooled ones).
func shipmentsExitCode(rep *scanner.ShipmentsReport, failOn string) int {
	if rep.Errors > 0 {
		return scanner.ExitError
	}
	for _, fr := range rep.Files {
		for _, f := range fr.Findings {
			if f.RuleFailed() {
				return scanner.ExitError
			}
		}
	}
	for _, fr := range rep.Files {
		for _, f := range fr.Findings {
			if f.AtLeast(failOn) {
				return scanner.ExitFindings
			}
		}
	}
	for _, f := range rep.Listings {
		if f.AtLeast(failOn) {
			return scanner.ExitFindings
		}
	}
	return scanner.ExitClean
}

// writeShipmentsText prints each file's errors, then its findings as
// spooled, then the listings' findings and the shops' totals.
func writeShipmentsText(w io.Writer, rep *scanner.ShipmentsReport, spool *shipSpool) error {
	for _, fr := range rep.Files {
		if fr.Error != nil {
			fmt.Fprintf(w, "%s: error: %s\n", report.Terminal(fr.Source), report.Terminal(*fr.Error))
		}
		for _, e := range fr.RowErrors {
			fmt.Fprintf(w, "%s: error: %s\n", report.Terminal(fr.Source), report.Terminal(e))
		}
		err := spool.each(fr.Source, func(line []byte) error {
			_, err := fmt.Fprintf(w, "%s\n", line)
			return err
		})
		if err != nil {
			return err
		}
	}
	for _, f := range rep.Listings {
		fmt.Fprintf(w, "%s %s: %s\n", report.Terminal(f.Severity), report.Terminal(f.Rule), report.Terminal(f.Message))
	}
	for _, name := range rep.ShopNames() {
		st := rep.Shops[name]
		note := ""
		if !st.Confirmed {
			note = "（含未证实的赔付标准）"
		}
		if _, err := fmt.Fprintf(w, "店铺 %s: %d 笔订单，%d 笔有问题，%d 条发现，平台赔付合计 ¥%.2f%s\n", report.Terminal(name), st.Orders, st.Flagged, st.Findings, st.PlatformCNY, note); err != nil {
			return err
		}
	}
	return nil
}

// cost words a finding's compensation: the amount, and whether its basis is
// confirmed.
func cost(f finding.Finding) string {
	switch {
	case f.Exposure.PlatformCNY > 0 && f.Exposure.Confirmed:
		return fmt.Sprintf(" [赔付 ¥%.2f]", f.Exposure.PlatformCNY)
	case f.Exposure.PlatformCNY > 0:
		return fmt.Sprintf(" [赔付 ¥%.2f，未证实]", f.Exposure.PlatformCNY)
	}
	return ""
}
