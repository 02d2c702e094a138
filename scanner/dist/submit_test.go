package dist

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// addNamed plans n small inputs named from-0.html ..., one task each.
func addNamed(ctx context.Context, p *Planner, from, n int) error {
	p.FilesPerTask = 1
	for i := from; i < from+n; i++ {
		name := fmt.Sprintf("in-%d.html", i)
		in := scanner.Input{Source: name, Read: func() ([]byte, error) { return []byte(name), nil }}
		if err := p.AddInput(ctx, in); err != nil {
			return err
		}
	}
	return p.flush(ctx)
}

// waitSubmitted polls the job record until its heartbeat says n sources.
func waitSubmitted(t *testing.T, q *Queue, id string, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if j, err := q.Job(context.Background(), id); err == nil && j.Submitted == n {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("job %s: no heartbeat with %d sources submitted", id, n)
}

// submitScene starts a node with a worker, and connects a submitter that
// beats every 100 ms and a collector that gives up after 1 s without one.
func submitScene(t *testing.T) (submitter, collector *Queue) {
	t.Helper()
	ns := startNode(t, "127.0.0.1:-1", t.TempDir())
	submitter = connect(t, ns.ClientURL(), 1)
	submitter.Heartbeat = 100 * time.Millisecond
	collector = connect(t, ns.ClientURL(), 1)
	collector.StaleSubmit = time.Second
	startWorkers(t, connect(t, ns.ClientURL(), 1), 1, &echoJudge{}, 5*time.Second)
	return submitter, collector
}

func TestDeadSubmitterEndsCollectWithCount(t *testing.T) {
	submitter, collector := submitScene(t)

	job := &Job{ID: NewJobID(), Sources: 5}
	ctx, kill := context.WithCancel(context.Background())
	died := make(chan error, 1)
	go func() {
		died <- submitter.Submit(ctx, job, func(p *Planner) error {
			if err := addNamed(ctx, p, 0, 2); err != nil {
				return err
			}
			<-ctx.Done() // the submitter is killed before its third input
			return ctx.Err()
		})
	}()
	waitSubmitted(t, submitter, job.ID, 2)
	kill()
	if err := <-died; err == nil {
		t.Fatal("Submit of a killed submission returned no error")
	}

	q := collector
	cctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	got := 0
	_, err := q.Collect(cctx, job.ID, func(_ *Job, g Group) error { got += g.Inputs; return nil })
	if !errors.Is(err, ErrUnsubmitted) {
		t.Fatalf("Collect = %v, want ErrUnsubmitted (before the 30 s timeout)", err)
	}
	want := fmt.Sprintf("job %s was never fully submitted: 2 of 5 inputs; submit again", job.ID)
	if err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
	if got > 2 {
		t.Errorf("%d inputs collected, the job only has 2", got)
	}
}

func TestSlowSubmitterIsWaitedFor(t *testing.T) {
	submitter, collector := submitScene(t)

	job := &Job{ID: NewJobID(), Sources: 4}
	done := make(chan error, 1)
	go func() {
		done <- submitter.Submit(context.Background(), job, func(p *Planner) error {
			if err := addNamed(context.Background(), p, 0, 2); err != nil {
				return err
			}
			time.Sleep(3 * time.Second) // three times the collector's patience, with heartbeats
			return addNamed(context.Background(), p, 2, 2)
		})
	}()
	waitSubmitted(t, submitter, job.ID, 2)

	q := collector
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	seen := map[int]int{}
	final, err := q.Collect(ctx, job.ID, func(_ *Job, g Group) error {
		for _, r := range g.Results {
			seen[r.Input]++
		}
		return nil
	})
	if err != nil {
		t.Fatalf("Collect of a slow but live submission: %v", err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if final.Inputs != 4 || final.Submitted != 4 || len(seen) != 4 {
		t.Errorf("job: %d inputs, %d sources submitted, %d collected; want 4 each", final.Inputs, final.Submitted, len(seen))
	}
	for in, n := range seen {
		if n != 1 {
			t.Errorf("input %d collected %d times", in, n)
		}
	}
}
