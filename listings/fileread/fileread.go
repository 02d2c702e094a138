// Package fileread opens input files the way every reader of xiaoer must:
// regular files only (a FIFO, device or socket would block or never end),
// and never more than a stated number of bytes.
package fileread

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// ErrNotRegular is wrapped by the error for anything that is not a regular
// file; the message names what it is.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for a file over its reader's limit.
var ErrTooLarge = errors.New("file too large")

// Open opens path for reading when it is a regular file of at most limit
// bytes. The file is opened non-blocking and checked from its descriptor,
// so a FIFO swapped in after a check cannot block the open. Reads from the
// returned file stop with ErrTooLarge past limit, should it grow.
func Open(path string, limit int64) (*File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err == nil {
		err = Check(st, limit)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &File{f: f, left: limit, size: st.Size(), lim: limit}, nil
}

// Check says why a file of this mode and size may not be read, or nil.
func Check(st fs.FileInfo, limit int64) error {
	if !st.Mode().IsRegular() {
		return fmt.Errorf("%w: %s", ErrNotRegular, Kind(st.Mode()))
	}
	if st.Size() > limit {
		return tooLarge(limit)
	}
	return nil
}

// Kind names a file mode for people: "named pipe (FIFO)", "device" ...
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeIrregular != 0:
		return "irregular file"
	}
	return "regular file"
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: larger than %s", ErrTooLarge, human(limit))
}

func human(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%d bytes", n)
}

// File is an open regular file that will not read past its limit.
type File struct {
	f    *os.File
	left int64
	size int64
	lim  int64
}

// Size is the size the file had when opened.
func (r *File) Size() int64 { return r.size }

// Read implements io.Reader; past the limit it fails with ErrTooLarge.
func (r *File) Read(p []byte) (int, error) {
	if r.left <= 0 {
		var one [1]byte
		if n, _ := r.f.Read(one[:]); n > 0 {
			return 0, tooLarge(r.lim)
		}
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n, err := r.f.Read(p)
	r.left -= int64(n)
	return n, err
}

// Close closes the file.
func (r *File) Close() error { return r.f.Close() }

// ReadAll reads a whole regular file of at most limit bytes into one buffer
// of its size.
func ReadAll(path string, limit int64) ([]byte, error) {
	f, err := Open(path, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 0, f.size+512)
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}
