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
