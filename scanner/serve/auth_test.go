package serve

import (
	"net/http"
	"strings"
	"testing"
)

func TestTokenGuardsTheAPI(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{Token: "s3cret"})
	for _, path := range []string{"/v1/rules", "/v1/version", "/metrics", "/v1/openapi.json"} {
		res, raw := do(t, http.MethodGet, ts.URL+path, "", "")
		wantError(t, res, raw, http.StatusUnauthorized, CodeUnauthorized)
		if !strings.HasPrefix(res.Header.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: WWW-Authenticate %q", path, res.Header.Get("WWW-Authenticate"))
		}
		res, _ = do(t, http.MethodGet, ts.URL+path, "", "", "Authorization", "Bearer wrong")
		if res.StatusCode != http.StatusUnauthorized {
			t.Errorf("%s with a wrong token: %d", path, res.StatusCode)
		}
		res, raw = do(t, http.MethodGet, ts.URL+path, "", "", "Authorization", "Bearer s3cret")
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s with the token: %d %s", path, res.StatusCode, raw)
		}
	}
	// Refusals are counted under the route the caller meant.
	_, raw := do(t, http.MethodGet, ts.URL+"/metrics", "", "", "Authorization", "Bearer s3cret")
	if want := `xiaoer_http_requests_total{code="401",route="GET /v1/rules"} 2`; !strings.Contains(string(raw), want) {
		t.Errorf("metrics lack %s", want)
	}
	// Probes and the page need no token: load balancers and browsers.
	for _, path := range []string{"/healthz", "/readyz", "/", "/assets/app.js"} {
		if res, _ := do(t, http.MethodGet, ts.URL+path, "", ""); res.StatusCode != http.StatusOK {
			t.Errorf("%s without a token: %d", path, res.StatusCode)
		}
	}
}

func TestCheckBind(t *testing.T) {
	t.Parallel()
	cases := []struct {
		addr, token string
		noAuth, ok  bool
	}{
		{"127.0.0.1:8080", "", false, true},
		{"[::1]:8080", "", false, true},
		{"localhost:8080", "", false, true},
		{"0.0.0.0:8080", "", false, false},
		{":8080", "", false, false}, // every interface
		{"192.168.1.5:8080", "", false, false},
		{"0.0.0.0:8080", "tok", false, true},
		{"0.0.0.0:8080", "", true, true},
	}
	for _, tc := range cases {
		err := CheckBind(tc.addr, tc.token, tc.noAuth)
		if (err == nil) != tc.ok {
			t.Errorf("CheckBind(%q, %q, %v) = %v", tc.addr, tc.token, tc.noAuth, err)
		}
		if err != nil && !strings.Contains(err.Error(), "--token") {
			t.Errorf("error does not say what to do: %v", err)
		}
	}
}

func TestCORSOnlyForNamedOrigins(t *testing.T) {
	t.Parallel()
	closed := newTestServer(t, Options{})
	res, _ := do(t, http.MethodGet, closed.URL+"/v1/rules", "", "", "Origin", "https://erp.example.com")
	if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("no --cors-origin, yet Access-Control-Allow-Origin %q", got)
	}
	open := newTestServer(t, Options{CORSOrigins: []string{"https://erp.example.com"}})
	res, _ = do(t, http.MethodOptions, open.URL+"/v1/check", "", "", "Origin", "https://erp.example.com", "Access-Control-Request-Method", "POST")
	if res.StatusCode != http.StatusNoContent || res.Header.Get("Access-Control-Allow-Origin") != "https://erp.example.com" {
		t.Errorf("preflight: %d %q", res.StatusCode, res.Header.Get("Access-Control-Allow-Origin"))
	}
	res, _ = do(t, http.MethodGet, open.URL+"/v1/rules", "", "", "Origin", "https://evil.example.net")
	if got := res.Header.Get("Access-Control-Allow-Origin"); got != "" {
		t.Errorf("an origin not named got Access-Control-Allow-Origin %q", got)
	}
}
