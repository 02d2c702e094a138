package report

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// JSONL writes one scanner.Result per line, as results arrive, each line a
// complete JSON object with its input index, so a consumer can process a
// bulk scan as it runs and a resumed run can tell which inputs are done.
// There is no header or summary line: every line has the same shape.
type JSONL struct {
	enc *json.Encoder
}

// Report implements Reporter.
func (j *JSONL) Report(w io.Writer, r *Report) error { return streamAll(j, w, r) }

// Start implements Streamer.
func (j *JSONL) Start(w io.Writer, _ *Report) error {
	j.enc = json.NewEncoder(w)
	j.enc.SetEscapeHTML(false)
	return nil
}

// Add implements Streamer: one Write per line, so a line is never split.
func (j *JSONL) Add(res scanner.Result) error {
	if j.enc == nil {
		return errors.New("jsonl: Add before Start")
	}
	if err := j.enc.Encode(res); err != nil {
		return fmt.Errorf("jsonl: %w", err)
	}
	return nil
}

// Finish implements Streamer.
func (j *JSONL) Finish(scanner.Summary) error { return nil }
