package serve

import (
	"net/http"
	"strings"
	"testing"
)

// TestErrors: every caller mistake answers JSON with its stable code and
// a message that names the problem.
func TestErrors(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{MaxBodyBytes: 1 << 10, MaxBatch: 3})
	big := `{"title": "` + strings.Repeat("好", 400) + `"}` // 1.2 KB
	cases := []struct {
		name, method, path, contentType, body string
		status                                int
		code, inMessage                       string
	}{
		{"bad JSON", "POST", "/v1/check", "application/json", "{\n  \"title\": \"纯棉\",\n  \"price\" 59\n}", 400, CodeBadJSON, "line 3, column 11"},
		{"truncated JSON", "POST", "/v1/check", "application/json", `{"title": "纯棉`, 400, CodeBadJSON, "line 1"},
		{"unknown field", "POST", "/v1/check", "application/json", "{\n \"title\": \"T恤\",\n \"colour\": \"红\"\n}", 400, CodeUnknownField, `line 3, column 2: unknown key "colour"`},
		{"invalid field", "POST", "/v1/check", "application/json", `{"title": "T恤", "attributes": "棉"}`, 400, CodeInvalidField, "attributes"},
		{"bad YAML", "POST", "/v1/check", "application/yaml", "title: [unclosed\n", 400, CodeBadYAML, "syntax"},
		{"body too large", "POST", "/v1/check", "application/json", big, 413, CodeBodyTooLarge, "1024 bytes"},
		{"unsupported type", "POST", "/v1/check", "application/x-www-form-urlencoded", "title=x", 415, CodeUnsupportedMedia, "application/json"},
		{"bad content type", "POST", "/v1/check", "text/html; charset", "<h1>x</h1>", 415, CodeUnsupportedMedia, "Content-Type"},
		{"bad platform", "POST", "/v1/check?platform=amazon", "application/json", `{"title": "x"}`, 400, CodeBadParameter, "amazon"},
		{"batch not an array", "POST", "/v1/check/batch", "application/json", `{"title": "x"}`, 400, CodeBadJSON, "JSON array"},
		{"batch too many", "POST", "/v1/check/batch", "application/json", `[{"title":"a"},{"title":"b"},{"title":"c"},{"title":"d"}]`, 413, CodeTooManyListings, "at most 3"},
		{"batch too many lines", "POST", "/v1/check/batch", "application/x-ndjson", "{\"title\":\"a\"}\n{}\n{}\n{}\n", 413, CodeTooManyListings, "at most 3"},
		{"batch HTML", "POST", "/v1/check/batch", "text/html", "<h1>x</h1>", 415, CodeUnsupportedMedia, "JSON Lines"},
		{"orders not JSON", "POST", "/v1/shipments", "application/json", `[{"order_id": }]`, 400, CodeBadJSON, "column 15"},
		{"orders type", "POST", "/v1/shipments", "text/plain", "x", 415, CodeUnsupportedMedia, "text/csv"},
		{"no endpoint", "GET", "/v1/listings", "", "", 404, CodeNotFound, "/v1/listings"},
		{"no rule", "GET", "/v1/rules/ad-nonsense", "", "", 404, CodeNotFound, "ad-nonsense"},
		{"wrong method", "GET", "/v1/check", "", "", 405, CodeMethodNotAllowed, "POST"},
		{"wrong method on rules", "DELETE", "/v1/rules", "", "", 405, CodeMethodNotAllowed, "GET"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, raw := do(t, tc.method, ts.URL+tc.path, tc.contentType, tc.body)
			msg := wantError(t, res, raw, tc.status, tc.code)
			if !strings.Contains(msg, tc.inMessage) {
				t.Errorf("message %q does not name %q", msg, tc.inMessage)
			}
		})
	}
}

func TestWrongMethodSaysAllow(t *testing.T) {
	t.Parallel()
	ts := newTestServer(t, Options{})
	res, _ := do(t, http.MethodGet, ts.URL+"/v1/check/batch", "", "")
	if got := res.Header.Get("Allow"); got != "POST" {
		t.Errorf("Allow %q, want POST", got)
	}
}
