package cli

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
)

// shipSpool keeps each orders file's findings, one line each as the report
// will print them, in a temporary file until the report is written: the
// report names every file, and counts its orders, before its findings, and
// 100,000 flagged orders held as findings take hundreds of megabytes.
type shipSpool struct {
	f     *os.File      // nil: kept in memory (no temporary directory)
	mem   *bytes.Buffer // the lines when f is nil
	w     *bufio.Writer
	end   int64
	spans map[string][]span // by source, in order
}

// span is a run of one source's lines in the file.
type span struct{ off, n int64 }

// maxSpoolLine bounds one line read back (a finding quotes at most a few
// order ids and events, each bounded by the readers).
const maxSpoolLine = 64 << 20

// newShipSpool spools to a temporary file, unlinked at once where the
// system allows (nothing is left behind if the process dies), or to memory
// when no temporary file can be made.
func newShipSpool() *shipSpool {
	f, err := os.CreateTemp("", "xiaoer-shipments-*")
	if err != nil {
		return memorySpool()
	}
	os.Remove(f.Name()) // fails on Windows while open: close removes it
	return &shipSpool{f: f, w: bufio.NewWriterSize(f, 1<<20), spans: map[string][]span{}}
}

// memorySpool keeps the lines in memory.
func memorySpool() *shipSpool {
	mem := &bytes.Buffer{}
	return &shipSpool{mem: mem, w: bufio.NewWriter(mem), spans: map[string][]span{}}
}

// close removes the file.
func (s *shipSpool) close() {
	if s.f != nil {
		s.f.Close()
		os.Remove(s.f.Name())
	}
}

func (s *shipSpool) readerAt() io.ReaderAt {
	if s.f == nil {
		return bytes.NewReader(s.mem.Bytes())
	}
	return s.f
}

// add appends one line of a source.
func (s *shipSpool) add(source string, line []byte) error {
	if _, err := s.w.Write(line); err != nil {
		return fmt.Errorf("spool findings: %w", err)
	}
	if err := s.w.WriteByte('\n'); err != nil {
		return fmt.Errorf("spool findings: %w", err)
	}
	n := int64(len(line)) + 1
	spans := s.spans[source]
	if last := len(spans) - 1; last >= 0 && spans[last].off+spans[last].n == s.end {
		spans[last].n += n
	} else {
		s.spans[source] = append(spans, span{off: s.end, n: n})
	}
	s.end += n
	return nil
}

// each reads a source's lines back in order, without their newline.
func (s *shipSpool) each(source string, fn func(line []byte) error) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool findings: %w", err)
	}
	r := s.readerAt()
	for _, sp := range s.spans[source] {
		sc := bufio.NewScanner(io.NewSectionReader(r, sp.off, sp.n))
		sc.Buffer(make([]byte, 0, 64<<10), maxSpoolLine)
		for sc.Scan() {
			if err := fn(sc.Bytes()); err != nil {
				return err
			}
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("spool findings: %w", err)
		}
	}
	return nil
}
