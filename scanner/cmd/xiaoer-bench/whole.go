package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// workload is one input of the whole-process comparison: a title list, a
// shop export or a directory of pages, and how many listings it holds.
type workload struct {
	kind     string // titles | export | pages
	n        int
	path     string
	listings int
}

// procRun is one whole process measured from outside: start-up included.
type procRun struct {
	who    string // floor | xiaoer | peer
	wall   float64
	cpu    float64 // user + system, the process and the children it waited for
	peakKB int64
}

// wholeMain compares, per workload, three whole processes on the same
// cores: the floor (decode and tokenize, no policies), `xiaoer scan
// --format jsonl` and the Python peer (peer.py). Runs alternate (floor,
// xiaoer, peer, then again) and the fastest of each is kept.
func wholeMain(o options) error {
	if o.xiaoer == "" {
		return fmt.Errorf("-whole needs -xiaoer PATH (go build -o /tmp/xiaoer .)")
	}
	dir, err := os.MkdirTemp("", "xiaoer-bench-whole-")
	if err != nil {
		return err
	}
	if !o.keep {
		defer os.RemoveAll(dir)
	}
	words, err := writeWords(dir)
	if err != nil {
		return err
	}
	loads, err := prepareWorkloads(o, dir)
	for _, w := range loads {
		if w.kind == "pages" && !o.keep { // generate writes pages to a directory of their own
			defer os.RemoveAll(w.path)
		}
	}
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "input\tlistings\twho\twall s\tCPU s\tlistings/s\tCPU ms/listing\tpeak RSS MB\tpeer ÷ this (throughput)\tthis ÷ floor (wall)\t\n")
	for _, w := range loads {
		best, err := bestWhole(o, w, words)
		if err != nil {
			return err
		}
		printWhole(tw, w, best)
	}
	tw.Flush()
	fmt.Printf("workers: %d (xiaoer -j, peer -j, floor); whole processes, start-up included; load before: %s", o.workers, loadAvg())
	return nil
}

// prepareWorkloads generates the inputs; on an error it returns those
// already generated, for the caller to remove.
func prepareWorkloads(o options, dir string) ([]workload, error) {
	var out []workload
	for _, spec := range o.whole {
		w := spec
		var err error
		switch w.kind {
		case "titles", "export":
			titles, terr := corpusTitles(o.titlesFrom)
			if terr != nil {
				return out, terr
			}
			if w.kind == "titles" {
				w.path, err = writeTitles(dir, titles, w.n)
			} else {
				w.path, err = writeExport(dir, titles, w.n, o.seed)
			}
		case "pages":
			templates, terr := loadTemplates(o.pages)
			if terr != nil {
				return out, terr
			}
			w.path, _, err = generate(templates, w.n, o.seed, o.padKB)
		}
		if err != nil {
			return out, err
		}
		w.listings = w.n
		fmt.Fprintf(os.Stderr, "xiaoer-bench: %s of %d in %s\n", w.kind, w.n, w.path)
		out = append(out, w)
	}
	return out, nil
}

func bestWhole(o options, w workload, words string) ([]procRun, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	j := strconv.Itoa(o.workers)
	floorMode := "floor-list"
	if w.kind == "pages" {
		floorMode = "floor"
	}
	cmds := map[string][]string{
		"floor":  {self, "-child", floorMode, "-dir", w.path, "-workers", j},
		"xiaoer": {o.xiaoer, "scan", "--format", "jsonl", "--output", os.DevNull, "--fail-on", "never", "--no-progress", "-j", j, w.path},
		"peer":   {o.python, o.peer, "-j", j, "--words", words, "-o", os.DevNull, w.path},
	}
	order := []string{"floor", "xiaoer", "peer"}
	best := make([]procRun, len(order))
	for i := range o.runs {
		for k, who := range order {
			r, err := measureWhole(who, cmds[who])
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(os.Stderr, "xiaoer-bench: %s %s run %d: %.2f s wall, %.2f s CPU, %d MB\n", w.kind, who, i+1, r.wall, r.cpu, r.peakKB>>10)
			peak := max(best[k].peakKB, r.peakKB)
			if i == 0 || r.wall < best[k].wall {
				best[k] = r
			}
			best[k].peakKB = peak
		}
	}
	return best, nil
}

// measureWhole runs one process to its end and measures it from outside.
func measureWhole(who string, argv []string) (procRun, error) {
	cmd := exec.Command(argv[0], argv[1:]...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := procRun{who: who, wall: time.Since(start).Seconds()}
	if err != nil {
		return r, fmt.Errorf("%s: %w\n%s", strings.Join(argv, " "), err, tail(stderr.String()))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
		r.peakKB = ru.Maxrss
	}
	if who == "floor" { // the child's own peak: see child() on ru_maxrss
		var m measurement
		if json.Unmarshal(stdout.Bytes(), &m) == nil && m.HWMKB > 0 {
			r.peakKB = m.HWMKB
		}
	}
	return r, nil
}

func printWhole(tw *tabwriter.Writer, w workload, runs []procRun) {
	var floor, peer procRun
	for _, r := range runs {
		switch r.who {
		case "floor":
			floor = r
		case "peer":
			peer = r
		}
	}
	for _, r := range runs {
		n := float64(w.listings)
		ratio, vsFloor := "", ""
		if r.who != "peer" {
			ratio = fmt.Sprintf("%.2f×", peer.wall/r.wall)
		}
		if r.who != "floor" {
			vsFloor = fmt.Sprintf("%.2f×", r.wall/floor.wall)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%.2f\t%.2f\t%.0f\t%.3f\t%.0f\t%s\t%s\t\n",
			w.kind, w.listings, r.who, r.wall, r.cpu, n/r.wall, 1000*r.cpu/n, float64(r.peakKB)/1024, ratio, vsFloor)
	}
}

func tail(s string) string {
	if len(s) > 2000 {
		return "..." + s[len(s)-2000:]
	}
	return s
}

func loadAvg() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown\n"
	}
	return string(raw)
}
