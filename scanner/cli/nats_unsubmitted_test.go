package cli_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/dist"
)

// A job whose submitter died after 3 of its 7 inputs: reattaching to it
// ends with exit 2 and a message saying so, instead of waiting for ever.
func TestReattachToHalfSubmittedJobEnds(t *testing.T) {
	url := natsServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	q, err := dist.Connect(ctx, url, "", t.Name(), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	q.Heartbeat = 50 * time.Millisecond
	job := &dist.Job{ID: dist.NewJobID(), Sources: 7}
	died := errors.New("submitter killed")
	err = q.Submit(ctx, job, func(p *dist.Planner) error {
		for i := range 3 {
			name := fmt.Sprintf("page-%d.html", i)
			if err := p.AddInput(ctx, scanner.Input{Source: name, Read: func() ([]byte, error) { return []byte("<html></html>"), nil }}); err != nil {
				return err
			}
		}
		for j, err := q.Job(ctx, job.ID); err == nil && j.Submitted < 3; j, err = q.Job(ctx, job.ID) {
			time.Sleep(20 * time.Millisecond) // until a heartbeat has recorded the 3
		}
		return died
	})
	if !errors.Is(err, died) {
		t.Fatalf("Submit = %v, want the plan's error", err)
	}

	start := time.Now()
	_, stderr, code := runApp(t, "scan", "--nats", url, "--job", job.ID, "--submit-timeout", "1s", "-f", "jsonl")
	if code != 2 {
		t.Errorf("exit code %d, want 2\n%s", code, stderr)
	}
	want := fmt.Sprintf("job %s was never fully submitted: 3 of 7 inputs; submit again", job.ID)
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, stderr)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("gave up after %s, want about --submit-timeout", d)
	}
}
