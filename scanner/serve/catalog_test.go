package serve

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
	"github.com/xiaoer-dev/xiaoer/scanner/report"
)

func TestRulesAndVersion(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, raw := do(t, http.MethodGet, ts.URL+"/v1/rules", "", "")
	var list rulesResponse
	if err := json.Unmarshal(raw, &list); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	ids := map[string]bool{}
	for _, r := range list.Rules {
		ids[r.ID] = true
	}
	for _, id := range []string{"ad-absolute", "material-fiber", "shipping-late", "counterfeit-wording"} {
		if !ids[id] {
			t.Errorf("catalogue lacks %s", id)
		}
	}
	_, raw = do(t, http.MethodGet, ts.URL+"/v1/rules/ad-absolute", "", "")
	var one finding.RuleMeta
	if err := json.Unmarshal(raw, &one); err != nil || one.ID != "ad-absolute" || !strings.Contains(one.Basis.Law, "广告法") {
		t.Errorf("rule: %v %+v", err, one)
	}
	_, raw = do(t, http.MethodGet, ts.URL+"/v1/version", "", "")
	var v report.Tool
	if err := json.Unmarshal(raw, &v); err != nil || v.Name != "xiaoer" || v.PolicyRevision == "" {
		t.Errorf("version: %v %+v", err, v)
	}
}

func TestProbes(t *testing.T) {
	t.Parallel()
	srv, ts := startServer(t, Options{})
	for _, path := range []string{"/healthz", "/readyz"} {
		if res, raw := do(t, http.MethodGet, ts.URL+path, "", ""); res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d %s", path, res.StatusCode, raw)
		}
	}
	srv.draining.Store(true)
	res, raw := do(t, http.MethodGet, ts.URL+"/readyz", "", "")
	wantError(t, res, raw, http.StatusServiceUnavailable, CodeShuttingDown)
	if res, _ := do(t, http.MethodGet, ts.URL+"/healthz", "", ""); res.StatusCode != http.StatusOK {
		t.Errorf("healthz while draining: %d", res.StatusCode)
	}
}

// TestMetrics: requests by route, latency, findings by rule and the
// in-flight gauge are exported in the Prometheus text format.
func TestMetrics(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	post(t, ts.URL+"/v1/check", "application/json", `{"title": "全网最低价 高仿包"}`)
	do(t, http.MethodGet, ts.URL+"/v1/no-such", "", "")
	_, raw := do(t, http.MethodGet, ts.URL+"/metrics", "", "")
	text := string(raw)
	for _, want := range []string{
		`xiaoer_http_requests_total{code="200",route="POST /v1/check"} 1`,
		`xiaoer_http_requests_total{code="404",route="unmatched"} 1`,
		`xiaoer_http_request_duration_seconds_count{route="POST /v1/check"} 1`,
		`xiaoer_findings_total{rule="ad-absolute",severity="error"} 1`,
		`xiaoer_findings_total{rule="counterfeit-wording",severity="error"} 1`,
		`xiaoer_listings_checked_total{outcome="ok"} 1`,
		"xiaoer_evaluations_in_flight 0",
		"xiaoer_requests_queued 0",
		"go_goroutines",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}
