package shipments

import (
	"fmt"
	"io"
)

// Size limits of the readers. Orders files are streamed, so theirs is high;
// one record (a CSV row, a JSON object) and one tracking file are held in
// memory whole, so theirs are what memory can afford.
const (
	MaxOrdersFileBytes   = 4 << 30
	MaxTrackingFileBytes = 64 << 20
	MaxCSVRecordBytes    = 4 << 20
	MaxJSONRecordBytes   = 64 << 20
)

// recordGuard stops a reader whose current record grows past limit: a
// stray quote in a CSV file, or one endless JSON object, would otherwise be
// buffered whole. offset says where the current record starts, in bytes of
// what the guard has handed out (what the consumer buffers ahead is within
// the slack of the limit).
type recordGuard struct {
	r      io.Reader
	read   int64
	offset func() int64
	limit  int64
	what   string
}

func (g *recordGuard) Read(p []byte) (int, error) {
	if g.offset != nil && g.read-g.offset() > g.limit {
		return 0, fmt.Errorf("one %s is larger than %d MiB (a quote never closed?)", g.what, g.limit>>20)
	}
	n, err := g.r.Read(p)
	g.read += int64(n)
	return n, err
}

// shortValue quotes a value for an error message, cut to a readable length.
func shortValue(s string) string {
	const max = 40
	r := []rune(s)
	if len(r) > max {
		return fmt.Sprintf("%q… (%d characters)", string(r[:max]), len(r))
	}
	return fmt.Sprintf("%q", s)
}
