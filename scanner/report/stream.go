package report

import (
	"io"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// Streamer is a reporter that writes each result as it arrives rather than
// the whole report at the end (jsonl), so a bulk scan keeps nothing in
// memory and a reader (or a resumed run) sees every finished input at once.
// The CLI uses it whenever a reporter implements it; Report still works and
// gives the same bytes.
type Streamer interface {
	Reporter
	// Start begins the output; r carries the tool and rules, no results.
	Start(w io.Writer, r *Report) error
	// Add writes one result.
	Add(res scanner.Result) error
	// Finish ends the output once every result is in.
	Finish(s scanner.Summary) error
}

// streamAll writes a finished report through a Streamer.
func streamAll(s Streamer, w io.Writer, r *Report) error {
	if err := s.Start(w, r); err != nil {
		return err
	}
	for _, res := range r.Results {
		if err := s.Add(res); err != nil {
			return err
		}
	}
	return s.Finish(r.Summary)
}
