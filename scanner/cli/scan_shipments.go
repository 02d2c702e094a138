package cli

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
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
func scanShipments(c *cli.Context, paths []string, eng *engine.Engine, sum *scanner.Summary, emit func(scanner.Result) error) error {
	if len(paths) == 0 {
		return nil
	}
	opts := shipments.Options{Engine: eng, Workers: c.Int("workers")}
	if now, err := clock(c); err != nil {
		return cli.Exit(err.Error(), 2)
	} else if now != nil {
		opts.Now = now()
	}
	rep, err := shipments.Scan(c.Context, paths, opts)
	if err != nil {
		return cli.Exit(fmt.Sprintf("--shipments: %v", err), 2)
	}
	results := shipmentResults(rep)
	sum.Inputs += len(rep.Files)
	for _, r := range results {
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// shipmentResults maps the shipments report onto scanner results, so every
// reporter (SARIF, JUnit, JSONL ...) shows orders like listings. Unreadable
// rows make their file's result an error: nothing is dropped.
func shipmentResults(rep *shipments.Report) []scanner.Result {
	out := make([]scanner.Result, 0, len(rep.Files)+1)
	for i, fr := range rep.Files {
		r := scanner.Result{Input: -1 - i, Source: fr.Source, Kind: "shipments", ID: fr.Kind,
			Findings: fr.Findings, Exposure: orderExposure(fr.Findings), Error: fr.Error}
		if r.Error == nil && len(fr.RowErrors) > 0 {
			msg := fmt.Sprintf("%d orders could not be read: %v", len(fr.RowErrors), fr.RowErrors)
			r.Error = &msg
		}
		out = append(out, r)
	}
	if len(rep.Listings) > 0 {
		out = append(out, scanner.Result{Input: -1 - len(rep.Files), Source: "shipments", Kind: "shipments",
			ID: "listing-promises", Title: "listings' shipping promises against their orders", Findings: rep.Listings})
	}
	return out
}

// orderExposure adds up compensation per order: unlike a listing's claims,
// every late or fake order is paid for.
func orderExposure(found []finding.Finding) scanner.ExposureTotal {
	var t scanner.ExposureTotal
	for _, f := range found {
		if f.Suppressed == nil {
			t.PlatformCNY += f.Exposure.PlatformCNY
			t.Points += f.Exposure.Points
		}
	}
	return t
}
