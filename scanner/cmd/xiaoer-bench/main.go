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
// -whole compares whole processes, start-up included, measured from
// outside (wall, CPU with waited-for children, peak RSS), over a title
// list and a shop export generated from real titles (cycled) and over
// pages: the floor (decode and tokenize, no policies), `xiaoer scan
// --format jsonl`, and peer.py, the Python script a seller would write
// (jieba tokens against our lexicon words, BeautifulSoup + lxml, a pool of
// processes); all with the same number of workers. The peer's peak RSS is
// its largest process's, not the sum of its processes.
//
// Usage, from the repository root:
//
//	go build -o /tmp/xiaoer-bench ./scanner/cmd/xiaoer-bench
//	/tmp/xiaoer-bench -n 1000,10000 -runs 2
//	/tmp/xiaoer-bench -n 1000 -pad 0
//	/tmp/xiaoer-bench -breakdown 200
//	go build -o /tmp/xiaoer . && /tmp/xiaoer-bench -xiaoer /tmp/xiaoer -runs 2 -whole titles:200000,export:20000
//	/tmp/xiaoer-bench -xiaoer /tmp/xiaoer -whole pages:300 -pages ../shared/corpus/pages -pad 0
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
	// -whole: whole processes (floor, xiaoer, the Python peer) over
	// generated title lists, shop exports and pages.
	whole      []workload
	xiaoer     string // the xiaoer binary
	python     string
	peer       string // peer.py
	titlesFrom string // the real titles cycled into title lists and exports
}

func run(args []string) error {
	o, err := parseFlags(args)
	if err != nil {
		return err
	}
	if o.child != "" {
		return measureChild(o)
	}
	if len(o.whole) > 0 {
		return wholeMain(o)
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
	whole := fs.String("whole", "", "compare whole processes (floor, xiaoer, Python peer) over KIND:N inputs, comma-separated: titles:200000,export:20000,pages:300")
	fs.StringVar(&o.xiaoer, "xiaoer", "", "the xiaoer binary, for -whole")
	fs.StringVar(&o.python, "python", "/usr/bin/python3", "the Python with jieba, bs4 and lxml, for -whole")
	fs.StringVar(&o.peer, "peer", "scanner/cmd/xiaoer-bench/peer.py", "the Python peer, for -whole")
	fs.StringVar(&o.titlesFrom, "titles-from", "../shared/corpus/titles/taobao_titles_train.txt", "real titles, cycled into -whole title lists and exports")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	var err error
	if o.whole, err = parseWhole(*whole); err != nil {
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

// parseWhole reads -whole: KIND:N pairs, KIND one of titles, export, pages.
func parseWhole(spec string) ([]workload, error) {
	var out []workload
	for _, part := range strings.Split(spec, ",") {
		if part = strings.TrimSpace(part); part == "" {
			continue
		}
		kind, count, _ := strings.Cut(part, ":")
		n, err := strconv.Atoi(count)
		if err != nil || n <= 0 || (kind != "titles" && kind != "export" && kind != "pages") {
			return nil, fmt.Errorf("-whole %q: want titles:N, export:N or pages:N", part)
		}
		out = append(out, workload{kind: kind, n: n})
	}
	return out, nil
}
