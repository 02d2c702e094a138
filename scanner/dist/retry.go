package dist

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
)

// retryFor is how long an operation is retried: long enough for a cluster
// to elect a new stream leader or for a restarted server to come back.
const retryFor = 60 * time.Second

// permanent marks an error that retrying cannot fix.
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// attemptFor bounds one attempt: a request sent while a cluster has no
// leader may get no answer at all.
const attemptFor = 5 * time.Second

// retry runs op until it succeeds, fails permanently, ctx ends or retryFor
// has passed, waiting a little longer after each failure.
func retry(ctx context.Context, op func(context.Context) error, what string) error {
	deadline := time.Now().Add(retryFor)
	wait := 50 * time.Millisecond
	for {
		actx, cancel := context.WithTimeout(ctx, attemptFor)
		err := op(actx)
		cancel()
		var p permanent
		switch {
		case err == nil:
			return nil
		case errors.As(err, &p):
			return fmt.Errorf("%s: %w", what, p.error)
		case errors.Is(err, nats.ErrConnectionClosed):
			return fmt.Errorf("%s: %w", what, err) // closed for good: nothing to wait for
		case time.Now().After(deadline):
			return fmt.Errorf("%s: %w", what, err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", what, ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 2*time.Second)
	}
}
