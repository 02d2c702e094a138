package scanner

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/fileread"
)

// Input is one thing to scan: a file, stdin, a URL, or a row of a shop export.
type Input struct {
	Index  int
	Source string
	Read   func() ([]byte, error)
	// Load, when set, replaces Read and ParseInput: inputs that fetch or
	// split themselves (URLs, shop export rows) return their listings.
	Load func(ctx context.Context) ([]*listings.Listing, error)
	// pregate, when set, reads this title list (Pregate).
	pregate *pregate
}

// MaxInputBytes bounds what one input may hold; larger files are an error
// for that input, not a crash.
const MaxInputBytes = 64 << 20

// listingExts are the files a directory walk picks up. Title lists (.txt)
// are read only when named on the command line: a directory's README.txt
// or notes are not listings. CSV and TSV files are picked up so that each
// is read as a shop export or reported as not one, never skipped unseen.
var listingExts = map[string]bool{".html": true, ".htm": true, ".yaml": true, ".yml": true, ".json": true,
	".csv": true, ".tsv": true}

// ExpandPaths turns command-line paths into inputs: files as given,
// directories walked recursively for listing files (hidden ones skipped),
// "-" for stdin. A path that does not exist becomes an input whose Read
// fails, so it is reported with the rest.
func ExpandPaths(paths []string, stdin io.Reader) []Input {
	var out []Input
	add := func(source string, read func() ([]byte, error)) {
		out = append(out, Input{Index: len(out), Source: source, Read: read})
	}
	for _, p := range paths {
		if p == "-" {
			add("-", func() ([]byte, error) { return readLimited(stdin, 0) })
			continue
		}
		files, err := walk(p)
		if err != nil {
			add(p, func() ([]byte, error) { return nil, err })
			continue
		}
		for _, f := range files {
			add(f, fileReader(f))
		}
	}
	return out
}

func fileReader(path string) func() ([]byte, error) {
	return func() ([]byte, error) { return fileread.ReadAll(path, MaxInputBytes) }
}

var errTooLarge = fmt.Errorf("%w: larger than %d MiB", fileread.ErrTooLarge, MaxInputBytes>>20)

// readLimited reads r whole, up to MaxInputBytes. size is what the input
// is expected to hold (0: unknown), so a file is read into one buffer of
// its size instead of one that doubles as it fills.
func readLimited(r io.Reader, size int) ([]byte, error) {
	data, err := readAtMost(r, size, MaxInputBytes)
	if errors.Is(err, errOverLimit) {
		return nil, errTooLarge
	}
	return data, err
}

var errOverLimit = errors.New("over the limit")

// readAtMost reads r whole into a buffer of size, or errOverLimit when r
// holds more than limit bytes.
func readAtMost(r io.Reader, size, limit int) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, min(size, limit)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(r, int64(limit)+1)); err != nil {
		return nil, err
	}
	if buf.Len() > limit {
		return nil, errOverLimit
	}
	return buf.Bytes(), nil
}

// unwrapPathError drops the path that the caller already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
