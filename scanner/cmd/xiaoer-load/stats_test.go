package main

import (
	"net/http"
	"testing"
	"time"
)

// TestStatsSortsOutcomes: answers are told apart (200, 503, other, client
// timeouts, no answer) and percentiles come from the 200s alone.
func TestStatsSortsOutcomes(t *testing.T) {
	t.Parallel()
	var w1, w2 []outcome
	for i := 1; i <= 100; i++ {
		w1 = append(w1, outcome{dur: time.Duration(i) * time.Millisecond, status: http.StatusOK})
	}
	w2 = append(w2, outcome{dur: time.Second, status: http.StatusServiceUnavailable},
		outcome{dur: 2 * time.Second, timeout: true}, outcome{}, outcome{status: http.StatusBadRequest})
	s := newStats([][]outcome{w1, w2}, time.Second)
	if s.ok != 100 || s.busy != 1 || s.timeouts != 1 || s.failures != 1 || s.other != 1 {
		t.Fatalf("counts %+v", s)
	}
	if p50, p99 := pct(s.okDur, .5), pct(s.okDur, .99); p50 != 51*time.Millisecond || p99 != 100*time.Millisecond {
		t.Errorf("p50 %s p99 %s", p50, p99)
	}
	if pct(nil, .5) != 0 {
		t.Error("percentile of nothing")
	}
}
