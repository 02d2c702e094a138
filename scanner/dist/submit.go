package dist

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Submit puts a job on the queue: its settings first (workers read them
// before its first task), then the tasks plan adds, then the settings again
// with the number of tasks and inputs, sealed. job.ID is set when empty.
// Tasks are published under a de-duplication id, so a retried publish never
// queues a task twice.
func (q *Queue) Submit(ctx context.Context, job *Job, plan func(*Planner) error) error {
	if job.ID == "" {
		job.ID = NewJobID()
	}
	if job.Created.IsZero() {
		job.Created = time.Now().UTC()
	}
	job.Sealed = false
	if err := q.putJob(ctx, job); err != nil {
		return err
	}
	p := &Planner{TitlesPerTask: DefaultTitlesPerTask, RowsPerTask: DefaultRowsPerTask, FilesPerTask: DefaultFilesPerTask,
		q: q, job: job.ID, publish: q.publishTask,
		export: listings.ExportOptions{Columns: job.Columns}}
	err := plan(p)
	if err == nil {
		err = p.flush(ctx) // the last small files
	}
	if err != nil {
		return fmt.Errorf("submit job %s: %w", job.ID, err)
	}
	job.Tasks, job.Inputs, job.Sealed = p.tasks, p.inputs, true
	return q.putJob(ctx, job)
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
