// Package testcorpus finds, for tests and benchmarks, the shared corpus of
// real saved pages, titles and tracking answers: third-party content kept
// beside the repository (../shared/corpus), never copied into it.
package testcorpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Env names the variable that points at the corpus; .ci/run sets it.
const Env = "XIAOER_CORPUS"

// Dir returns the corpus directory: $XIAOER_CORPUS, else ../shared/corpus
// beside the repository whenever it exists, so the tests on real data run
// without anyone remembering a variable. With neither, tb is skipped with a
// message saying why; a variable that names no directory fails it.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := Find()
	if err != nil {
		tb.Fatal(err)
	}
	if dir == "" {
		tb.Skipf("skipped: no corpus of real pages and titles (%s is not set and ../shared/corpus is not beside the repository)", Env)
	}
	tb.Logf("%s reads the real corpus at %s", tb.Name(), dir) // .ci/run lists these lines
	return dir
}

// Find is the corpus directory, "" when there is none: for benchmarks that
// add real pages to their fixtures when they can.
func Find() (string, error) {
	if dir := os.Getenv(Env); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return "", errors.New(Env + "=" + dir + ": not a directory")
		}
		return dir, nil
	}
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus")
	if st, err := os.Stat(dir); err == nil && st.IsDir() {
		return dir, nil
	}
	return "", nil
}

// moduleRoot is the directory of the go.mod above the working directory
// (a test runs in its package's directory).
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
