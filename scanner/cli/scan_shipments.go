package cli

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

// shipmentsFlag lets one scan judge listings and the shop's orders together,
// so a CI job or an agency gets one report in one format.
var shipmentsFlag = &cli.StringSliceFlag{
	Name:  "shipments",
	Usage: "also judge these orders (CSV/JSON) and tracking files or directories (repeatable)",
}

// scanShipments judges the orders and tracking at paths (--shipments, and
// those a scanned directory holds) and emits one result per orders or
// tracking file (kind "shipments"), plus one for the listing-level promise
// findings, after the listings' results.
func scanShipments(c *cli.Context, paths []string, checker *scanner.Checker, sum *scanner.Summary, emit func(scanner.Result) error) error {
	if len(paths) == 0 {
		return nil
	}
	var opts shipments.Options
	if now, err := clock(c); err != nil {
		return cli.Exit(err.Error(), 2)
	} else if now != nil {
		opts.Now = now()
	}
	s := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: c.Int("workers")}}
	rep, err := s.ScanShipments(c.Context, paths, opts)
	if err != nil {
		return cli.Exit(fmt.Sprintf("--shipments: %v", err), 2)
	}
	sum.Inputs += len(rep.Files)
	for _, r := range rep.Results() {
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}
