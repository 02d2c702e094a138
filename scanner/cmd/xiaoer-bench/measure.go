package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/tokenizer"
)

// measurement is what a child reports on its stdout.
type measurement struct {
	Mode     string  `json:"mode"`
	Pages    int     `json:"pages"`
	Bytes    int64   `json:"bytes"`
	Setup    float64 `json:"setup_seconds"` // loading gojieba (and compiling policies)
	Seconds  float64 `json:"seconds"`       // the pages themselves, wall clock
	CPU      float64 `json:"cpu_seconds"`   // the pages themselves, user + system CPU
	HWMKB    int64   `json:"vm_hwm_kb"`     // peak RSS from /proc/self/status at the end
	HeapMB   float64 `json:"heap_mb"`       // Go heap obtained from the OS (gojieba's C++ memory is not in it)
	Findings int     `json:"findings"`
	Errors   int     `json:"errors"`
}

func measureChild(o options) error {
	if o.profile != "" {
		f, err := os.Create(o.profile + "." + o.child)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var m measurement
	var err error
	switch o.child {
	case "scan":
		m, err = measureScan(o.dir, o.workers)
	case "floor":
		m, err = measureFloor(o.dir, o.workers)
	case "floor-list":
		m, err = measureFloorList(o.dir, o.workers)
	default:
		err = fmt.Errorf("-child %q: want scan or floor", o.child)
	}
	if err != nil {
		return err
	}
	m.HWMKB = vmHWM()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	m.HeapMB = float64(ms.HeapSys) / (1 << 20)
	return json.NewEncoder(os.Stdout).Encode(m)
}

// measureScan runs what `xiaoer scan --format jsonl DIR` runs: inputs,
// checker, the bounded worker pool emitting as completed, JSONL encoding.
func measureScan(dir string, workers int) (measurement, error) {
	m := measurement{Mode: "scan"}
	start := time.Now()
	checker, err := scanner.NewChecker(context.Background(), engine.Options{}, nil)
	if err != nil {
		return m, err
	}
	m.Setup = time.Since(start).Seconds()
	start, cpu := time.Now(), cpuTime()
	inputs := scanner.ExpandSources(scanner.Sources{Paths: []string{dir}})
	s := &scanner.Scanner{Checker: checker, Options: scanner.Options{Workers: workers}}
	enc := json.NewEncoder(io.Discard)
	err = s.RunStream(context.Background(), inputs, scanner.StreamOptions{AsCompleted: true}, func(r scanner.Result) error {
		m.Pages++
		m.Findings += len(r.Findings)
		if r.Failed() {
			m.Errors++
		}
		return enc.Encode(r)
	})
	m.Seconds, m.CPU = time.Since(start).Seconds(), cpuTime()-cpu
	m.Bytes = dirBytes(dir)
	return m, err
}

// measureFloor decodes, parses and tokenizes every page with the same
// number of workers, and nothing else.
func measureFloor(dir string, workers int) (measurement, error) {
	tk, m, err := floorSetup()
	if err != nil {
		return m, err
	}
	files, err := pageFiles(dir)
	if err != nil {
		return m, err
	}
	start, cpu := time.Now(), cpuTime()
	jobs := make(chan string)
	var pages, failed, tokens atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for path := range jobs {
				n, err := floorPage(tk, path)
				if err != nil {
					failed.Add(1)
				}
				pages.Add(1)
				tokens.Add(int64(n))
			}
		}()
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
	m.Seconds, m.CPU = time.Since(start).Seconds(), cpuTime()-cpu
	m.Pages, m.Errors, m.Findings = int(pages.Load()), int(failed.Load()), int(tokens.Load())
	m.Bytes = dirBytes(dir)
	return m, nil
}

// floorSetup loads gojieba, timed as the floor's setup.
func floorSetup() (*tokenizer.Jieba, measurement, error) {
	m := measurement{Mode: "floor"}
	start := time.Now()
	tk, err := tokenizer.Shared()
	m.Setup = time.Since(start).Seconds()
	return tk, m, err
}

// floorPage is the least work a page takes: read, decode, parse, cut the
// visible text into words. It returns the number of tokens.
func floorPage(tk *tokenizer.Jieba, path string) (int, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	text, _, err := listings.Decode(raw, "")
	if err != nil {
		return 0, err
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return 0, err
	}
	return len(tk.Tokenize(listings.PlainText(doc.Find("body")))), nil
}

func pageFiles(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.html"))
	sort.Strings(files)
	return files, err
}

func dirBytes(dir string) int64 {
	files, _ := pageFiles(dir)
	var n int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			n += st.Size()
		}
	}
	return n
}

// cpuTime is the process's user and system CPU so far, in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// vmHWM is the process's peak resident set ("VmHWM" in /proc/self/status),
// in KiB; 0 where there is no /proc.
func vmHWM() int64 {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), &kb)
			return kb
		}
	}
	return 0
}
