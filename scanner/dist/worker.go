package dist

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Worker defaults.
const (
	DefaultAckWait       = 60 * time.Second
	DefaultMaxDeliveries = 5
)

// Worker takes tasks from the queue, judges them and stores their results,
// acknowledging a task only once its results are stored.
type Worker struct {
	Queue   *Queue
	Judge   Judge
	Workers int           // tasks judged at once (0: one per CPU)
	AckWait time.Duration // how long a task may go without word before it is handed out again
	// MaxDeliveries is how often a task is handed out before it is given up
	// as an error result: an input that kills every worker that takes it
	// must not hold its job open for ever.
	MaxDeliveries int
	Name          string
	Log           io.Writer // one line per task that could not be finished (nil: none)

	Done atomic.Int64 // tasks whose results this worker stored

	jobsMu sync.Mutex
	jobs   map[string]*Job
}

// Run takes tasks until ctx ends, then drains: it takes nothing new,
// finishes and acknowledges the tasks it holds, and returns. A closed
// connection (the worker killed) returns at once, acknowledging nothing.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.consumer(ctx)
	if err != nil {
		return err
	}
	n := w.Workers
	if n <= 0 {
		n = runtime.NumCPU()
	}
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() { errs <- w.loop(ctx, cons) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// consumer is the durable consumer every worker shares; each task goes to
// one of them.
func (w *Worker) consumer(ctx context.Context) (jetstream.Consumer, error) {
	wait := w.AckWait
	if wait <= 0 {
		wait = DefaultAckWait
	}
	var cons jetstream.Consumer
	err := retry(ctx, func(ctx context.Context) (err error) {
		cons, err = w.Queue.JS.CreateOrUpdateConsumer(ctx, tasksStream, jetstream.ConsumerConfig{
			Durable: workersName, AckPolicy: jetstream.AckExplicitPolicy, AckWait: wait,
			MaxDeliver: -1, MaxAckPending: 10000, Replicas: 0,
		})
		return err
	}, "create consumer "+workersName)
	return cons, err
}

// loop takes one task at a time until ctx ends or the connection closes.
func (w *Worker) loop(ctx context.Context, cons jetstream.Consumer) error {
	for ctx.Err() == nil {
		msg, err := cons.Next(jetstream.FetchMaxWait(time.Second))
		switch {
		case err == nil:
			w.handle(context.WithoutCancel(ctx), msg) // a task taken is finished, even when draining
		case errors.Is(err, nats.ErrConnectionClosed):
			return nil
		case errors.Is(err, nats.ErrTimeout), errors.Is(err, jetstream.ErrNoMessages):
		default:
			time.Sleep(100 * time.Millisecond) // a server between leaders or restarting
		}
	}
	return nil
}

// handle judges one task, stores its results and acknowledges it. Any
// failure before the results are stored leaves the task unacknowledged, so
// it is handed out again after the ack wait.
func (w *Worker) handle(ctx context.Context, msg jetstream.Msg) {
	t, err := decodeTask(msg.Data())
	if err != nil {
		w.logf("%v: dropped", err)
		msg.Term()
		return
	}
	stop := w.keepAlive(msg)
	out, err := w.judge(ctx, msg, t)
	stop()
	if errors.Is(err, ErrNoJob) {
		w.logf("task %s: %v: dropped", t.dedupID(), err)
		msg.Term()
		return
	}
	if err == nil {
		err = w.Queue.storeOutcome(ctx, out)
	}
	if err != nil {
		w.logf("task %s: %v (it will be handed out again)", t.dedupID(), err)
		return
	}
	if err := msg.DoubleAck(ctx); err != nil {
		w.logf("task %s: stored, but ack failed: %v (a second copy will be dropped)", t.dedupID(), err)
	}
	w.Done.Add(1)
}

func (w *Worker) judge(ctx context.Context, msg jetstream.Msg, t Task) (*Outcome, error) {
	job, err := w.job(ctx, t.Job)
	if err != nil {
		return nil, err
	}
	out := &Outcome{Task: t, Worker: w.Name}
	out.Task.Data, out.Task.Files = nil, nil
	if meta, err := msg.Metadata(); err == nil && w.maxDeliveries() > 0 && meta.NumDelivered > uint64(w.maxDeliveries()) {
		out.Results = failedResults(t, fmt.Sprintf("given up after %d deliveries: every worker that took this input stopped before finishing it", meta.NumDelivered-1))
		return out, nil
	}
	data, err := w.Queue.taskData(ctx, t)
	if err != nil {
		out.Results = failedResults(t, err.Error())
		return out, nil
	}
	out.Results = w.Judge.Judge(ctx, job, t, data)
	return out, nil
}

func (w *Worker) maxDeliveries() int {
	if w.MaxDeliveries == 0 {
		return DefaultMaxDeliveries
	}
	return w.MaxDeliveries
}

// keepAlive tells the server the task is still being worked on, three times
// per ack wait, so a slow input (a fetch with retries) is not handed out
// again while its worker lives.
func (w *Worker) keepAlive(msg jetstream.Msg) (stop func()) {
	wait := w.AckWait
	if wait <= 0 {
		wait = DefaultAckWait
	}
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(wait / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				msg.InProgress()
			}
		}
	}()
	return func() { close(done) }
}

// job reads a job's settings once per worker.
func (w *Worker) job(ctx context.Context, id string) (*Job, error) {
	w.jobsMu.Lock()
	defer w.jobsMu.Unlock()
	if j, ok := w.jobs[id]; ok {
		return j, nil
	}
	j, err := w.Queue.Job(ctx, id)
	if err != nil {
		return nil, err
	}
	if w.jobs == nil || len(w.jobs) > 256 {
		w.jobs = map[string]*Job{}
	}
	w.jobs[id] = j
	return j, nil
}

func (w *Worker) logf(format string, args ...any) {
	if w.Log != nil {
		fmt.Fprintf(w.Log, "xiaoer worker: "+format+"\n", args...)
	}
}
