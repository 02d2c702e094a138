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
	ID       string    `json:"id"`
	Created  time.Time `json:"created"`
	Tasks    int       `json:"tasks"`  // known once Sealed
	Inputs   int       `json:"inputs"` // known once Sealed
	Sealed   bool      `json:"sealed"` // every task is on the queue
	Rules    []string  `json:"rules,omitempty"`
	Platform string    `json:"platform,omitempty"`
	Now      string    `json:"now,omitempty"` // RFC 3339; empty: the worker's clock
	Fetch    FetchSpec `json:"fetch"`
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
