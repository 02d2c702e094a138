package serve

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestShutdownFinishesInFlight: when the context ends (SIGTERM in the
// CLI), a request being evaluated still gets its answer, readiness turns
// to 503, and Serve returns once it is done.
func TestShutdownFinishesInFlight(t *testing.T) {
	t.Parallel()
	bc := newBlockingChecker()
	srv, err := New(Options{Checker: bc})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln, ServeOptions{ShutdownTimeout: 10 * time.Second}) }()
	url := "http://" + ln.Addr().String()
	answered := make(chan int, 1)
	go func() {
		res, _ := post(t, url+"/v1/check", "application/json", `{"title": "纯棉"}`)
		answered <- res.StatusCode
	}()
	<-bc.started
	stop()
	waitFor(t, srv.draining.Load)
	select {
	case err := <-served:
		t.Fatalf("Serve returned before the request finished: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(bc.release)
	if code := <-answered; code != http.StatusOK {
		t.Errorf("in-flight request got %d", code)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("still accepting connections after shutdown")
	}
}
