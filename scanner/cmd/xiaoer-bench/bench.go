package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"syscall"
	"text/tabwriter"
)

// result is one measurement with the child's peak RSS.
type result struct {
	measurement
	PeakRSSKB int64
}

func bench(o options) error {
	templates, err := loadTemplates(o.pages)
	if err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var rows []result
	for _, n := range o.sizes {
		dir, size, err := generate(templates, n, o.seed, o.padKB)
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "xiaoer-bench: %d pages, %.1f MB in %s\n", n, float64(size)/1e6, dir)
		pair, err := bestOf(self, dir, o)
		if err != nil {
			return err
		}
		rows = append(rows, pair...)
		if !o.keep {
			os.RemoveAll(dir)
		}
	}
	printTable(rows, o.workers)
	return nil
}

// bestOf runs the floor and the scan o.runs times each, alternately (so
// a slow spell of the machine falls on both), and keeps the fastest run of
// each (the least disturbed by whatever else the machine does); peak RSS
// is the largest.
func bestOf(self, dir string, o options) ([]result, error) {
	modes := []string{"floor", "scan"}
	out := make([]result, len(modes))
	for i := range o.runs {
		for m, mode := range modes {
			r, err := child(self, mode, dir, o.workers, o.profile)
			if err != nil {
				return nil, err
			}
			rss := max(out[m].PeakRSSKB, r.PeakRSSKB)
			if i == 0 || r.Seconds < out[m].Seconds {
				out[m] = r
			}
			out[m].PeakRSSKB = rss
		}
	}
	return out, nil
}

// child runs one measurement in a process of its own, so its peak RSS is
// the measurement's alone.
func child(self, mode, dir string, workers int, profile string) (result, error) {
	cmd := exec.Command(self, "-child", mode, "-dir", dir, "-workers", strconv.Itoa(workers), "-cpuprofile", profile)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%s child: %w", mode, err)
	}
	var r result
	if err := json.Unmarshal(stdout.Bytes(), &r.measurement); err != nil {
		return r, fmt.Errorf("%s child: %w", mode, err)
	}
	// VmHWM is the child's own peak. ru_maxrss would do, except that Linux
	// carries it across execve, and Go starts children with vfork: it can
	// report the parent's resident set.
	r.PeakRSSKB = r.HWMKB
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && r.PeakRSSKB == 0 {
		r.PeakRSSKB = ru.Maxrss
	}
	return r, nil
}

func printTable(rows []result, workers int) {
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "mode\tpages\tMB\tsetup s\twall s\tCPU s\tpages/s\tMB/s\tpeak RSS MB\tGo heap MB\twall vs floor\tCPU vs floor\t\n")
	var floor result
	for _, r := range rows {
		wall, cpu := "", ""
		if r.Mode == "floor" {
			floor = r
		} else if floor.Seconds > 0 {
			wall, cpu = fmt.Sprintf("%.2f×", r.Seconds/floor.Seconds), fmt.Sprintf("%.2f×", r.CPU/floor.CPU)
		}
		mb := float64(r.Bytes) / 1e6
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.0f\t%.2f\t%.0f\t%.0f\t%s\t%s\t\n", r.Mode, r.Pages, mb, r.Setup, r.Seconds, r.CPU,
			float64(r.Pages)/r.Seconds, mb/r.Seconds, float64(r.PeakRSSKB)/1024, r.HeapMB, wall, cpu)
	}
	tw.Flush()
	fmt.Printf("workers: %d; times exclude setup (gojieba load, policy compile); pages/s and MB/s are by wall clock\n", workers)
}
