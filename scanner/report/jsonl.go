package report

import (
	"bytes"
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
	w    io.Writer
	line []byte // the line being written, reused
	// enc writes into buf what appendResult leaves to encoding/json.
	enc  *json.Encoder
	buf  bytes.Buffer
	cols columnsMemo
}

// Report implements Reporter.
func (j *JSONL) Report(w io.Writer, r *Report) error { return streamAll(j, w, r) }

// Start implements Streamer.
func (j *JSONL) Start(w io.Writer, _ *Report) error {
	j.w = w
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return nil
}

// Add implements Streamer: one Write per line, so a line is never split.
func (j *JSONL) Add(res scanner.Result) error {
	if j.enc == nil {
		return errors.New("jsonl: Add before Start")
	}
	line, err := appendResult(j.line[:0], &res, j.enc, &j.buf, &j.cols)
	if err != nil {
		// encoding/json words it (NaN, a value it cannot encode).
		if eerr := j.enc.Encode(res); eerr != nil {
			err = eerr
		}
		return fmt.Errorf("jsonl: %w", err)
	}
	if cap(line) <= maxKeptLine {
		j.line = line
	}
	if _, err := j.w.Write(line); err != nil {
		return fmt.Errorf("jsonl: %w", err)
	}
	return nil
}

// maxKeptLine bounds the line buffer kept between results: a page with
// many findings makes a long line once, not a standing allocation.
const maxKeptLine = 1 << 20

// Finish implements Streamer.
func (j *JSONL) Finish(scanner.Summary) error { return nil }
