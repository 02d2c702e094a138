package serve

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestOverloadAnswers503 fills every slot and the queue: the next request
// is refused at once with Retry-After, and a waiting one gets its slot when
// one frees up.
func TestOverloadAnswers503(t *testing.T) {
	t.Parallel()
	bc := newBlockingChecker()
	srv, ts := startServer(t, Options{Checker: bc, MaxInFlight: 2, MaxQueue: 1, QueueWait: 10 * time.Second})
	var wg sync.WaitGroup
	codes := make(chan int, 3)
	for range 3 { // two evaluate, one waits in the queue
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, _ := post(t, ts.URL+"/v1/check", "application/json", `{"title": "纯棉T恤"}`)
			codes <- res.StatusCode
		}()
	}
	<-bc.started
	<-bc.started
	waitFor(t, func() bool { return len(srv.limit.queue) == 1 })
	start := time.Now()
	res, raw := post(t, ts.URL+"/v1/check", "application/json", `{"title": "纯棉T恤"}`)
	wantError(t, res, raw, http.StatusServiceUnavailable, CodeOverloaded)
	if res.Header.Get("Retry-After") != "1" || time.Since(start) > 2*time.Second {
		t.Errorf("Retry-After %q after %s; want 1, at once", res.Header.Get("Retry-After"), time.Since(start))
	}
	close(bc.release)
	wg.Wait()
	close(codes)
	for c := range codes {
		if c != http.StatusOK {
			t.Errorf("a request admitted or queued got %d", c)
		}
	}
	// Recovered: the next request is served.
	if res, raw := post(t, ts.URL+"/v1/check", "application/json", `{"title": "纯棉T恤"}`); res.StatusCode != http.StatusOK {
		t.Errorf("after the load: %d %s", res.StatusCode, raw)
	}
}

// TestQueueWaitIsBounded: a queued request gives up after QueueWait.
func TestQueueWaitIsBounded(t *testing.T) {
	t.Parallel()
	bc := newBlockingChecker()
	ts := newTestServer(t, Options{Checker: bc, MaxInFlight: 1, MaxQueue: 4, QueueWait: 100 * time.Millisecond})
	done := make(chan struct{})
	go func() {
		defer close(done)
		post(t, ts.URL+"/v1/check", "application/json", `{"title": "a"}`)
	}()
	defer func() { close(bc.release); <-done }()
	<-bc.started
	res, raw := post(t, ts.URL+"/v1/check", "application/json", `{"title": "b"}`)
	msg := wantError(t, res, raw, http.StatusServiceUnavailable, CodeOverloaded)
	if !strings.Contains(msg, "100ms") {
		t.Errorf("message %q", msg)
	}
}

// TestRequestTimeout: an evaluation past the request timeout answers 503
// timeout, and its slot comes back.
func TestRequestTimeout(t *testing.T) {
	t.Parallel()
	bc := newBlockingChecker() // never released: only the timeout ends it
	ts := newTestServer(t, Options{Checker: bc, MaxInFlight: 1, RequestTimeout: 50 * time.Millisecond})
	for range 2 { // the second proves the first gave its slot back
		res, raw := post(t, ts.URL+"/v1/check", "application/json", `{"title": "纯棉"}`)
		msg := wantError(t, res, raw, http.StatusServiceUnavailable, CodeTimeout)
		if !strings.Contains(msg, "50ms") {
			t.Errorf("message %q", msg)
		}
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met in 5s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
