package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"unicode/utf8"
)

// readBody reads the whole request body, refusing more than limit bytes
// with 413 before reading further.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body := http.MaxBytesReader(w, r.Body, limit)
	raw, err := io.ReadAll(body)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, newError(http.StatusRequestEntityTooLarge, CodeBodyTooLarge,
			"request body is larger than the limit of %d bytes", limit)
	case err != nil:
		return nil, newError(http.StatusBadRequest, CodeBadParameter, "read request body: %v", err)
	}
	return raw, nil
}

// mediaType is the request's Content-Type without parameters, lower case;
// a missing one reads as JSON. (curl -d sends a form type: say -H
// 'Content-Type: application/json'; the 415 message tells what to send.)
func mediaType(r *http.Request) (string, error) {
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return "application/json", nil
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", newError(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "Content-Type %q: %v", ct, err)
	}
	return mt, nil
}

// unsupported is the 415 for a media type an endpoint does not read.
func unsupported(mt string, want string) *apiError {
	return newError(http.StatusUnsupportedMediaType, CodeUnsupportedMedia,
		"Content-Type %q is not supported here; send %s", mt, want)
}

// checkJSON returns a bad_json error naming the line and column of the
// first syntax error in raw, or nil when raw is one JSON value. The YAML
// parser that reads listing files would accept much that is not JSON, or
// word its errors for YAML; callers who sent JSON get told about JSON.
func checkJSON(raw []byte) *apiError {
	if json.Valid(raw) {
		return nil
	}
	var v any
	err := json.Unmarshal(raw, &v)
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		return newError(http.StatusBadRequest, CodeBadJSON, "bad JSON: %v", err)
	}
	line, col := lineColumn(raw, int(syn.Offset))
	return newError(http.StatusBadRequest, CodeBadJSON, "bad JSON at line %d, column %d: %v", line, col, syn)
}

// lineColumn turns a byte offset into a 1-based line and a 1-based column
// counted in characters. encoding/json's offset is just past the byte that
// broke the syntax, so the column points at that byte.
func lineColumn(raw []byte, offset int) (int, int) {
	offset = min(max(offset-1, 0), len(raw))
	before := raw[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
