package scanner

import (
	"os"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// parseFixture reads a fixture file (page or listing file) into listings.
func parseFixture(t *testing.T, path string) []*listings.Listing {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := ParseInput(path, raw)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return ls
}
