package dist

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// Names of what a job lives in. Subjects carry the job id as their last
// token, so one job's tasks and results can be read alone.
const (
	tasksStream   = "XIAOER_TASKS"
	resultsStream = "XIAOER_RESULTS"
	jobsBucket    = "xiaoer_jobs"
	blobsBucket   = "xiaoer_blobs"
	workersName   = "xiaoer_workers" // the one durable consumer every worker shares
	tasksPrefix   = "xiaoer.tasks."
	resultsPrefix = "xiaoer.results."
)

// Retention: a job's results, settings and large inputs are kept this long,
// so a submitter can reattach to a finished job.
const keepFor = 7 * 24 * time.Hour

// dedupWindow is how long JetStream remembers a message id. It covers a
// task whose result is published twice (its first worker stored the result
// but died before acknowledging); collectors also drop later copies.
const dedupWindow = 30 * time.Minute

func tasksSubject(job string) string   { return tasksPrefix + job }
func resultsSubject(job string) string { return resultsPrefix + job }

// Queue is a connection to the cluster with the streams, the job bucket and
// the object store in place.
type Queue struct {
	NC    *nats.Conn
	JS    jetstream.JetStream
	Jobs  jetstream.KeyValue
	Blobs jetstream.ObjectStore
	// Heartbeat is how often Submit records its progress (default
	// DefaultHeartbeat); StaleSubmit is how long Collect waits on an
	// unsealed job whose record does not change before it gives up
	// (default DefaultStaleSubmit).
	Heartbeat   time.Duration
	StaleSubmit time.Duration
}

// Connect dials url (a comma-separated list of servers is fine), keeps
// reconnecting for as long as it takes, and sets the streams up with
// replicas copies (1 for a single server, 3 for a cluster). token, when
// set, is the servers' token (it may also come in the URL, TOKEN@host).
func Connect(ctx context.Context, url, token, name string, replicas int) (*Queue, error) {
	opts := []nats.Option{nats.Name(name), nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond), nats.RetryOnFailedConnect(false)}
	if token != "" {
		opts = append(opts, nats.Token(token))
	}
	nc, err := nats.Connect(url, opts...)
	if err != nil {
		return nil, fmt.Errorf("connect to nats %s: %w", url, err)
	}
	q, err := setup(ctx, nc, replicas)
	if err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// Close closes the connection.
func (q *Queue) Close() { q.NC.Close() }

func setup(ctx context.Context, nc *nats.Conn, replicas int) (*Queue, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, fmt.Errorf("jetstream: %w", err)
	}
	replicas = max(replicas, 1)
	streams := []jetstream.StreamConfig{
		{Name: tasksStream, Subjects: []string{tasksPrefix + "*"}, Retention: jetstream.WorkQueuePolicy,
			Storage: jetstream.FileStorage, Replicas: replicas, Duplicates: dedupWindow, MaxAge: keepFor},
		{Name: resultsStream, Subjects: []string{resultsPrefix + "*"}, Retention: jetstream.LimitsPolicy,
			Storage: jetstream.FileStorage, Replicas: replicas, Duplicates: dedupWindow, MaxAge: keepFor},
	}
	// Whoever connects first creates what is missing; what exists is left
	// as it is (its replicas were chosen by its creator). A cluster that has
	// just started has no JetStream leader for a moment: retry until it has.
	for _, cfg := range streams {
		err := retry(ctx, func(ctx context.Context) error {
			_, err := js.Stream(ctx, cfg.Name)
			if errors.Is(err, jetstream.ErrStreamNotFound) {
				_, err = js.CreateStream(ctx, cfg)
			}
			return err
		}, "create stream "+cfg.Name)
		if err != nil {
			return nil, err
		}
	}
	q := &Queue{NC: nc, JS: js}
	err = retry(ctx, func(ctx context.Context) (err error) {
		q.Jobs, err = js.KeyValue(ctx, jobsBucket)
		if errors.Is(err, jetstream.ErrBucketNotFound) {
			q.Jobs, err = js.CreateKeyValue(ctx, jetstream.KeyValueConfig{Bucket: jobsBucket, TTL: keepFor, Replicas: replicas})
		}
		return err
	}, "create bucket "+jobsBucket)
	if err != nil {
		return nil, err
	}
	err = retry(ctx, func(ctx context.Context) (err error) {
		q.Blobs, err = js.ObjectStore(ctx, blobsBucket)
		if errors.Is(err, jetstream.ErrBucketNotFound) {
			q.Blobs, err = js.CreateObjectStore(ctx, jetstream.ObjectStoreConfig{Bucket: blobsBucket, TTL: keepFor, Replicas: replicas})
		}
		return err
	}, "create object store "+blobsBucket)
	if err != nil {
		return nil, err
	}
	return q, nil
}
