package dist

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// Group is the results of whole inputs (one, or a run of export rows), in
// input order: a title list split over several tasks comes out as one group
// once every part is in, so one input's results always travel together.
type Group struct {
	Input   int // first input
	Inputs  int // how many inputs
	Results []scanner.Result
}

// Collect reads a job's results from the start, drops any second copy of a
// task's results, and calls emit with each group of whole inputs as it
// completes, until every task has exactly one set of results. It returns
// the job's settings. It works the same for a job still running and for
// one long finished, so a submitter can reattach at any time.
func (q *Queue) Collect(ctx context.Context, id string, emit func(*Job, Group) error) (*Job, error) {
	job, err := q.Job(ctx, id)
	if err != nil {
		return nil, err
	}
	var cons jetstream.Consumer
	err = retry(ctx, func(ctx context.Context) (err error) {
		cons, err = q.JS.OrderedConsumer(ctx, resultsStream, jetstream.OrderedConsumerConfig{FilterSubjects: []string{resultsSubject(id)}})
		return err
	}, "read results of job "+id)
	if err != nil {
		return nil, err
	}
	it, err := cons.Messages()
	if err != nil {
		return nil, fmt.Errorf("read results of job %s: %w", id, err)
	}
	defer it.Stop()
	msgs := make(chan jetstream.Msg)
	go pump(it, msgs)
	c := &collector{q: q, job: job, seen: map[int]bool{}, parts: map[int][]*Outcome{}, emit: emit, changed: time.Now()}
	err = c.run(ctx, msgs)
	return c.job, err // as last read: sealed, with its counts, once complete
}

// pump hands the iterator's messages to a channel until it is stopped.
func pump(it jetstream.MessagesContext, out chan<- jetstream.Msg) {
	defer close(out)
	for {
		m, err := it.Next()
		if errors.Is(err, jetstream.ErrMsgIteratorClosed) {
			return
		}
		if err != nil {
			time.Sleep(50 * time.Millisecond) // the ordered consumer recreates itself
			continue
		}
		out <- m
	}
}

type collector struct {
	q     *Queue
	job   *Job
	seen  map[int]bool       // tasks whose results are in
	parts map[int][]*Outcome // input → its parts so far, for inputs split over tasks
	emit  func(*Job, Group) error
	// changed is when the unsealed job's record last changed, on this
	// machine's clock (the submitter's may differ).
	changed time.Time
}

func (c *collector) run(ctx context.Context, msgs <-chan jetstream.Msg) error {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for !c.complete() {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
			if err := c.refresh(ctx); err != nil {
				return err
			}
		case m, ok := <-msgs:
			if !ok {
				return fmt.Errorf("results of job %s: stream closed", c.job.ID)
			}
			if err := c.take(ctx, m.Data()); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *collector) complete() bool { return c.job.Sealed && len(c.seen) >= c.job.Tasks }

// refresh re-reads a job that was still being submitted, and gives up on
// it once its submitter has shown no sign of life for q.StaleSubmit.
func (c *collector) refresh(ctx context.Context) error {
	if c.job.Sealed {
		return nil
	}
	job, err := c.q.Job(ctx, c.job.ID)
	if err != nil {
		return err
	}
	if job.Sealed || !job.Beat.Equal(c.job.Beat) || job.Submitted != c.job.Submitted {
		c.changed = time.Now()
	}
	c.job = job
	if !job.Sealed && time.Since(c.changed) > c.q.staleSubmit() {
		return &UnsubmittedError{Job: job}
	}
	return nil
}

// take records one results message; a task seen before is dropped.
func (c *collector) take(ctx context.Context, raw []byte) error {
	out, err := c.q.readOutcome(ctx, raw)
	if err != nil {
		return fmt.Errorf("job %s: %w", c.job.ID, err)
	}
	t := out.Task
	if c.seen[t.ID] {
		return nil
	}
	c.seen[t.ID] = true
	if t.Chunks <= 1 {
		return c.emit(c.job, Group{Input: t.Input, Inputs: t.Inputs, Results: out.Results})
	}
	parts := append(c.parts[t.Input], out)
	if len(parts) < t.Chunks {
		c.parts[t.Input] = parts
		return nil
	}
	delete(c.parts, t.Input)
	slices.SortFunc(parts, func(a, b *Outcome) int { return a.Task.Chunk - b.Task.Chunk })
	var all []scanner.Result
	for _, p := range parts {
		all = append(all, p.Results...)
	}
	return c.emit(c.job, Group{Input: t.Input, Inputs: 1, Results: all})
}
