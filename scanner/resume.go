package scanner

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// Resume is what a partial JSONL stream of results already holds: the
// inputs whose results are all there. A bulk scan killed at any moment
// (kill -9 included) finishes on rerun with every input exactly once.
//
// It rests on one property of the stream: one input's results are written
// together, one line each, one input after another (RunStream emits them
// so). A run killed mid-write can therefore leave only the last input
// short: a torn last line, or fewer lines than the input has results. So
// the last input in the file is always dropped and scanned again, whole.
type Resume struct {
	done   map[int]uint64 // input index → hash of its source
	Kept   int            // result lines kept
	Inputs int            // inputs kept
	Cut    int64          // bytes dropped from the end of the file
}

// OpenResume reads the JSONL results at path, cuts off the last input's
// lines and anything torn after them, adds what it keeps to tally, and
// returns the file open for appending. A missing file is an empty one.
func OpenResume(path string, tally *Tally) (*Resume, *os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, nil, fmt.Errorf("resume: %w", err)
	}
	r, keep, err := readResume(f, tally)
	if err == nil {
		r.Cut, err = cutAt(f, keep)
	}
	if err != nil {
		f.Close()
		return nil, nil, fmt.Errorf("resume %s: %w", path, err)
	}
	return r, f, nil
}

// readResume scans the lines and returns the offset to keep up to: the
// start of the last input's block.
func readResume(rd io.Reader, tally *Tally) (*Resume, int64, error) {
	r := &Resume{done: map[int]uint64{}}
	br := bufio.NewReaderSize(rd, 1<<20)
	var offset, blockStart int64
	var block []Result
	for lineNo := 1; ; lineNo++ {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			return r, blockStart, nil // a torn line (no newline) is dropped with the last block
		}
		if err != nil {
			return nil, 0, err
		}
		start := offset
		offset += int64(len(line))
		res, isResult, err := parseLine(line)
		if err != nil {
			return nil, 0, fmt.Errorf("line %d: %w", lineNo, err)
		}
		if !isResult {
			continue
		}
		if len(block) > 0 && block[0].Input != res.Input {
			r.commit(block, tally)
			block, blockStart = block[:0], start
		}
		if len(block) == 0 {
			blockStart = start
			if _, dup := r.done[res.Input]; dup {
				return nil, 0, fmt.Errorf("line %d: input %d appears twice, apart", lineNo, res.Input)
			}
		}
		block = append(block, res)
	}
}

// parseLine reads one line of the stream: a result, or a line that is not
// one (a blank line, a summary object) and is skipped.
func parseLine(line []byte) (Result, bool, error) {
	var probe struct {
		Input  *int   `json:"input"`
		Source string `json:"source"`
	}
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return Result{}, false, nil
	}
	if err := json.Unmarshal(line, &probe); err != nil {
		return Result{}, false, fmt.Errorf("not a JSON object: %w", err)
	}
	if probe.Input == nil {
		return Result{}, false, nil
	}
	var res Result
	if err := json.Unmarshal(line, &res); err != nil {
		return Result{}, false, fmt.Errorf("not a result: %w", err)
	}
	return res, true, nil
}

func (r *Resume) commit(block []Result, tally *Tally) {
	r.done[block[0].Input] = sourceHash(block[0].Source)
	r.Inputs++
	r.Kept += len(block)
	if tally != nil {
		tally.AddInput()
		for _, res := range block {
			tally.Add(res)
		}
	}
}

// cutAt truncates the file at keep and leaves it positioned there for
// appending; it returns how many bytes were cut.
func cutAt(f *os.File, keep int64) (int64, error) {
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if err := f.Truncate(keep); err != nil {
		return 0, err
	}
	if _, err := f.Seek(keep, io.SeekStart); err != nil {
		return 0, err
	}
	return st.Size() - keep, nil
}

func sourceHash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Holds reports whether the stream holds the results of input index.
func (r *Resume) Holds(index int) bool {
	_, ok := r.done[index]
	return ok
}

// Remaining returns the inputs the stream does not hold yet. An input the
// stream holds under another source means the command line changed since
// the partial run: that is an error, not something to guess around.
func (r *Resume) Remaining(inputs []Input) ([]Input, error) {
	var out []Input
	for _, in := range inputs {
		h, ok := r.done[in.Index]
		switch {
		case !ok:
			out = append(out, in)
		case h != sourceHash(in.Source):
			return nil, fmt.Errorf("input %d is %s now but was another file in the partial run: resume with the same inputs, in the same order", in.Index, in.Source)
		}
	}
	if len(inputs)-len(out) != r.Inputs {
		return nil, fmt.Errorf("the partial run holds %d inputs that are not among these %d: resume with the same inputs", r.Inputs-(len(inputs)-len(out)), len(inputs))
	}
	return out, nil
}
