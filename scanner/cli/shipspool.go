package cli

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"slices"
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

// maxSpoolLine bounds one record read back (a finding quotes at most a few
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

// add appends one record of a source: its length, then its bytes (a
// record may hold newlines: JSON findings are spooled indented).
func (s *shipSpool) add(source string, line []byte) error {
	head := binary.AppendUvarint(nil, uint64(len(line)))
	if _, err := s.w.Write(head); err != nil {
		return fmt.Errorf("spool findings: %w", err)
	}
	if _, err := s.w.Write(line); err != nil {
		return fmt.Errorf("spool findings: %w", err)
	}
	n := int64(len(head) + len(line))
	spans := s.spans[source]
	if last := len(spans) - 1; last >= 0 && spans[last].off+spans[last].n == s.end {
		spans[last].n += n
	} else {
		s.spans[source] = append(spans, span{off: s.end, n: n})
	}
	s.end += n
	return nil
}

// each reads a source's records back in order.
func (s *shipSpool) each(source string, fn func(line []byte) error) error {
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool findings: %w", err)
	}
	r := s.readerAt()
	var buf []byte
	for _, sp := range s.spans[source] {
		br := bufio.NewReaderSize(io.NewSectionReader(r, sp.off, sp.n), 1<<16)
		for {
			n, err := binary.ReadUvarint(br)
			if err == io.EOF {
				break
			}
			if err != nil || n > maxSpoolLine {
				return fmt.Errorf("spool findings: bad record (%d bytes): %v", n, err)
			}
			buf = slices.Grow(buf[:0], int(n))[:n]
			if _, err := io.ReadFull(br, buf); err != nil {
				return fmt.Errorf("spool findings: %w", err)
			}
			if err := fn(buf); err != nil {
				return err
			}
		}
	}
	return nil
}
