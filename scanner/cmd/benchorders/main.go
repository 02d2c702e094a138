// Command benchorders generates a shop's orders with a fixed seed, scans
// them with the embedded policies and prints orders per second, wall time
// and peak memory (VmHWM):
//
//	go run ./scanner/cmd/benchorders -n 100000 -form csv
//
// -form csv writes orders.csv plus tracking answers in batch files (1,000
// answers each, Kuaidi100 and KDNiao in turn); -form jsonl writes one order
// per line with its events inline. The files go to a temporary directory,
// removed afterwards unless -keep is given.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

func main() {
	n := flag.Int("n", 100000, "orders to generate")
	seed := flag.Uint64("seed", 20261123, "random seed")
	form := flag.String("form", "csv", "csv (orders.csv + tracking batch files) or jsonl (inline events)")
	workers := flag.Int("workers", 0, "parallel evaluations (0: GOMAXPROCS)")
	keep := flag.Bool("keep", false, "keep the generated files")
	cpuProfile := flag.String("cpuprofile", "", "write a CPU profile of the scan to this file")
	flag.Parse()
	if err := run(*n, *seed, *form, *workers, *keep, *cpuProfile); err != nil {
		fmt.Fprintln(os.Stderr, "benchorders:", err)
		os.Exit(2)
	}
}

func run(n int, seed uint64, form string, workers int, keep bool, cpuProfile string) error {
	dir, err := os.MkdirTemp("", "benchorders-")
	if err != nil {
		return err
	}
	if !keep {
		defer os.RemoveAll(dir)
	}
	start := time.Now()
	if err := generate(dir, n, seed, form); err != nil {
		return fmt.Errorf("generate: %w", err)
	}
	fmt.Printf("generated %d orders (%s) in %s: %s; VmHWM %s\n", n, form, time.Since(start).Round(time.Millisecond), dir, vmHWM())

	ctx := context.Background()
	eng, err := engine.New(ctx, engine.Options{})
	if err != nil {
		return err
	}
	s := &scanner.Scanner{Checker: &scanner.Checker{Engine: eng}, Options: scanner.Options{Workers: workers}}
	src := shipments.NewSource(scanner.ShipmentInputs([]string{dir}), shipments.Options{Now: benchNow})
	var t tally
	stop, err := profile(cpuProfile)
	if err != nil {
		return err
	}
	start, cpu := time.Now(), cpuTime()
	err = s.RunShipments(ctx, src, t.add)
	wall, cpu := time.Since(start), cpuTime()-cpu
	stop()
	if err != nil {
		return err
	}
	t.print(n, wall, src.Index())
	fmt.Printf("scan CPU time %s: %.0f µs per order\n", cpu.Round(time.Millisecond), float64(cpu.Microseconds())/float64(max(t.orders, 1)))
	fmt.Printf("peak memory (VmHWM, whole process): %s; CPU time (user+sys, whole process): %s\n", vmHWM(), cpuTime().Round(time.Millisecond))
	return nil
}

// profile starts a CPU profile when path is set; the returned func stops it.
func profile(path string) (func(), error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
