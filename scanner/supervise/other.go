//go:build !unix

package supervise

import (
	"errors"
	"os"
)

// Without Unix signals and wait statuses there is no supervisor: the
// work runs in the one process.

func childReport() (*os.File, bool) { return nil, false }

func crashForTest(string) {}

func supervise(Options) (int, error) {
	return 0, errors.New("no supervisor on this system")
}
