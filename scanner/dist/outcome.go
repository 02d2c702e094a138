package dist

import (
	"context"
	"encoding/json"
	"fmt"
)

// storeOutcome publishes a task's results under the task's de-duplication
// id and returns once the stream has stored them. Results larger than a
// message go to the object store first, the message then names them.
func (q *Queue) storeOutcome(ctx context.Context, out *Outcome) error {
	raw, err := json.Marshal(out)
	if err != nil {
		return fmt.Errorf("encode results: %w", err)
	}
	if len(raw) > int(q.NC.MaxPayload())-1024 {
		name := fmt.Sprintf("%s/results-%d", out.Task.Job, out.Task.ID)
		if err := q.putBlob(ctx, name, raw); err != nil {
			return err
		}
		raw, err = json.Marshal(Outcome{Task: out.Task, Object: name, Worker: out.Worker})
		if err != nil {
			return fmt.Errorf("encode results: %w", err)
		}
	}
	return q.publish(ctx, resultsSubject(out.Task.Job), raw, out.Task.dedupID())
}

// readOutcome decodes a results message, fetching its results from the
// object store when they were too large for it.
func (q *Queue) readOutcome(ctx context.Context, raw []byte) (*Outcome, error) {
	var out Outcome
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("decode results: %w", err)
	}
	if out.Object == "" {
		return &out, nil
	}
	data, err := q.getBlob(ctx, out.Object)
	if err != nil {
		return nil, err
	}
	var full Outcome
	if err := json.Unmarshal(data, &full); err != nil {
		return nil, fmt.Errorf("decode results %s: %w", out.Object, err)
	}
	return &full, nil
}
