package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/cli"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
	"github.com/xiaoer-dev/xiaoer/scanner/serve"
)

const fixedNow = "2026-11-23T00:00:00+08:00"

// TestServerAgreesWithScan: for every fixture listing, what the API answers
// is, line for line, what `xiaoer scan --format jsonl` prints for the same
// file (the file's path sent as ?source=).
func TestServerAgreesWithScan(t *testing.T) {
	t.Parallel()
	ts := fixtureServer(t)
	var files []string
	for _, dir := range []string{"pages", "listings", "material"} {
		matches, err := filepath.Glob(filepath.Join("..", "..", "fixtures", dir, "*"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, matches...)
	}
	if len(files) < 15 {
		t.Fatalf("found %d fixture listings; the fixtures moved?", len(files))
	}
	findings := 0
	t.Cleanup(func() {
		if findings < 10 {
			t.Errorf("scan found %d findings in the fixtures: the comparison proves little", findings)
		}
	})
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want := scanLines(t, path)
			for _, w := range want {
				findings += strings.Count(w, `"fingerprint":`)
			}
			got := serverLines(t, ts.URL, path, len(want))
			if len(got) != len(want) {
				t.Fatalf("server gave %d results, scan %d", len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] {
					t.Errorf("result %d differs\nscan:   %s\nserver: %s", i, want[i], got[i])
				}
			}
		})
	}
}

func fixtureServer(t *testing.T) *httptest.Server {
	t.Helper()
	checker, err := scanner.NewChecker(context.Background(), engine.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	at, err := time.Parse(time.RFC3339, fixedNow)
	if err != nil {
		t.Fatal(err)
	}
	now := func() time.Time { return at.In(facts.Shanghai) }
	checker.Builder.Now = now
	srv, err := serve.New(serve.Options{Checker: serve.NewChecker(checker, nil, report.Tool{}, now)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// scanLines runs the CLI in-process on one file.
func scanLines(t *testing.T, path string) []string {
	t.Helper()
	var out, errs bytes.Buffer
	err := cli.NewApp(&out, &errs).Run([]string{"xiaoer", "scan", "--format", "jsonl", "--fail-on", "never", "--now", fixedNow, path})
	if err != nil {
		t.Fatalf("scan %s: %v %s", path, err, errs.String())
	}
	return lines(t, out.Bytes())
}

// serverLines posts the file as scan would read it: a page to /v1/check,
// a listing file with one listing to /v1/check, with several to the batch.
func serverLines(t *testing.T, base, path string, n int) []string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ct := map[string]string{".html": "text/html", ".json": "application/json", ".yaml": "application/yaml"}[filepath.Ext(path)]
	endpoint := "/v1/check"
	if n > 1 {
		endpoint = "/v1/check/batch"
	}
	res, err := http.Post(base+endpoint+"?source="+url.QueryEscape(path), ct, bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %s", endpoint, res.StatusCode, body)
	}
	if n == 1 {
		return lines(t, body)
	}
	var batch struct{ Results []json.RawMessage }
	if err := json.Unmarshal(body, &batch); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(batch.Results))
	for i, r := range batch.Results {
		out[i] = string(reindex(t, r))
	}
	return out
}

// lines compacts each JSON line and sets its input index to 0: scan
// numbers its inputs, the server its requests.
func lines(t *testing.T, raw []byte) []string {
	t.Helper()
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) != "" {
			out = append(out, string(reindex(t, sc.Bytes())))
		}
	}
	return out
}

func reindex(t *testing.T, raw []byte) []byte {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	m["input"] = json.RawMessage(`0`)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
