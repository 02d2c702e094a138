package serve

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"runtime"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/config"
)

// query is what the listing endpoints read from the URL.
type query struct {
	platform string // for listings that name none
	source   string // names the listing in results (location.file, fingerprints)
}

func (s *Server) readQuery(r *http.Request) (query, error) {
	v := r.URL.Query()
	q := query{platform: v.Get("platform"), source: v.Get("source")}
	if q.platform == "" {
		q.platform = s.opts.Platform
	} else if err := config.CheckPlatform(q.platform); err != nil {
		return q, newError(http.StatusBadRequest, CodeBadParameter, "?platform=: %v", err)
	}
	if q.source == "" {
		q.source = "request"
	}
	if len(q.source) > 512 {
		return q, newError(http.StatusBadRequest, CodeBadParameter, "?source= is longer than 512 bytes")
	}
	return q, nil
}

// readRequest reads the query and the body of a listing endpoint, and
// takes an evaluation slot: parsing a page costs as much as judging it, so
// both happen under the slot. A server with every slot and queue place
// taken refuses before reading the body at all. The caller must release.
func (s *Server) readRequest(w http.ResponseWriter, r *http.Request) (query, []byte, func(), error) {
	if s.limit.full() {
		err := overloaded("every evaluation slot is busy and the queue is full")
		s.reject(err)
		return query{}, nil, nil, err
	}
	q, err := s.readQuery(r)
	if err != nil {
		return q, nil, nil, err
	}
	raw, err := readBody(w, r, s.opts.MaxBodyBytes)
	if err != nil {
		return q, nil, nil, err
	}
	release, err := s.limit.acquire(r.Context())
	if err != nil {
		s.reject(err)
		return q, nil, nil, err
	}
	return q, raw, release, nil
}

// handleCheck judges one listing and answers its Result, the same JSON as
// one line of `xiaoer scan --format jsonl`.
func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	q, raw, release, err := s.readRequest(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	defer release()
	l, err := parseListing(r, raw, q.source)
	if err != nil {
		writeError(w, err)
		return
	}
	results, err := s.evaluate(r.Context(), []Item{{Listing: l}}, q.platform, 1)
	if err != nil {
		writeError(w, err)
		return
	}
	if res := results[0]; res.Failed() {
		writeError(w, evaluationError(*res.Error))
		return
	}
	writeJSON(w, http.StatusOK, results[0])
}

// batchResponse answers a JSON batch: every item's result, in order.
type batchResponse struct {
	Results []scanner.Result `json:"results"`
	Summary scanner.Summary  `json:"summary"`
}

// handleBatch judges up to MaxBatch listings; an unreadable item is an
// error result in its place. JSON Lines in, JSON Lines out.
func (s *Server) handleBatch(w http.ResponseWriter, r *http.Request) {
	q, raw, release, err := s.readRequest(w, r)
	if err != nil {
		writeError(w, err)
		return
	}
	defer release()
	items, err := parseBatch(r, raw, q.source, s.opts.MaxBatch)
	if err != nil {
		writeError(w, err)
		return
	}
	results, err := s.evaluate(r.Context(), items, q.platform, runtime.GOMAXPROCS(0))
	if err != nil {
		writeError(w, err)
		return
	}
	if mt, _ := mediaType(r); jsonlTypes[mt] {
		writeJSONLines(w, results)
		return
	}
	sum := scanner.NewSummary()
	sum.Inputs = len(results)
	for _, res := range results {
		sum.Add(res)
	}
	writeJSON(w, http.StatusOK, batchResponse{Results: results, Summary: sum})
}

func writeJSONLines(w http.ResponseWriter, results []scanner.Result) {
	w.Header().Set("Content-Type", "application/x-ndjson; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // as report.JSONL writes
	for _, res := range results {
		if enc.Encode(res) != nil {
			return // the caller went away
		}
	}
}

// evaluate judges items under the request's evaluation slot, plus up to
// maxWorkers-1 slots that are idle right now, within the request timeout.
func (s *Server) evaluate(ctx context.Context, items []Item, platform string, maxWorkers int) ([]scanner.Result, error) {
	extra, releaseExtra := s.limit.extra(min(maxWorkers, len(items)) - 1)
	defer releaseExtra()
	ctx, cancel := context.WithTimeout(ctx, s.opts.RequestTimeout)
	defer cancel()
	results, err := s.checker.Check(ctx, items, platform, 1+extra)
	if err != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			err = newError(http.StatusServiceUnavailable, CodeTimeout,
				"evaluation took longer than the request timeout of %s; send fewer or smaller listings", s.opts.RequestTimeout)
			s.reject(err)
		}
		return nil, err
	}
	s.metrics.observe(results)
	return results, nil
}

func (s *Server) reject(err error) {
	var ae *apiError
	if errors.As(err, &ae) {
		s.metrics.rejected.WithLabelValues(ae.Code).Inc()
	}
}

// evaluationError is the answer for a single listing whose evaluation
// failed: the listing was read, so this is ours (a timeout, or a broken
// user policy), never the caller's.
func evaluationError(msg string) error {
	if isTimeout(msg) {
		return newError(http.StatusServiceUnavailable, CodeTimeout, "%s", msg)
	}
	return newError(http.StatusInternalServerError, CodeInternal, "%s", msg)
}
