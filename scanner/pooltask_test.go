package scanner

import (
	"context"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// orderTasks is a source of n order-like tasks of unknown length, as the
// shipments path draws them; drawn counts the tasks taken from it, and
// task 0 waits for release.
func orderTasks(n int, drawn *atomic.Int32, release chan struct{}) func() (task, bool) {
	return func() (task, bool) {
		i := int(drawn.Load())
		if i == n {
			return nil, false
		}
		drawn.Add(1)
		return func(context.Context, job) unit {
			if i == 0 {
				<-release
			}
			return unit{n: 1, result: Result{ID: strconv.Itoa(i), Findings: []finding.Finding{}}}
		}, true
	}
}

// The pool draws a streamed source only as the window allows (so a
// shipments scan never holds all its orders), and emits in source order.
func TestRunPoolDrawsStreamWithinWindow(t *testing.T) {
	t.Parallel()
	var drawn atomic.Int32
	release := make(chan struct{})
	s := &Scanner{Options: Options{Workers: 3}}
	const window, n = 8, 500
	var got []string
	done := make(chan error, 1)
	go func() {
		done <- s.runPool(context.Background(), orderTasks(n, &drawn, release), window, false, nil, func(r Result) error {
			got = append(got, r.ID)
			return nil
		})
	}()
	time.Sleep(200 * time.Millisecond)
	if d := drawn.Load(); d != window {
		t.Errorf("%d tasks drawn while the first is stuck, want the window (%d)", d, window)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	wantCounted(t, got, n)
}

// wantCounted fails unless got is "0", "1", … up to n-1, in that order:
// every result once, in source order.
func wantCounted(t *testing.T, got []string, n int) {
	t.Helper()
	if len(got) != n {
		t.Fatalf("%d results, want %d", len(got), n)
	}
	for i, id := range got {
		if id != strconv.Itoa(i) {
			t.Fatalf("result %d is %s, want source order", i, id)
		}
	}
}

// An empty source ends the pool at once, with nothing emitted.
func TestRunPoolEmptySource(t *testing.T) {
	t.Parallel()
	var drawn atomic.Int32
	s := &Scanner{Options: Options{Workers: 2}}
	emitted := 0
	err := s.runPool(context.Background(), orderTasks(0, &drawn, nil), 0, true, nil, func(Result) error { emitted++; return nil })
	if err != nil || emitted != 0 {
		t.Fatalf("empty source: err %v, %d results", err, emitted)
	}
}
