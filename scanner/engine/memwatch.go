package engine

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/topdown"
)

// OPA bounds an evaluation by time only, and within the default time limit
// a comprehension can build gigabytes. The memory watch bounds it by heap
// too: while evaluations run, it samples the heap; when the heap has grown
// past an evaluation's budget since that evaluation began (and a forced
// collection confirms the growth is live), it cancels the longest-running
// such evaluation with ErrEvalMemory. OPA checks for cancellation between
// steps and inside the builtins that build large values (numbers.range,
// concat, replace), so the evaluation stops soon after.
//
// The watch also halts the evaluations whose context is done (the time
// limit, or the caller's cancellation) when it samples. Without that, OPA
// starts a goroutine per evaluation to wait on its context: about 7k of
// the 28k instructions a bare evaluation costs. A context is so obeyed
// within memWatchInterval, not at once.

// ErrEvalMemory marks an evaluation stopped for its memory budget.
var ErrEvalMemory = errors.New("policy evaluation exceeded its memory budget")

// DefaultEvalMemory is the heap one evaluation may add.
const DefaultEvalMemory = 128 << 20

// memWatchInterval is how often the heap is sampled, and the contexts
// looked at, while evaluations run.
const memWatchInterval = 5 * time.Millisecond

type memWatch struct {
	budget uint64
	mu     sync.Mutex
	slots  map[*evalSlot]struct{}
	wake   chan struct{}
}

type evalSlot struct {
	// ctx is the evaluation's: the caller's, with the time limit.
	ctx    context.Context
	cancel context.CancelFunc
	// halt is what OPA checks between steps (rego.EvalExternalCancel).
	halt  topdown.Cancel
	began time.Time
	heap  uint64 // heap in use when the evaluation began
	cause error  // ErrEvalMemory's, once the watch stops it (under mu)
}

func newMemWatch(budget uint64) *memWatch {
	w := &memWatch{budget: budget, slots: map[*evalSlot]struct{}{}, wake: make(chan struct{}, 1)}
	go w.run()
	return w
}

// enter registers an evaluation within limit; leave must follow, then
// the slot's cancel.
func (w *memWatch) enter(ctx context.Context, limit time.Duration) *evalSlot {
	ctx, cancel := context.WithTimeout(ctx, limit)
	s := &evalSlot{ctx: ctx, cancel: cancel, halt: topdown.NewCancel(), began: time.Now(), heap: heapInUse()}
	if ctx.Err() != nil {
		s.halt.Cancel() // the watch would halt it at its next sample
	}
	w.mu.Lock()
	w.slots[s] = struct{}{}
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return s
}

// leave unregisters an evaluation and returns the memory budget's error
// if the watch stopped it for that.
func (w *memWatch) leave(s *evalSlot) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.slots, s)
	return s.cause
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

// check halts the evaluations whose context is done, and cancels the
// oldest evaluation whose budget the heap has outgrown.
func (w *memWatch) check() {
	w.haltDone()
	if w.over(heapInUse()) == nil {
		return
	}
	runtime.GC() // garbage is not growth: count only what is live
	heap := heapInUse()
	if s := w.over(heap); s != nil {
		w.stop(s, fmt.Errorf("%w (%d MiB, heap at %d MiB)", ErrEvalMemory, w.budget>>20, heap>>20))
	}
}

// haltDone halts the evaluations whose context is done: the time limit or
// the caller's cancellation (OPA's error then names the context's).
func (w *memWatch) haltDone() {
	w.mu.Lock()
	defer w.mu.Unlock()
	for s := range w.slots {
		if s.ctx.Err() != nil {
			s.halt.Cancel()
		}
	}
}

// stop halts s for cause, and cancels its context for the builtins that
// wait on it.
func (w *memWatch) stop(s *evalSlot, cause error) {
	w.mu.Lock()
	if _, ok := w.slots[s]; ok && s.cause == nil {
		s.cause = cause
	}
	w.mu.Unlock()
	s.halt.Cancel()
	s.cancel()
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
