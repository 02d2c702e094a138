package scanner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// loadInputs are inputs whose Load fails with their own index, so the pool
// can be tested without policies; block, if set, holds one input back.
func loadInputs(n int, loaded *atomic.Int32, block map[int]chan struct{}) []Input {
	in := make([]Input, n)
	for i := range in {
		in[i] = Input{Index: i, Source: "in" + strconv.Itoa(i), Load: func(ctx context.Context) ([]*listings.Listing, error) {
			loaded.Add(1)
			if ch := block[i]; ch != nil {
				<-ch
			}
			return nil, errors.New(strconv.Itoa(i))
		}}
	}
	return in
}

func TestRunStreamKeepsInputOrder(t *testing.T) {
	t.Parallel()
	var loaded atomic.Int32
	s := &Scanner{Options: Options{Workers: 4}}
	var got []int
	err := s.RunStream(context.Background(), loadInputs(500, &loaded, nil), StreamOptions{}, func(r Result) error {
		got = append(got, r.Input)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, idx := range got {
		if idx != i {
			t.Fatalf("result %d is input %d", i, idx)
		}
	}
	if len(got) != 500 {
		t.Fatalf("%d results, want 500", len(got))
	}
}

// While the first input is stuck, the feed may not run more than a window
// ahead: memory is bounded by the window, not by the number of inputs.
func TestRunStreamBoundsWhatIsInFlight(t *testing.T) {
	t.Parallel()
	var loaded atomic.Int32
	release := make(chan struct{})
	s := &Scanner{Options: Options{Workers: 4}}
	const window = 10
	done := make(chan error, 1)
	var emitted atomic.Int32
	go func() {
		done <- s.RunStream(context.Background(), loadInputs(1000, &loaded, map[int]chan struct{}{0: release}),
			StreamOptions{Window: window}, func(Result) error { emitted.Add(1); return nil })
	}()
	time.Sleep(200 * time.Millisecond)
	if n := loaded.Load(); n != window {
		t.Errorf("%d inputs loaded while the first is stuck, want the window (%d)", n, window)
	}
	if n := emitted.Load(); n != 0 {
		t.Errorf("%d results emitted before the first input, want 0 in input order", n)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := emitted.Load(); n != 1000 {
		t.Errorf("%d results, want 1000", n)
	}
}

// Emitting as completed, a stuck input holds nothing back but its own
// result; every input still comes out exactly once.
func TestRunStreamAsCompleted(t *testing.T) {
	t.Parallel()
	var loaded atomic.Int32
	release := make(chan struct{})
	s := &Scanner{Options: Options{Workers: 3}}
	seen := map[int]int{}
	var mu sync.Mutex
	var done []string
	so := StreamOptions{AsCompleted: true, Window: 8, InputDone: func(in Input, results int) {
		mu.Lock()
		defer mu.Unlock()
		done = append(done, in.Source)
		if len(done) == 50 {
			close(release)
		}
	}}
	err := s.RunStream(context.Background(), loadInputs(300, &loaded, map[int]chan struct{}{5: release}), so, func(r Result) error {
		seen[r.Input]++
		if *r.Error != strconv.Itoa(r.Input) {
			return fmt.Errorf("input %d carries error %q", r.Input, *r.Error)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 300 {
		t.Fatalf("%d inputs emitted, want 300", len(seen))
	}
	for i, n := range seen {
		if n != 1 {
			t.Errorf("input %d emitted %d times", i, n)
		}
	}
	// Input 5 is released only once 50 inputs are done: in input order
	// that could never happen.
	if pos := slices.Index(done, "in5"); pos < 50 {
		t.Errorf("the stuck input was emitted %dth, want after the 50 that overtook it", pos+1)
	}
}

func TestRunStreamStopsOnEmitError(t *testing.T) {
	t.Parallel()
	var loaded atomic.Int32
	s := &Scanner{Options: Options{Workers: 2}}
	stop := errors.New("disk full")
	n := 0
	err := s.RunStream(context.Background(), loadInputs(10000, &loaded, nil), StreamOptions{}, func(Result) error {
		if n++; n == 20 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err = %v, want the emit error", err)
	}
	if l := loaded.Load(); l > 200 {
		t.Errorf("%d inputs loaded after emit failed at 20", l)
	}
}
