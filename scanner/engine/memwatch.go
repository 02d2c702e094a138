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
// past an evaluation's budget since the watch first sampled it (within
// memWatchInterval of its start), and a forced collection confirms the
// growth is live, it cancels the longest-running such evaluation with
// ErrEvalMemory. OPA checks for cancellation between steps and inside the
// builtins that build large values (numbers.range, concat, replace), so
// the evaluation stops soon after.
//
// The watch also halts the evaluations whose context is done (the
// caller's cancellation) or whose time limit has passed when it samples.
// Without that, OPA starts a goroutine per evaluation to wait on its
// context: about 7k of the 28k instructions a bare evaluation costs. A
// context is so obeyed within memWatchInterval, not at once; the time
// limit too, which the watch checks itself rather than with a timer per
// evaluation (context.WithTimeout's timer was about 1.5k of the 3.9k
// instructions an evaluation spent entering and leaving the watch).

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
	ctx *evalContext
	end context.CancelCauseFunc // cancels ctx, with its cause
	// halt is what OPA checks between steps (rego.EvalExternalCancel).
	halt  topdown.Cancel
	began time.Time
	// heap is the heap in use at the watch's first sample of the
	// evaluation (sampled false: none yet), under mu. Reading the heap
	// as the evaluation begins cost 3.6k instructions of each evaluation;
	// within memWatchInterval of its start an evaluation has added little
	// to its budget, and most evaluations end before a sample.
	heap    uint64
	sampled bool
	cause   error // ErrEvalMemory's, once the watch stops it (under mu)
}

func newMemWatch(budget uint64) *memWatch {
	w := &memWatch{budget: budget, slots: map[*evalSlot]struct{}{}, wake: make(chan struct{}, 1)}
	go w.run()
	return w
}

// enter registers an evaluation within limit; leave must follow, then
// the slot's cancel.
func (w *memWatch) enter(ctx context.Context, limit time.Duration) *evalSlot {
	inner, end := context.WithCancelCause(ctx)
	now := time.Now()
	s := &evalSlot{ctx: &evalContext{Context: inner, deadline: now.Add(limit)}, end: end,
		halt: topdown.NewCancel(), began: now}
	if limit <= 0 {
		end(context.DeadlineExceeded)
	}
	if s.ctx.Err() != nil {
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
	now := time.Now()
	w.mu.Lock()
	defer w.mu.Unlock()
	for s := range w.slots {
		if !now.Before(s.ctx.deadline) {
			s.end(context.DeadlineExceeded) // a no-op once done
		}
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

// cancel releases the slot's context; leave comes first.
func (s *evalSlot) cancel() { s.end(nil) }

// evalContext is an evaluation's context: the caller's, which the watch
// cancels with context.DeadlineExceeded as its cause at deadline. It
// reads as context.WithTimeout's did: done at the time limit with
// context.DeadlineExceeded, which OPA's error then names.
type evalContext struct {
	context.Context // context.WithCancelCause of the caller's
	deadline        time.Time
}

// Deadline is the time limit's, or the caller's when that comes first.
func (c *evalContext) Deadline() (time.Time, bool) {
	if d, ok := c.Context.Deadline(); ok && d.Before(c.deadline) {
		return d, true
	}
	return c.deadline, true
}

// Err is context.DeadlineExceeded once the watch has stopped the
// evaluation at its time limit, else the context's error.
func (c *evalContext) Err() error {
	err := c.Context.Err()
	if err == context.Canceled && context.Cause(c.Context) == context.DeadlineExceeded {
		return context.DeadlineExceeded
	}
	return err
}

// over returns the longest-running evaluation the heap is over budget for.
// An evaluation it meets for the first time takes heap as where its
// budget starts.
func (w *memWatch) over(heap uint64) *evalSlot {
	w.mu.Lock()
	defer w.mu.Unlock()
	var oldest *evalSlot
	for s := range w.slots {
		if !s.sampled {
			s.heap, s.sampled = heap, true
			continue
		}
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
