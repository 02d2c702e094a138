package dist

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Submit puts a job on the queue: its settings first (workers read them
// before its first task), then the tasks plan adds, then the settings again
// with the number of tasks and inputs, sealed. job.ID is set when empty;
// job.Sources, when set, is how many sources plan will add. While plan
// runs, the settings are rewritten every q.Heartbeat with its progress.
// Tasks are published under a de-duplication id, so a retried publish never
// queues a task twice.
func (q *Queue) Submit(ctx context.Context, job *Job, plan func(*Planner) error) error {
	if job.ID == "" {
		job.ID = NewJobID()
	}
	if job.Created.IsZero() {
		job.Created = time.Now().UTC()
	}
	job.Sealed, job.Beat = false, time.Now().UTC()
	if err := q.putJob(ctx, job); err != nil {
		return err
	}
	p := &Planner{TitlesPerTask: DefaultTitlesPerTask, RowsPerTask: DefaultRowsPerTask, FilesPerTask: DefaultFilesPerTask,
		q: q, job: job.ID, publish: q.publishTask,
		export: listings.ExportOptions{Columns: job.Columns}}
	stopBeat := q.beat(ctx, *job, p)
	err := plan(p)
	if err == nil {
		err = p.flush(ctx) // the last small files
	}
	stopBeat()
	if err != nil {
		return fmt.Errorf("submit job %s: %w", job.ID, err)
	}
	job.Tasks, job.Inputs, job.Sealed = p.tasks, p.inputs, true
	job.Submitted, job.Beat = int(p.sources.Load()), time.Now().UTC()
	return q.putJob(ctx, job)
}

// DefaultHeartbeat is how often a submitter rewrites an unsealed job.
const DefaultHeartbeat = 5 * time.Second

// beat rewrites a copy of the unsealed job every q.Heartbeat with the
// sources planned so far, until the returned stop is called; stop returns
// once no rewrite is under way, so the sealed record is always the last.
func (q *Queue) beat(ctx context.Context, job Job, p *Planner) (stop func()) {
	every := q.Heartbeat
	if every <= 0 {
		every = DefaultHeartbeat
	}
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(every)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				job.Submitted, job.Beat = int(p.sources.Load()), time.Now().UTC()
				_ = q.putJob(ctx, &job) // a missed beat is retried at the next tick
			}
		}
	})
	return func() { cancel(); wg.Wait() }
}

func (q *Queue) publishTask(ctx context.Context, t Task) error {
	raw, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("encode task %s: %w", t.dedupID(), err)
	}
	return q.publish(ctx, tasksSubject(t.Job), raw, t.dedupID())
}

// publish stores a message on its stream, retrying through leader changes
// and reconnects; id makes a retry harmless.
func (q *Queue) publish(ctx context.Context, subject string, data []byte, id string) error {
	msg := &nats.Msg{Subject: subject, Data: data}
	return retry(ctx, func(ctx context.Context) error {
		_, err := q.JS.PublishMsg(ctx, msg, jetstream.WithMsgID(id))
		return err
	}, "publish "+id)
}
