package dist

import (
	"context"
	"fmt"
	"net"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// freeAddr is a loopback address nothing listens on yet.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// startNode starts a single embedded server storing under dir.
func startNode(t *testing.T, listen, dir string) *server.Server {
	t.Helper()
	ns, err := StartServer(ServerOptions{Listen: listen, StoreDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ns.Shutdown)
	return ns
}

func connect(t *testing.T, url string, replicas int) *Queue {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	q, err := Connect(ctx, url, "", t.Name(), replicas)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

// echoJudge answers each input with one result naming it, after delay; it
// counts how often it judged each task.
type echoJudge struct {
	delay time.Duration
	mu    sync.Mutex
	calls map[int]int
}

func (e *echoJudge) Judge(ctx context.Context, _ *Job, t Task, data []byte) []scanner.Result {
	e.mu.Lock()
	if e.calls == nil {
		e.calls = map[int]int{}
	}
	e.calls[t.ID]++
	e.mu.Unlock()
	time.Sleep(e.delay)
	var out []scanner.Result
	for i := range t.Inputs {
		source := t.Source
		if t.Kind == KindFiles {
			source, data = t.Files[i].Source, t.Files[i].Data
		}
		out = append(out, scanner.Result{Input: t.Input + i, Source: source, Kind: "listing",
			ID: fmt.Sprintf("%s#%d", data, t.Chunk), Findings: []finding.Finding{}})
	}
	return out
}

// blockingJudge holds every task it gets until release is closed, telling
// taken about each: a worker about to be killed.
type blockingJudge struct {
	taken   chan int
	release chan struct{}
}

func (b *blockingJudge) Judge(ctx context.Context, _ *Job, t Task, _ []byte) []scanner.Result {
	b.taken <- t.ID
	<-b.release
	return failedResults(t, "a killed worker's result must never be stored")
}

// startWorkers runs n workers on q until the test ends.
func startWorkers(t *testing.T, q *Queue, n int, judge Judge, ackWait time.Duration) []*Worker {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var ws []*Worker
	for i := range n {
		w := &Worker{Queue: q, Judge: judge, Workers: 2, AckWait: ackWait, Name: fmt.Sprintf("w%d", i)}
		ws = append(ws, w)
		wg.Go(func() {
			if err := w.Run(ctx); err != nil && ctx.Err() == nil {
				t.Errorf("worker %d: %v", i, err)
			}
		})
	}
	t.Cleanup(func() { cancel(); wg.Wait() })
	return ws
}

// submitSources submits a job of n plain inputs named in-0.html ...,
// perTask of them a task.
func submitSources(t *testing.T, q *Queue, n, perTask int) *Job {
	t.Helper()
	job := &Job{}
	err := q.Submit(context.Background(), job, func(p *Planner) error {
		p.FilesPerTask = perTask
		for i := range n {
			name := fmt.Sprintf("in-%d.html", i)
			in := scanner.Input{Source: name, Read: func() ([]byte, error) { return []byte(name), nil }}
			if err := p.AddInput(context.Background(), in); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := (n + perTask - 1) / perTask; job.Tasks != want || job.Inputs != n {
		t.Fatalf("%d inputs in %d tasks, want %d in %d", job.Inputs, job.Tasks, n, want)
	}
	return job
}

// collectAll gathers a job's results and checks every input is there once.
func collectAll(t *testing.T, q *Queue, id string, timeout time.Duration) []scanner.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	var got []scanner.Result
	var covered []int
	job, err := q.Collect(ctx, id, func(_ *Job, g Group) error {
		got = append(got, g.Results...)
		for i := range g.Inputs {
			covered = append(covered, g.Input+i)
		}
		for _, r := range g.Results {
			if r.Input < g.Input || r.Input >= g.Input+g.Inputs {
				t.Errorf("result of input %d in the group of inputs %d..%d", r.Input, g.Input, g.Input+g.Inputs-1)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("collect job %s: %v (%d results so far)", id, err, len(got))
	}
	checkOnce(t, covered, job.Inputs)
	return got
}

// checkOnce fails unless inputs 0..n-1 each appear exactly once.
func checkOnce(t *testing.T, inputs []int, n int) {
	t.Helper()
	seen := map[int]int{}
	for _, in := range inputs {
		seen[in]++
	}
	var wrong []string
	for i := range n {
		if seen[i] != 1 {
			wrong = append(wrong, fmt.Sprintf("input %d × %d", i, seen[i]))
		}
	}
	if len(seen) != n {
		wrong = append(wrong, fmt.Sprintf("%d distinct inputs, want %d", len(seen), n))
	}
	slices.Sort(wrong)
	if len(wrong) > 0 {
		t.Fatalf("results not exactly once per input: %v", wrong)
	}
}
