package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

// OPA bounds an evaluation by time only, and within the default time limit
// a comprehension can build gigabytes. The memory watch bounds it by heap
// too: while evaluations run, it samples the heap; when the heap has grown
// past an evaluation's budget since that evaluation began (and a forced
// collection confirms the growth is live), it cancels the longest-running
// such evaluation with ErrEvalMemory. OPA checks for cancellation between
// steps and inside the builtins that build large values (numbers.range,
// concat, replace), so the evaluation stops soon after.

// ErrEvalMemory marks an evaluation stopped for its memory budget.
var ErrEvalMemory = errors.New("policy evaluation exceeded its memory budget")

// DefaultEvalMemory is the heap one evaluation may add.
const DefaultEvalMemory = 128 << 20

// memWatchInterval is how often the heap is sampled while evaluations run.
const memWatchInterval = 5 * time.Millisecond

type memWatch struct {
	budget uint64
	mu     sync.Mutex
	slots  map[*evalSlot]struct{}
	wake   chan struct{}
}

type evalSlot struct {
	cancel context.CancelCauseFunc
	began  time.Time
	heap   uint64 // heap in use when the evaluation began
}

func newMemWatch(budget uint64) *memWatch {
	w := &memWatch{budget: budget, slots: map[*evalSlot]struct{}{}, wake: make(chan struct{}, 1)}
	go w.run()
	return w
}

// enter registers an evaluation; leave must follow.
func (w *memWatch) enter(ctx context.Context) (context.Context, *evalSlot) {
	ctx, cancel := context.WithCancelCause(ctx)
	s := &evalSlot{cancel: cancel, began: time.Now(), heap: heapInUse()}
	w.mu.Lock()
	w.slots[s] = struct{}{}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return ctx, s
}

func (w *memWatch) leave(s *evalSlot) {
	w.mu.Lock()
	delete(w.slots, s)
	w.mu.Unlock()
	s.cancel(nil)
}

// run samples while any evaluation is in flight and sleeps otherwise. The
// watch lives as long as the process: engines are few and long-lived.
func (w *memWatch) run() {
	tick := time.NewTicker(memWatchInterval)
	defer tick.Stop()
	for {
		if w.idle() {
			<-w.wake
		}
		<-tick.C
		w.check()
	}
}

func (w *memWatch) idle() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return len(w.slots) == 0
}

// check cancels the oldest evaluation whose budget the heap has outgrown.
func (w *memWatch) check() {
	if w.over(heapInUse()) == nil {
		return
	}
	runtime.GC() // garbage is not growth: count only what is live
	heap := heapInUse()
	if s := w.over(heap); s != nil {
		s.cancel(fmt.Errorf("%w (%d MiB, heap at %d MiB)", ErrEvalMemory, w.budget>>20, heap>>20))
	}
}

// over returns the longest-running evaluation the heap is over budget for.
func (w *memWatch) over(heap uint64) *evalSlot {
	w.mu.Lock()
	defer w.mu.Unlock()
	var oldest *evalSlot
	for s := range w.slots {
		if heap > s.heap+w.budget && (oldest == nil || s.began.Before(oldest.began)) {
			oldest = s
		}
	}
	return oldest
}

var heapSample = []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
var heapMu sync.Mutex

// heapInUse is the bytes of heap objects, live or not yet swept; reading it
// does not stop the world.
func heapInUse() uint64 {
	heapMu.Lock()
	defer heapMu.Unlock()
	metrics.Read(heapSample)
	return heapSample[0].Value.Uint64()
}
