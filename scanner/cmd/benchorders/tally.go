package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/scanner"
)

// tally counts what the scan found without keeping the findings, so the
// measured memory is the scanner's.
type tally struct {
	orders, errors, findings int
	byRule                   map[string]int
	cny                      float64
	firstErr                 error
}

func (t *tally) add(r scanner.Result) error {
	if t.byRule == nil {
		t.byRule = map[string]int{}
	}
	if r.Failed() {
		t.errors++
		if t.firstErr == nil {
			t.firstErr = errors.New(*r.Error)
		}
		return nil
	}
	if r.Kind == scanner.KindShipments {
		t.orders++
	}
	for _, f := range r.Findings {
		t.findings++
		t.byRule[f.Rule]++
		t.cny += f.Exposure.PlatformCNY
	}
	return nil
}

func (t *tally) print(n int, wall time.Duration, ix *shipments.Index) {
	rules := make([]string, 0, len(t.byRule))
	for r, c := range t.byRule {
		rules = append(rules, fmt.Sprintf("%s=%d", r, c))
	}
	sort.Strings(rules)
	fmt.Printf("scanned %d orders in %s: %.0f orders/s\n", t.orders, wall.Round(time.Millisecond), float64(t.orders)/wall.Seconds())
	fmt.Printf("findings %d (%s), compensation %.2f CNY, errors %d\n", t.findings, strings.Join(rules, " "), t.cny, t.errors)
	fmt.Printf("index: %d tracking numbers, %d listings\n", ix.TrackingNumbers(), len(ix.Listings()))
	if t.firstErr != nil {
		fmt.Println("first error:", t.firstErr)
	}
	if t.orders != n {
		fmt.Fprintf(os.Stderr, "warning: %d of %d orders scanned\n", t.orders, n)
	}
}

// vmHWM reads the process's peak resident set size from /proc (Linux).
func vmHWM() string {
	raw, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.Join(strings.Fields(strings.TrimPrefix(line, "VmHWM:")), " ")
		}
	}
	return "unknown"
}

// cpuTime is the process's user plus system CPU time: with other work on the
// machine, CPU per order is steadier than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
