package dist

import (
	"strings"
	"testing"
	"time"
)

func TestSingleNodeJobEveryInputOnce(t *testing.T) {
	addr := freeAddr(t)
	startNode(t, addr, t.TempDir())
	q := connect(t, "nats://"+addr, 1)
	startWorkers(t, q, 3, &echoJudge{}, 5*time.Second)
	job := submitSources(t, q, 50, 3)
	got := collectAll(t, q, job.ID, 30*time.Second)
	for _, r := range got {
		if !strings.HasPrefix(r.ID, r.Source) {
			t.Errorf("input %d (%s) judged with the data of %s", r.Input, r.Source, r.ID)
		}
	}
	// Reattaching to the finished job gives the same results again.
	again := collectAll(t, q, job.ID, 10*time.Second)
	if len(again) != len(got) {
		t.Errorf("reattached: %d results, first time %d", len(again), len(got))
	}
}

func TestKilledWorkerTaskIsRedeliveredOnce(t *testing.T) {
	addr := freeAddr(t)
	startNode(t, addr, t.TempDir())
	url := "nats://" + addr
	doomed := connect(t, url, 1)
	block := &blockingJudge{taken: make(chan int, 4), release: make(chan struct{})}
	startWorkers(t, doomed, 1, block, time.Second)
	job := submitSources(t, connect(t, url, 1), 30, 2)
	held := <-block.taken // the doomed worker holds a task
	doomed.Close()        // killed: no ack, no result
	close(block.release)

	echo := &echoJudge{delay: 5 * time.Millisecond}
	startWorkers(t, connect(t, url, 1), 3, echo, time.Second)
	got := collectAll(t, connect(t, url, 1), job.ID, 30*time.Second)
	for _, r := range got {
		if r.Error != nil {
			t.Errorf("input %d: the killed worker's result was stored: %s", r.Input, *r.Error)
		}
	}
	if echo.calls[held] != 1 {
		t.Errorf("task %d held by the killed worker was judged %d times by the others, want 1", held, echo.calls[held])
	}
}
