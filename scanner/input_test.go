package scanner

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/xiaoer-dev/xiaoer/listings/fileread"
)

// readAtMost reads everything, whatever the size hint says, and refuses
// one byte over the limit (stdin has no size to check first).
func TestReadAtMost(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("商品详情", 500)
	for _, hint := range []int{0, 10, len(text), 2 * len(text)} {
		got, err := readAtMost(strings.NewReader(text), hint, len(text))
		if err != nil || string(got) != text {
			t.Errorf("hint %d: %d bytes, %v; want %d", hint, len(got), err, len(text))
		}
	}
	if _, err := readAtMost(strings.NewReader(text), 0, len(text)-1); !errors.Is(err, errOverLimit) {
		t.Errorf("one byte over: %v, want %v", err, errOverLimit)
	}
	if _, err := readLimited(iotest.ErrReader(io.ErrUnexpectedEOF), 0); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("read error: %v", err)
	}
}

// A file over the limit is refused from its size, before it is read.
func TestFileReaderRefusesLargeFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.html")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxInputBytes + 1); err != nil { // sparse: nothing written
		t.Fatal(err)
	}
	f.Close()
	if _, err := fileReader(big)(); !errors.Is(err, fileread.ErrTooLarge) {
		t.Errorf("big file: %v, want %v", err, errTooLarge)
	}
	small := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(small, []byte("title: 纯棉T恤\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := fileReader(small)(); err != nil || !bytes.Equal(got, []byte("title: 纯棉T恤\n")) {
		t.Errorf("small file: %q, %v", got, err)
	}
}
