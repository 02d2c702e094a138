package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/fileread"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

// contents is what the files of a scan hold, told apart by their content,
// not their names: a directory of a shop's data mixes listing files, orders,
// tracking answers and files of neither kind.
type contents struct {
	listings  []scanner.Input // scanned as listings
	shipments []string        // orders and tracking answers, judged as --shipments
	other     []string        // found in a directory, neither: named once, not scanned
}

// sortInputs keeps the listings of a scan's inputs and adds the orders and
// tracking files to set.shipments, judged in the same report as
// --shipments does. A resumed run cannot judge them (its JSONL counts
// inputs by index): it says so once and carries on. Files of neither kind
// are named in one line on stderr.
func sortInputs(c *cli.Context, set *scanSettings, inputs []scanner.Input) []scanner.Input {
	found := sortContents(c, inputs)
	set.shipments = c.StringSlice("shipments")
	switch {
	case len(found.shipments) > 0 && c.String("resume") != "":
		fmt.Fprintf(c.App.ErrWriter, "xiaoer: %d orders/tracking files not judged in a resumed run: use --shipments in a full run, or xiaoer shipments\n", len(found.shipments))
	default:
		for _, p := range found.shipments {
			if !slices.Contains(set.shipments, p) {
				set.shipments = append(set.shipments, p)
			}
		}
	}
	if len(found.other) > 0 {
		fmt.Fprintf(c.App.ErrWriter, "xiaoer: not scanned, neither listings nor orders/tracking: %s\n", strings.Join(found.other, ", "))
	}
	return found.listings
}

// dataExts are the files a listing walk leaves out that may hold orders
// (CSV and TSV files are walked: as shop exports, sorted here).
var dataExts = map[string]bool{".jsonl": true, ".ndjson": true}

// sortContents reads each JSON, YAML and CSV file of the scan once to say
// what it holds. Files named on the command line are never "other": a
// named file that does not parse as a listing gets its error.
func sortContents(c *cli.Context, inputs []scanner.Input) contents {
	named := c.Args().Slice()
	var out contents
	kinds := map[string]int{} // by source: a shop export's rows share their file
	for _, in := range inputs {
		kind, seen := kinds[in.Source]
		if !seen {
			kind = sortInput(in, slices.Contains(named, in.Source))
			kinds[in.Source] = kind
		} else if kind == kindShipments {
			continue
		}
		switch kind {
		case kindShipments:
			out.shipments = append(out.shipments, in.Source)
		case kindOther:
			out.other = append(out.other, in.Source)
		default:
			out.listings = append(out.listings, in)
		}
	}
	for i := range out.listings {
		out.listings[i].Index = i
	}
	out.shipments = append(out.shipments, walkedOrders(named)...)
	return out
}

const (
	kindListing = iota
	kindShipments
	kindOther
)

// sortInput says what one input holds. A CSV or TSV file has been read
// as a shop export already (its rows are inputs, or it is one that fails);
// it holds orders when its header has an order id column.
func sortInput(in scanner.Input, named bool) int {
	switch strings.ToLower(filepath.Ext(in.Source)) {
	case ".csv", ".tsv":
		if detect(in.Source) != "" {
			return kindShipments
		}
		return kindListing
	case ".json", ".yaml", ".yml":
	default:
		return kindListing // pages, title lists, stdin
	}
	if in.Load != nil || in.Read == nil {
		return kindListing // URLs and other inputs that load themselves
	}
	if detect(in.Source) != "" {
		return kindShipments
	}
	if named {
		return kindListing
	}
	if raw, err := in.Read(); err == nil && !listings.HoldsListings(raw) {
		return kindOther
	}
	return kindListing // an error is reported when it is scanned
}

// detect is what shipments.Detect says of a file's head; "" when it cannot
// be opened (a FIFO, a device: fileread refuses them without blocking).
func detect(path string) string {
	f, err := fileread.Open(path, shipments.MaxOrdersFileBytes)
	if err != nil {
		return ""
	}
	defer f.Close()
	return shipments.Detect(path, f)
}

// walkedOrders finds, in the directories named, the CSV and JSON Lines
// files a listing walk leaves out that hold orders or tracking.
func walkedOrders(paths []string) []string {
	var out []string
	for _, p := range paths {
		files, err := scanner.WalkFiles(p, dataExts)
		if err != nil || len(files) == 1 && files[0] == p {
			continue // a file named on the command line is already an input
		}
		for _, f := range files {
			if detect(f) != "" {
				out = append(out, f)
			}
		}
	}
	return out
}
