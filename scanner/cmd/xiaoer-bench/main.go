// Command xiaoer-bench measures bulk scanning: it builds N realistic item
// pages from the fixture pages (a fixed seed varies their titles,
// attributes, descriptions and item ids), writes them to a temporary
// directory, and reports pages/s, MB/s and peak RSS of two runs over them,
// each in a child process of its own so their peak RSS is theirs alone:
//
//   - scan: what `xiaoer scan --format jsonl` does (decode, extract, facts,
//     policies, JSONL out), with the same worker pool;
//   - floor: the same pages only decoded, parsed with goquery and their
//     visible text tokenized with gojieba, with the same parallelism and
//     no policies: the least any scan of these pages must cost.
//
// Times exclude setup (loading gojieba, compiling the policies), reported
// apart. Pages are grown to the size of a real saved item page (-pad,
// 300 KB by default; a saved Taobao page is 293 KB, a Tmall page 775 KB)
// with what real pages carry (inline script data, style, recommendation
// markup) without changing their listing; -pad 0 keeps the fixture size
// (5–18 KB), where a listing's fixed policy cost weighs the most. -breakdown N times each step of a scan (parse, facts, the
// document's conversion, each rule) over N pages, one at a time, to show
// where the time goes.
//
// Usage, from the repository root:
//
//	go build -o /tmp/xiaoer-bench ./scanner/cmd/xiaoer-bench
//	/tmp/xiaoer-bench -n 1000,10000 -runs 2
//	/tmp/xiaoer-bench -n 1000 -pad 0
//	/tmp/xiaoer-bench -breakdown 200
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "xiaoer-bench:", err)
		os.Exit(2)
	}
}

type options struct {
	sizes   []int
	pages   string
	workers int
	seed    uint64
	keep    bool
	child   string // internal: run one measurement (scan | floor) over dir
	dir     string
	runs    int
	profile string // CPU profile of the measurement (children only)
	steps   int    // -breakdown: time each step over this many pages instead
	padKB   int    // grow each page to about this size with inline script data
}

func run(args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	if o.child != "" {
		return measureChild(o)
	}
	if o.steps > 0 {
		return breakdownMain(o, o.steps)
	}
	return bench(o)
}

func parseFlags(args []string) (options, error) {
	fs := flag.NewFlagSet("xiaoer-bench", flag.ContinueOnError)
	var o options
	sizes := fs.String("n", "1000,10000", "numbers of pages, comma-separated")
	fs.StringVar(&o.pages, "pages", "fixtures/pages", "directory of fixture pages (*.html) to vary")
	fs.IntVar(&o.workers, "workers", runtime.NumCPU(), "parallel workers, the same for both runs")
	fs.Uint64Var(&o.seed, "seed", 20261111, "seed of the page variations")
	fs.BoolVar(&o.keep, "keep", false, "keep the generated pages")
	fs.IntVar(&o.padKB, "pad", 300, "grow each page to about this many KB with what real item pages carry: script data, style, recommendation markup (0: fixture size)")
	fs.IntVar(&o.runs, "runs", 1, "runs of each measurement; the fastest is reported")
	fs.StringVar(&o.child, "child", "", "internal: measure scan or floor over -dir in this process")
	fs.StringVar(&o.dir, "dir", "", "internal: the generated pages")
	fs.IntVar(&o.steps, "breakdown", 0, "time each step of a scan (parse, facts, each rule) over this many pages, one at a time")
	fs.StringVar(&o.profile, "cpuprofile", "", "write a CPU profile of each measurement to FILE.<mode>")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return o, fmt.Errorf("-n %q: want positive numbers", *sizes)
		}
		o.sizes = append(o.sizes, n)
	}
	return o, nil
}
