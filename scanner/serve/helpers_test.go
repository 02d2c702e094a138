package serve

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

// testNow fixes the clock the policies see, so results repeat.
var testNow = func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, facts.Shanghai) }

// realChecker is the real pipeline (tokenizer, embedded policies), built
// once for the package's tests as the CLI builds it.
var realChecker = sync.OnceValues(func() (Checker, error) {
	c, err := scanner.NewChecker(context.Background(), engine.Options{}, testNow)
	if err != nil {
		return nil, err
	}
	tool := report.Tool{Name: "xiaoer", Version: "test", PolicyRevision: c.Engine.Revision(), OPAVersion: "test"}
	return NewChecker(c, nil, tool, testNow), nil
})

// newTestServer serves opts (the real checker when opts.Checker is nil)
// on 127.0.0.1 until the test ends.
func newTestServer(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	_, ts := startServer(t, opts)
	return ts
}

// startServer is newTestServer that also returns the Server.
func startServer(t *testing.T, opts Options) (*Server, *httptest.Server) {
	t.Helper()
	if opts.Checker == nil {
		c, err := realChecker()
		if err != nil {
			t.Fatalf("build checker: %v", err)
		}
		opts.Checker = c
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// do sends one request and returns the response and its body.
func do(t *testing.T, method, url, contentType, body string, header ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, raw
}

func post(t *testing.T, url, contentType, body string) (*http.Response, []byte) {
	t.Helper()
	return do(t, http.MethodPost, url, contentType, body)
}

// wantError checks an error answer's status and code and returns its message.
func wantError(t *testing.T, res *http.Response, raw []byte, status int, code string) string {
	t.Helper()
	var body struct {
		Error struct{ Code, Message string }
	}
	if err := json.Unmarshal(raw, &body); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, raw)
	}
	if res.StatusCode != status || body.Error.Code != code {
		t.Fatalf("got %d %q (%s), want %d %q", res.StatusCode, body.Error.Code, body.Error.Message, status, code)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error Content-Type %q", ct)
	}
	return body.Error.Message
}

func decodeResult(t *testing.T, raw []byte) scanner.Result {
	t.Helper()
	var r scanner.Result
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("result: %v: %s", err, raw)
	}
	return r
}

// rules lists the rule ids of findings, in order.
func rules(found []finding.Finding) []string {
	out := make([]string, 0, len(found))
	for _, f := range found {
		out = append(out, f.Rule)
	}
	return out
}

// blockingChecker stands in for the engine where a test needs evaluations
// that last until it lets them go (limits, timeouts, shutdown).
type blockingChecker struct {
	started chan struct{} // one send per evaluation that began
	release chan struct{} // closed to let evaluations finish
}

func newBlockingChecker() *blockingChecker {
	return &blockingChecker{started: make(chan struct{}, 100), release: make(chan struct{})}
}

func (b *blockingChecker) Check(ctx context.Context, items []Item, _ string, _ int) ([]scanner.Result, error) {
	b.started <- struct{}{}
	select {
	case <-b.release:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	out := make([]scanner.Result, len(items))
	for i, it := range items {
		out[i] = scanner.Result{Input: i, Source: it.Listing.Source, Kind: "listing", ID: it.Listing.ID, Findings: []finding.Finding{}}
	}
	return out, nil
}

func (b *blockingChecker) Shipments(context.Context, []string) (*scanner.ShipmentsReport, error) {
	return nil, nil
}
func (b *blockingChecker) Rules() []finding.RuleMeta { return nil }
func (b *blockingChecker) Tool() report.Tool         { return report.Tool{Name: "xiaoer"} }
