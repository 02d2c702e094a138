package dist

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// JobsHandler serves the job endpoints that xiaoer serve mounts:
//
//	POST /v1/jobs                  submit inputs and URLs as one job (202, its id)
//	GET  /v1/jobs/{id}             the job's progress
//	GET  /v1/jobs/{id}/results     its results as JSON Lines, streamed until complete
type JobsHandler struct {
	Queue   *Queue
	MaxBody int64 // request body limit (default 64 MiB)
	// Fetch is how workers fetch the URLs of jobs submitted here: the
	// server's policy, never the caller's (no private addresses unless the
	// operator allowed them).
	Fetch FetchSpec
	// Apply, when set, judges each result before it is sent (the server's
	// exceptions and baseline).
	Apply   func(*scanner.Result)
	Metrics *Metrics // counts jobs submitted here (nil: none)
}

// jobRequest is the body of POST /v1/jobs.
type jobRequest struct {
	Inputs []struct {
		Source  string `json:"source"`  // a file name: its extension says how to read it (.html, .yaml, .txt, .csv ...)
		Content string `json:"content"` // the file's text
	} `json:"inputs"`
	URLs     []string `json:"urls"`
	Rules    []string `json:"rules"`
	Platform string   `json:"platform"`
	Now      string   `json:"now"`
}

// jobStatus answers GET /v1/jobs/{id} and POST /v1/jobs.
type jobStatus struct {
	ID        string    `json:"id"`
	Created   time.Time `json:"created"`
	Inputs    int       `json:"inputs"`
	Tasks     int       `json:"tasks"`
	TasksDone int       `json:"tasks_done"`
	Submitted bool      `json:"submitted"` // every task is queued
	Complete  bool      `json:"complete"`
	Results   string    `json:"results"` // where to read them
}

// Handler returns the routes, to mount under /v1/jobs.
func (h *JobsHandler) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/jobs", h.submit)
	mux.HandleFunc("GET /v1/jobs/{id}", h.status)
	mux.HandleFunc("GET /v1/jobs/{id}/results", h.results)
	return mux
}

func (h *JobsHandler) submit(w http.ResponseWriter, r *http.Request) {
	limit := h.MaxBody
	if limit <= 0 {
		limit = 64 << 20
	}
	var req jobRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", "the body is over %d bytes", limit)
			return
		}
		writeError(w, http.StatusBadRequest, "bad_json", "job request: %v", err)
		return
	}
	if len(req.Inputs)+len(req.URLs) == 0 {
		writeError(w, http.StatusUnprocessableEntity, "no_listing", "a job needs inputs or urls")
		return
	}
	if req.Now != "" {
		if _, err := time.Parse(time.RFC3339, req.Now); err != nil {
			writeError(w, http.StatusBadRequest, "bad_parameter", "now %q: want RFC 3339", req.Now)
			return
		}
	}
	job := &Job{Sources: len(req.Inputs) + len(req.URLs), Rules: req.Rules, Platform: req.Platform, Now: req.Now, Fetch: h.Fetch}
	if err := h.Queue.Submit(r.Context(), job, func(p *Planner) error { return planRequest(r.Context(), p, req) }); err != nil {
		writeError(w, http.StatusServiceUnavailable, "queue_unavailable", "%v", err)
		return
	}
	h.Metrics.submitted()
	writeJSON(w, http.StatusAccepted, statusOf(job, 0))
}

func planRequest(ctx context.Context, p *Planner, req jobRequest) error {
	for _, in := range req.Inputs {
		data := []byte(in.Content)
		if err := p.AddInput(ctx, scanner.Input{Source: in.Source, Read: func() ([]byte, error) { return data, nil }}); err != nil {
			return err
		}
	}
	for _, u := range req.URLs {
		if err := p.AddURL(ctx, u); err != nil {
			return err
		}
	}
	return nil
}

func (h *JobsHandler) status(w http.ResponseWriter, r *http.Request) {
	job, ok := h.job(w, r)
	if !ok {
		return
	}
	done, err := h.Queue.TasksDone(r.Context(), job)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "queue_unavailable", "%v", err)
		return
	}
	writeJSON(w, http.StatusOK, statusOf(job, done))
}

func (h *JobsHandler) job(w http.ResponseWriter, r *http.Request) (*Job, bool) {
	job, err := h.Queue.Job(r.Context(), r.PathValue("id"))
	switch {
	case errors.Is(err, ErrNoJob):
		writeError(w, http.StatusNotFound, "not_found", "no job %q", r.PathValue("id"))
	case err != nil:
		writeError(w, http.StatusServiceUnavailable, "queue_unavailable", "%v", err)
	}
	return job, err == nil
}

func statusOf(j *Job, done int) jobStatus {
	return jobStatus{ID: j.ID, Created: j.Created, Inputs: j.Inputs, Tasks: j.Tasks, TasksDone: done,
		Submitted: j.Sealed, Complete: j.Sealed && done >= j.Tasks, Results: "/v1/jobs/" + j.ID + "/results"}
}

// TasksDone counts the tasks whose results are stored. A task stored twice
// (its first worker died between storing and acknowledging, after the
// de-duplication window) counts once at most: the count never passes Tasks.
func (q *Queue) TasksDone(ctx context.Context, j *Job) (int, error) {
	var info *jetstream.StreamInfo
	err := retry(ctx, func(ctx context.Context) (err error) {
		var s jetstream.Stream
		if s, err = q.JS.Stream(ctx, resultsStream); err == nil {
			info, err = s.Info(ctx, jetstream.WithSubjectFilter(resultsSubject(j.ID)))
		}
		return err
	}, "count results of job "+j.ID)
	if err != nil {
		return 0, err
	}
	return min(int(info.State.Subjects[resultsSubject(j.ID)]), j.Tasks), nil
}

// results streams the job's results, one JSON line each, flushed as each
// input completes, until every input is in or the caller goes away.
func (h *JobsHandler) results(w http.ResponseWriter, r *http.Request) {
	if _, ok := h.job(w, r); !ok {
		return
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	flusher, _ := w.(http.Flusher)
	_, err := h.Queue.Collect(r.Context(), r.PathValue("id"), func(_ *Job, g Group) error {
		for _, res := range g.Results {
			if h.Apply != nil {
				h.Apply(&res)
			}
			if err := enc.Encode(res); err != nil {
				return err
			}
		}
		if flusher != nil {
			flusher.Flush()
		}
		return nil
	})
	if err != nil && r.Context().Err() == nil {
		// The status line is sent: say what went wrong in a last line.
		enc.Encode(map[string]any{"error": map[string]string{"code": "queue_unavailable", "message": err.Error()}})
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// writeError answers in the server's error shape: {"error": {"code", "message"}}.
func writeError(w http.ResponseWriter, status int, code, format string, args ...any) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": fmt.Sprintf(format, args...)}})
}
