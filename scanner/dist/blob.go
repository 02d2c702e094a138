package dist

import (
	"context"
	"errors"
	"fmt"

	"github.com/nats-io/nats.go/jetstream"
)

// inlineLimit is the largest payload carried in a message itself; anything
// larger goes to the object store. JSON carries bytes in base64 (4/3 the
// size) beside some metadata, so half the server's limit leaves room.
func (q *Queue) inlineLimit() int {
	return int(q.NC.MaxPayload() / 2)
}

// putBlob stores data under name in the object store.
func (q *Queue) putBlob(ctx context.Context, name string, data []byte) error {
	return retry(ctx, func(ctx context.Context) error {
		_, err := q.Blobs.PutBytes(ctx, name, data)
		return err
	}, "store object "+name)
}

// getBlob reads the object stored under name.
func (q *Queue) getBlob(ctx context.Context, name string) ([]byte, error) {
	var data []byte
	err := retry(ctx, func(ctx context.Context) (err error) {
		data, err = q.Blobs.GetBytes(ctx, name)
		if errors.Is(err, jetstream.ErrObjectNotFound) {
			return permanent{err}
		}
		return err
	}, "read object "+name)
	return data, err
}

// taskData is the task's bytes, from the message or the object store.
func (q *Queue) taskData(ctx context.Context, t Task) ([]byte, error) {
	if t.Object == "" {
		return t.Data, nil
	}
	data, err := q.getBlob(ctx, t.Object)
	if err != nil {
		return nil, fmt.Errorf("large input: %w", err)
	}
	return data, nil
}
