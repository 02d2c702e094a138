package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// testServer serves the cases a bulk scan meets: a GBK page, a slow answer,
// a 404, flaky 503s, a 50 MB body (declared and streamed), redirects to
// private addresses and a redirect loop. It listens on 127.0.0.1 only.
type testServer struct {
	*httptest.Server
	hits  map[string]*atomic.Int32
	conns atomic.Int32
}

const bigBody = 50 << 20

func newTestServer(t *testing.T) *testServer {
	t.Helper()
	s := &testServer{hits: map[string]*atomic.Int32{}}
	mux := http.NewServeMux()
	handle := func(path string, h http.HandlerFunc) {
		n := &atomic.Int32{}
		s.hits[path] = n
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			n.Add(1)
			h(w, r)
		})
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gbk"><title>纯棉T恤</title></head><body><h1>纯棉短袖T恤</h1></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	handle("/gbk", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=GBK")
		fmt.Fprint(w, gbk)
	})
	handle("/ua", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, r.UserAgent()) })
	handle("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(10 * time.Second):
		case <-r.Context().Done():
		}
	})
	handle("/missing", http.NotFound)
	var flaky atomic.Int32
	handle("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if flaky.Add(1) <= 2 {
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		fmt.Fprint(w, "<h1>ok</h1>")
	})
	handle("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(bigBody))
		writeZeros(w, bigBody)
	})
	handle("/big-streamed", func(w http.ResponseWriter, r *http.Request) { writeZeros(w, bigBody) })
	handle("/to-private", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://10.0.0.1/item.htm", http.StatusFound)
	})
	handle("/to-metadata", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
	})
	handle("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	s.Server = httptest.NewUnstartedServer(mux)
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func writeZeros(w http.ResponseWriter, n int) {
	chunk := make([]byte, 64<<10)
	for sent := 0; sent < n; sent += len(chunk) {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

// testFetcher allows the test server's loopback address and nothing else
// that is not public.
func testFetcher(opts Options) *Fetcher {
	opts.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	if opts.Timeout == 0 {
		opts.Timeout = 300 * time.Millisecond
	}
	opts.Backoff = 10 * time.Millisecond
	opts.RatePerHost = 1000
	f := New(opts)
	// One connection per request, so the server's request counts are ours:
	// net/http silently re-sends a GET whose pooled connection the server
	// had closed.
	f.client.Transport.(*politeTransport).next.(*http.Transport).DisableKeepAlives = true
	return f
}

func TestGetEachCaseEndsWithAClearResult(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	// Reading 16 MiB can take a while on a busy machine: only /slow gets
	// the short timeout.
	f, short := testFetcher(Options{Timeout: 10 * time.Second}), testFetcher(Options{})
	tests := []struct {
		path     string
		wantErr  string // "" for success
		attempts int32
	}{
		{"/gbk", "", 1},
		{"/flaky", "", 3},
		{"/missing", "HTTP 404 Not Found", 1},
		{"/slow", "no complete answer within 300ms (after 3 attempts)", 3},
		{"/big", "body of 52428800 bytes is over the 16 MiB limit", 1},
		{"/big-streamed", "body is over the 16 MiB limit", 1},
		{"/to-private", "redirect to http://10.0.0.1/item.htm: refused to connect to 10.0.0.1 (private address", 1},
		{"/to-metadata", "refused to connect to 169.254.169.254 (link-local address", 1},
		{"/loop", "too many redirects (more than 5)", 6},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			t.Parallel()
			done := make(chan struct{})
			var resp *Response
			var err error
			go func() {
				defer close(done)
				fetcher := f
				if tt.path == "/slow" {
					fetcher = short
				}
				resp, err = fetcher.Get(context.Background(), s.URL+tt.path)
			}()
			select {
			case <-done:
			case <-time.After(30 * time.Second):
				t.Fatal("Get hung")
			}
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Get: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("Get error = %v, want it to say %q", err, tt.wantErr)
			case tt.wantErr == "" && resp.Status != 200:
				t.Fatalf("status = %d", resp.Status)
			}
			if got := s.hits[tt.path].Load(); got != tt.attempts {
				t.Errorf("server saw %d requests, want %d", got, tt.attempts)
			}
		})
	}
}

func TestGetKeepsBodyAndContentType(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	resp, err := testFetcher(Options{}).Get(context.Background(), s.URL+"/gbk")
	if err != nil {
		t.Fatal(err)
	}
	if resp.ContentType != "text/html; charset=GBK" {
		t.Errorf("content type = %q", resp.ContentType)
	}
	text, err := simplifiedchinese.GBK.NewDecoder().Bytes(resp.Body)
	if err != nil || !strings.Contains(string(text), "纯棉短袖T恤") {
		t.Errorf("body does not decode as the GBK page: %q, %v", text, err)
	}
}

func TestGetSendsUserAgent(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	resp, err := testFetcher(Options{UserAgent: UserAgent("v1.2.3")}).Get(context.Background(), s.URL+"/ua")
	if err != nil {
		t.Fatal(err)
	}
	if got := string(resp.Body); got != "xiaoer/v1.2.3 (+https://github.com/xiaoer-dev/xiaoer)" {
		t.Errorf("User-Agent = %q", got)
	}
}

// Without an allow-list, loopback is refused at dial time, before connect:
// the server must never see a connection. "localhost" is a name, so only
// the dial-time check can catch it (as it would a public name that resolves
// to a private address).
func TestGetRefusesLoopbackBeforeConnecting(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	port := s.Listener.Addr().(*net.TCPAddr).Port
	f := New(Options{Timeout: time.Second})
	_, err := f.Get(context.Background(), fmt.Sprintf("http://localhost:%d/gbk", port))
	var blocked *BlockedError
	if !errors.As(err, &blocked) || blocked.Reason != "loopback" {
		t.Fatalf("err = %v, want a loopback *BlockedError", err)
	}
	if n := s.conns.Load(); n != 0 {
		t.Errorf("server saw %d connections, want none", n)
	}
	if _, err := f.Get(context.Background(), s.URL+"/gbk"); !errors.As(err, &blocked) {
		t.Errorf("literal 127.0.0.1: err = %v, want *BlockedError", err)
	}
}

func TestGetAllowPrivate(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	if _, err := New(Options{AllowPrivate: true}).Get(context.Background(), s.URL+"/gbk"); err != nil {
		t.Errorf("--allow-private: %v", err)
	}
}

func TestGetRejectsOtherSchemes(t *testing.T) {
	t.Parallel()
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "item.taobao.com/item.htm"} {
		if _, err := New(Options{}).Get(context.Background(), u); err == nil {
			t.Errorf("%s: no error", u)
		}
	}
}

// The rate limit spaces requests to one host: 6 requests at 20/s take at
// least 5 intervals of 50 ms.
func TestGetRateLimitsPerHost(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	f := testFetcher(Options{})
	f.limits = newHostLimits(20)
	f.client.Transport.(*politeTransport).limits = f.limits
	start := time.Now()
	for range 6 {
		if _, err := f.Get(context.Background(), s.URL+"/ua"); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 240*time.Millisecond {
		t.Errorf("6 requests at 20/s took %s, want ≥ 250ms", d)
	}
}

func TestGetStopsWithContext(t *testing.T) {
	t.Parallel()
	s := newTestServer(t)
	f := testFetcher(Options{Timeout: 5 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := f.Get(ctx, s.URL+"/slow")
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("err = %v after %s, want the context's deadline promptly", err, time.Since(start))
	}
}
