package serve

import (
	"context"
	"net/http"
	"time"
)

// limiter bounds the evaluations in flight. A request takes a slot, or
// waits for one in a queue of bounded length for a bounded time; beyond
// either bound it is refused at once with 503 and Retry-After, so load
// past capacity costs the caller a retry, never an unbounded wait.
type limiter struct {
	slots   chan struct{} // one per evaluation in flight
	queue   chan struct{} // one per request waiting for a slot
	maxWait time.Duration
}

func newLimiter(slots, queue int, maxWait time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, slots), queue: make(chan struct{}, queue), maxWait: maxWait}
}

// acquire takes one slot; release gives it back.
func (l *limiter) acquire(ctx context.Context) (release func(), err error) {
	if l.tryAcquire() {
		return l.release, nil
	}
	select {
	case l.queue <- struct{}{}:
	default:
		return nil, overloaded("every evaluation slot is busy and the queue is full")
	}
	defer func() { <-l.queue }()
	timer := time.NewTimer(l.maxWait)
	defer timer.Stop()
	select {
	case l.slots <- struct{}{}:
		return l.release, nil
	case <-timer.C:
		return nil, overloaded("no evaluation slot came free in " + l.maxWait.String())
	case <-ctx.Done():
		return nil, newError(http.StatusServiceUnavailable, CodeTimeout, "gave up waiting for an evaluation slot: %v", ctx.Err())
	}
}

// extra takes up to n more slots that are free right now, without waiting,
// so a batch uses idle cores but never holds up single checks.
func (l *limiter) extra(n int) (got int, release func()) {
	for got < n && l.tryAcquire() {
		got++
	}
	return got, func() {
		for range got {
			<-l.slots
		}
	}
}

func (l *limiter) tryAcquire() bool {
	select {
	case l.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (l *limiter) release() { <-l.slots }

// full reports every slot and every queue place taken: a request now
// would be refused, so it need not even be read.
func (l *limiter) full() bool { return len(l.slots) == cap(l.slots) && len(l.queue) == cap(l.queue) }

// inFlight is the number of slots taken.
func (l *limiter) inFlight() int { return len(l.slots) }

func overloaded(why string) *apiError {
	e := newError(http.StatusServiceUnavailable, CodeOverloaded, "server busy: %s; retry later", why)
	e.RetryAfter = 1
	return e
}
