package dist

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Job is a job's settings, kept in the jobs bucket under its id: what the
// workers need to judge its tasks as the submitting scan would, and what a
// collector needs to know it is complete.
type Job struct {
	ID      string    `json:"id"`
	Created time.Time `json:"created"`
	Tasks   int       `json:"tasks"`  // known once Sealed
	Inputs  int       `json:"inputs"` // known once Sealed
	Sealed  bool      `json:"sealed"` // every task is on the queue
	// While unsealed, the submitter rewrites the record every Heartbeat with
	// the sources (paths, URLs) it has planned out of those it was given,
	// so a collector can tell a slow submission from a dead submitter.
	Sources   int       `json:"sources,omitempty"` // given; 0: not said
	Submitted int       `json:"submitted,omitempty"`
	Beat      time.Time `json:"beat,omitzero"`
	Rules     []string  `json:"rules,omitempty"`
	Platform  string    `json:"platform,omitempty"`
	Now       string    `json:"now,omitempty"` // RFC 3339; empty: the worker's clock
	Fetch     FetchSpec `json:"fetch"`
	// Columns maps shop-export headers to listing fields (--columns).
	Columns map[string]string `json:"columns,omitempty"`
}

// FetchSpec is how workers fetch the job's URLs (the scan's fetch flags).
type FetchSpec struct {
	AllowPrivate bool          `json:"allow_private,omitempty"`
	Desc         bool          `json:"desc,omitempty"`
	Timeout      time.Duration `json:"timeout,omitempty"`
	Retries      int           `json:"retries,omitempty"`
	RatePerHost  float64       `json:"rate_per_host,omitempty"`
	MaxBytes     int64         `json:"max_bytes,omitempty"`
}

// ErrNoJob is returned for a job id the bucket does not hold.
var ErrNoJob = errors.New("no such job")

// NewJobID returns a fresh job id: lowercase hex, safe in subjects and keys.
func NewJobID() string {
	var b [10]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ValidJobID reports whether id can name a job (what NewJobID makes, or
// any id of letters, digits, - and _).
func ValidJobID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_'
		if !ok {
			return false
		}
	}
	return true
}

func (q *Queue) putJob(ctx context.Context, j *Job) error {
	raw, err := json.Marshal(j)
	if err != nil {
		return fmt.Errorf("encode job %s: %w", j.ID, err)
	}
	return retry(ctx, func(ctx context.Context) error {
		_, err := q.Jobs.Put(ctx, j.ID, raw)
		return err
	}, "store job "+j.ID)
}

// Job reads a job's settings.
func (q *Queue) Job(ctx context.Context, id string) (*Job, error) {
	if !ValidJobID(id) {
		return nil, fmt.Errorf("job %q: %w", id, ErrNoJob)
	}
	var entry jetstream.KeyValueEntry
	err := retry(ctx, func(ctx context.Context) (err error) {
		entry, err = q.Jobs.Get(ctx, id)
		if errors.Is(err, jetstream.ErrKeyNotFound) {
			return permanent{err}
		}
		return err
	}, "read job "+id)
	if errors.Is(err, jetstream.ErrKeyNotFound) {
		return nil, fmt.Errorf("job %s: %w", id, ErrNoJob)
	}
	if err != nil {
		return nil, err
	}
	var j Job
	if err := json.Unmarshal(entry.Value(), &j); err != nil {
		return nil, fmt.Errorf("decode job %s: %w", id, err)
	}
	return &j, nil
}

// DefaultStaleSubmit is how long a collector waits on an unsealed job whose
// submitter shows no sign of life: many missed heartbeats, so a submitter
// slowed by load or a reconnect is not taken for dead.
const DefaultStaleSubmit = time.Minute

func (q *Queue) staleSubmit() time.Duration {
	if q.StaleSubmit > 0 {
		return q.StaleSubmit
	}
	return DefaultStaleSubmit
}

// ErrUnsubmitted matches an UnsubmittedError.
var ErrUnsubmitted = errors.New("job never fully submitted")

// UnsubmittedError is a job whose submitter stopped before it had queued
// every task (killed, or lost its connection for good): its results will
// never be complete.
type UnsubmittedError struct{ Job *Job }

func (e *UnsubmittedError) Error() string {
	n := fmt.Sprintf("%d inputs", e.Job.Submitted)
	if e.Job.Sources > 0 {
		n = fmt.Sprintf("%d of %d inputs", e.Job.Submitted, e.Job.Sources)
	}
	return fmt.Sprintf("job %s was never fully submitted: %s; submit again", e.Job.ID, n)
}

// Is makes errors.Is(err, ErrUnsubmitted) true.
func (e *UnsubmittedError) Is(target error) bool { return target == ErrUnsubmitted }
