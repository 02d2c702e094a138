package serve

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// loadOpenAPI parses and validates the embedded document against the
// OpenAPI 3 specification.
func loadOpenAPI(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData(OpenAPI())
	if err != nil {
		t.Fatalf("parse openapi.json: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("openapi.json is not valid OpenAPI 3: %v", err)
	}
	return doc
}

func TestOpenAPIDocumentIsValid(t *testing.T) {
	t.Parallel()
	doc := loadOpenAPI(t)
	ts := newTestServer(t, Options{})
	_, served := do(t, http.MethodGet, ts.URL+"/v1/openapi.json", "", "")
	if !bytes.Equal(served, OpenAPI()) {
		t.Error("/v1/openapi.json does not serve the document kept in the repository")
	}
	// Every route the server registers is documented, and the reverse.
	for _, p := range []string{"/v1/check", "/v1/check/batch", "/v1/shipments", "/v1/rules", "/v1/rules/{id}",
		"/v1/version", "/v1/openapi.json", "/healthz", "/readyz", "/metrics",
		"/v1/jobs", "/v1/jobs/{id}", "/v1/jobs/{id}/results"} { // jobs: mounted by xiaoer serve (scanner/dist)
		if doc.Paths.Find(p) == nil {
			t.Errorf("openapi.json lacks %s", p)
		}
	}
	if n := doc.Paths.Len(); n != 13 {
		t.Errorf("openapi.json documents %d paths, the server serves 13", n)
	}
}

// TestAnswersMatchOpenAPI sends requests of every kind and validates each
// answer (status, headers, body) against the document.
func TestAnswersMatchOpenAPI(t *testing.T) {
	t.Parallel()
	doc := loadOpenAPI(t)
	doc.Servers = nil // match whatever port the test server has
	router, err := legacy.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServer(t, Options{MaxBodyBytes: 4 << 10})
	cases := []struct{ method, path, contentType, body string }{
		{"POST", "/v1/check", "application/json", `{"title": "全网最低价 纯棉T恤 假一赔十", "price": 59}`},
		{"POST", "/v1/check", "text/html", `<h1>国家级 高仿包</h1>`},
		{"POST", "/v1/check", "application/json", `{"title": "x", "colour": 1}`},
		{"POST", "/v1/check", "application/json", `{"title": `},
		{"POST", "/v1/check", "application/json", `{"title": "` + strings.Repeat("棉", 2000) + `"}`},
		{"POST", "/v1/check", "text/plain", `x`},
		{"POST", "/v1/check", "application/json", `{"id": "empty"}`},
		{"POST", "/v1/check/batch", "application/json", `[{"title": "最好的"}, {"title": 1, "x": 2}]`},
		{"POST", "/v1/shipments", "application/json", `[{"order_id": "A1", "platform": "taobao", "amount": 99, "paid_at": "2026-11-20 10:00:00", "promised_ship_hours": 24, "marked_shipped_at": "2026-11-20 12:00:00", "carrier": "圆通速递", "tracking_no": "YT1", "events": []}]`},
		{"GET", "/v1/rules", "", ""},
		{"GET", "/v1/rules/ad-absolute", "", ""},
		{"GET", "/v1/rules/none", "", ""},
		{"GET", "/v1/version", "", ""},
		{"GET", "/healthz", "", ""},
		{"GET", "/readyz", "", ""},
		{"GET", "/metrics", "", ""},
	}
	for _, tc := range cases {
		req, err := http.NewRequest(tc.method, ts.URL+tc.path, strings.NewReader(tc.body))
		if err != nil {
			t.Fatal(err)
		}
		if tc.contentType != "" {
			req.Header.Set("Content-Type", tc.contentType)
		}
		res, raw := do(t, tc.method, ts.URL+tc.path, tc.contentType, tc.body)
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Fatalf("%s %s: not in openapi.json: %v", tc.method, tc.path, err)
		}
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
				Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
			Status: res.StatusCode, Header: res.Header, Body: io.NopCloser(bytes.NewReader(raw)),
			Options: &openapi3filter.Options{IncludeResponseStatus: true},
		}
		if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
			t.Errorf("%s %s (%d): answer does not match openapi.json: %v", tc.method, tc.path, res.StatusCode, err)
		}
	}
}
