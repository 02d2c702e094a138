package engine

import (
	"context"
	"testing"
	"time"
)

// TestMemWatchBudgetFromFirstSample: an evaluation's budget starts at the
// watch's first sample of it, and the oldest evaluation over its budget is
// the one stopped.
func TestMemWatchBudgetFromFirstSample(t *testing.T) {
	w := &memWatch{budget: 100, slots: map[*evalSlot]struct{}{}, wake: make(chan struct{}, 1)}
	old := w.enter(context.Background(), time.Hour)
	defer old.cancel()
	if s := w.over(1000); s != nil {
		t.Fatalf("first sample at 1000: %p over budget, want none", s)
	}
	young := w.enter(context.Background(), time.Hour)
	defer young.cancel()
	young.began = old.began.Add(time.Second)
	if s := w.over(1050); s != nil {
		t.Fatalf("heap 1050: %p over budget, want none (old's budget ends at 1100)", s)
	}
	if s := w.over(1101); s != old {
		t.Errorf("heap 1101: %p over budget, want old %p alone", s, old)
	}
	if err := w.leave(old); err != nil {
		t.Errorf("old left with %v, want no cause (the watch did not stop it)", err)
	}
	if s := w.over(1101); s != nil {
		t.Errorf("heap 1101 without old: %p over budget, want none (young's ends at 1150)", s)
	}
	if s := w.over(1151); s != young {
		t.Errorf("heap 1151: %p over budget, want young %p", s, young)
	}
	w.stop(young, ErrEvalMemory)
	if err := w.leave(young); err != ErrEvalMemory || !young.halt.Cancelled() || young.ctx.Err() == nil {
		t.Errorf("young stopped: cause %v, halted %v, context %v; want the cause, halted, cancelled", err, young.halt.Cancelled(), young.ctx.Err())
	}
}

// TestMemWatchTimeLimit: the watch ends an evaluation whose time limit has
// passed as context.WithTimeout did (its context done, with
// context.DeadlineExceeded, and halted); one whose caller cancels ends
// with the caller's error, and one with no time left is done at once.
func TestMemWatchTimeLimit(t *testing.T) {
	w := &memWatch{budget: 100, slots: map[*evalSlot]struct{}{}, wake: make(chan struct{}, 1)}
	caller, cancel := context.WithCancel(context.Background())
	late := w.enter(context.Background(), time.Millisecond)
	defer late.cancel()
	called := w.enter(caller, time.Hour)
	defer called.cancel()
	if d, ok := late.ctx.Deadline(); !ok || !d.Equal(late.began.Add(time.Millisecond)) {
		t.Errorf("deadline %v %v, want a millisecond after the start", d, ok)
	}
	time.Sleep(5 * time.Millisecond)
	if late.ctx.Err() != nil || late.halt.Cancelled() {
		t.Fatalf("before the watch looked: %v, halted %v; want neither (the watch ends it)", late.ctx.Err(), late.halt.Cancelled())
	}
	cancel()
	w.haltDone()
	select {
	case <-late.ctx.Done():
	default:
		t.Errorf("past its time limit: context not done")
	}
	if late.ctx.Err() != context.DeadlineExceeded || !late.halt.Cancelled() {
		t.Errorf("past its time limit: %v, halted %v; want %v, halted", late.ctx.Err(), late.halt.Cancelled(), context.DeadlineExceeded)
	}
	if called.ctx.Err() != context.Canceled || !called.halt.Cancelled() {
		t.Errorf("caller cancelled: %v, halted %v; want %v, halted", called.ctx.Err(), called.halt.Cancelled(), context.Canceled)
	}
	if none := w.enter(context.Background(), 0); none.ctx.Err() != context.DeadlineExceeded || !none.halt.Cancelled() {
		t.Errorf("no time: %v, halted %v; want %v at once, halted", none.ctx.Err(), none.halt.Cancelled(), context.DeadlineExceeded)
	}
}
