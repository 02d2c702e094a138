package shipments

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/xiaoer-dev/xiaoer/listings/fileread"
)

// ReadTrackingFile reads every answer in a tracking file: one answer, an
// array of answers, or one answer per line.
func ReadTrackingFile(path string) ([]*Trace, error) {
	f, err := fileread.Open(path, MaxTrackingFileBytes)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	c, _, err := firstByte(br)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	dec := json.NewDecoder(br)
	if c == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	var traces []*Trace
	for c != '[' || dec.More() {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		t, err := ParseTracking(raw)
		if err != nil {
			return nil, fmt.Errorf("%s: answer %d: %w", path, len(traces)+1, err)
		}
		traces = append(traces, t)
	}
	return traces, nil
}

// traceRef says where a tracking number's answer is: which tracking file,
// which answer in it.
type traceRef struct {
	file, elem int32
}

// traceCache keeps the last few tracking files parsed in the second pass, so
// a batch file is not re-read for every order in it. Not safe for
// concurrent use: the order reader alone calls it.
type traceCache struct {
	files   []string
	entries map[int32][]*Trace
	recent  []int32 // least recently used first
	limit   int
}

func newTraceCache(files []string, limit int) *traceCache {
	return &traceCache{files: files, entries: map[int32][]*Trace{}, limit: limit}
}

func (c *traceCache) get(ref traceRef) (*Trace, error) {
	traces, ok := c.entries[ref.file]
	if !ok {
		var err error
		if traces, err = ReadTrackingFile(c.files[ref.file]); err != nil {
			return nil, err
		}
		c.entries[ref.file] = traces
		if len(c.recent) >= c.limit {
			delete(c.entries, c.recent[0])
			c.recent = c.recent[1:]
		}
	} else {
		c.forget(ref.file)
	}
	c.recent = append(c.recent, ref.file)
	if int(ref.elem) >= len(traces) {
		return nil, fmt.Errorf("%s changed during the scan", c.files[ref.file])
	}
	return traces[ref.elem], nil
}

func (c *traceCache) forget(file int32) {
	for i, f := range c.recent {
		if f == file {
			c.recent = append(c.recent[:i], c.recent[i+1:]...)
			return
		}
	}
}
