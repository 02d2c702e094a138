package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// Error codes are a public interface (documented in openapi.json): callers
// branch on them, so keep them stable. 4xx codes are the caller's fault,
// 5xx ones ours.
const (
	CodeBadJSON          = "bad_json"           // 400: not JSON; the message says line and column
	CodeBadYAML          = "bad_yaml"           // 400: a YAML listing that does not parse
	CodeUnknownField     = "unknown_field"      // 400: a key that is not a listing field
	CodeInvalidField     = "invalid_field"      // 400: a listing field of the wrong shape
	CodeNoListing        = "no_listing"         // 422: the body holds no listing (empty, binary, no title)
	CodeBadOrders        = "bad_orders"         // 400: an orders body that cannot be read
	CodeOneListing       = "one_listing"        // 400: /v1/check got several listings
	CodeBadParameter     = "bad_parameter"      // 400: a query parameter out of range
	CodeBodyTooLarge     = "body_too_large"     // 413
	CodeTooManyListings  = "too_many_listings"  // 413: a batch over the limit
	CodeUnsupportedMedia = "unsupported_media"  // 415
	CodeUnauthorized     = "unauthorized"       // 401: no or wrong Bearer token
	CodeNotFound         = "not_found"          // 404
	CodeMethodNotAllowed = "method_not_allowed" // 405
	CodeOverloaded       = "overloaded"         // 503: every evaluation slot busy; retry after Retry-After
	CodeTimeout          = "timeout"            // 503: the evaluation took longer than the request timeout
	CodeShuttingDown     = "shutting_down"      // 503: draining before exit
	CodeInternal         = "internal"           // 500: a bug of ours
)

// apiError is an error with the status and code the caller sees.
type apiError struct {
	Status     int    `json:"-"`
	Code       string `json:"code"`
	Message    string `json:"message"`
	RetryAfter int    `json:"-"` // seconds; 0: no Retry-After header
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func newError(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// errorBody is the JSON every error answers: {"error": {"code", "message"}}.
type errorBody struct {
	Error *apiError `json:"error"`
}

// writeError answers err as JSON; an error that is not an *apiError is
// ours (500), and its text stays in the message so it can be reported.
func writeError(w http.ResponseWriter, err error) {
	var ae *apiError
	if !errors.As(err, &ae) {
		ae = newError(http.StatusInternalServerError, CodeInternal, "%v", err)
	}
	if ae.RetryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(ae.RetryAfter))
	}
	writeJSON(w, ae.Status, errorBody{Error: ae})
}

// writeJSON answers v with status; encoding errors can only be ours and the
// header is already out, so they are dropped.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // Chinese and <> stay readable, as in --format jsonl
	_ = enc.Encode(v)
}
