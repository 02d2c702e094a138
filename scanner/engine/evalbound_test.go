package engine

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// runawayInput is an engine with the runaway user rule (its query never
// ends on the listing "loop") and that listing's input.
func runawayInput(t *testing.T, timeout time.Duration) (*Engine, userRule, ast.Value) {
	t.Helper()
	dir := filepath.Join("testdata", "policies", "runaway")
	j, err := newJudge(Options{Bundles: []*bundle.Bundle{loadDir(t, dir, false)}, Timeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	if len(j.Engine.userRules) != 1 {
		t.Fatalf("user rules %d, want the runaway rule alone", len(j.Engine.userRules))
	}
	input, err := j.Engine.Input(j.Builder.Build(&listings.Listing{ID: "loop", Source: "loop.yaml", Title: "纯棉T恤"}))
	if err != nil {
		t.Fatal(err)
	}
	return j.Engine, j.Engine.userRules[0], input
}

// TestEvalBoundedTimeLimit: a runaway evaluation stops soon after the time
// limit, with the error it has always had.
func TestEvalBoundedTimeLimit(t *testing.T) {
	t.Parallel()
	e, ur, input := runawayInput(t, 200*time.Millisecond)
	start := time.Now()
	err := evalStops(t, e, ur, context.Background(), input)
	if !errors.Is(err, ErrEvalTimeout) || !stopMessage(err, "policy evaluation exceeded the time limit (200ms): ", "context deadline exceeded") {
		t.Errorf("error %v, want the time limit's", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("stopped after %s, want soon after 200ms", d)
	}
}

// TestEvalBoundedCallerCancel: cancelling the caller's context stops a
// runaway evaluation long before its time limit, with the error it has
// always had; an evaluation begun on a cancelled context stops at once.
func TestEvalBoundedCallerCancel(t *testing.T) {
	t.Parallel()
	e, ur, input := runawayInput(t, time.Hour)
	for _, after := range []time.Duration{100 * time.Millisecond, 0} {
		ctx, cancel := context.WithCancel(context.Background())
		if after == 0 {
			cancel()
		} else {
			time.AfterFunc(after, cancel)
		}
		start := time.Now()
		err := evalStops(t, e, ur, ctx, input)
		if !stopMessage(err, "evaluate policies: ", "context canceled") {
			t.Errorf("cancelled after %s: error %v, want the cancellation's", after, err)
		}
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("cancelled after %s: stopped after %s, want soon after", after, d)
		}
		cancel()
	}
}

// evalStops is evalBounded's error for the user rule ur on input, failing
// the test at once when the evaluation runs on past a minute (it would run
// for hours: the goroutine is left to the test binary's exit).
func evalStops(t *testing.T, e *Engine, ur userRule, ctx context.Context, input ast.Value) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		var raw []any
		done <- e.evalBounded(ctx, ur.query, &raw, input)
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatal("the evaluation did not stop")
		return nil
	}
}

// stopMessage reports that err is OPA's cancellation with the reason its
// context gave (or numbers.range's, when the cancellation met it there),
// after prefix.
func stopMessage(err error, prefix, reason string) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return msg == prefix+"eval_cancel_error: "+reason ||
		msg == prefix+"eval_cancel_error: numbers.range: timed out before generating all numbers in range"
}
