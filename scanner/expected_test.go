package scanner

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

var update = flag.Bool("update", false, "rewrite golden files from the current output")

// expectedPath holds, for every listing fixture, the findings a reviewer
// accepted: "rule severity field: evidence". It is tracked, not generated
// and ignored: a test against a file it wrote itself could not fail, and
// the diff after a rule change is what a reviewer reads. Regenerate with
// -update and review the diff like code. It lives in testdata, out of the
// fixtures a user scans.
var expectedPath = filepath.Join("testdata", "expected.yaml")

// listingFixtureDirs are the fixture directories that hold listings.
var listingFixtureDirs = []string{"pages", "listings", "material"}

// TestFixturesExpectedFindings scans every listing fixture and compares its
// findings with testdata/expected.yaml.
func TestFixturesExpectedFindings(t *testing.T) {
	t.Parallel()
	got := map[string][]string{}
	for _, dir := range listingFixtureDirs {
		files, err := walk(filepath.Join("..", "fixtures", dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			key := filepath.ToSlash(strings.TrimPrefix(f, ".."+string(filepath.Separator)))
			got[key] = fixtureFindings(t, f)
		}
	}
	if *update {
		writeExpected(t, got)
		return
	}
	want := readExpected(t)
	for file, lines := range got {
		if strings.Join(lines, "\n") != strings.Join(want[file], "\n") {
			t.Errorf("%s:\n got  %q\n want %q", file, lines, want[file])
		}
	}
	for file := range want {
		if _, ok := got[file]; !ok {
			t.Errorf("%s: in expected.yaml but not a fixture any more", file)
		}
	}
}

func fixtureFindings(t *testing.T, path string) []string {
	t.Helper()
	lines := []string{}
	for _, l := range parseFixture(t, path) {
		found, _, err := checker(t).CheckListing(context.Background(), l)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, f := range found {
			lines = append(lines, fmt.Sprintf("%s %s %s %s: %s", l.ID, f.Rule, f.Severity, f.Field, f.Evidence))
		}
	}
	sort.Strings(lines)
	return lines
}

func readExpected(t *testing.T) map[string][]string {
	t.Helper()
	raw, err := os.ReadFile(expectedPath)
	if err != nil {
		t.Fatalf("%v (run go test ./scanner -run TestFixturesExpectedFindings -update)", err)
	}
	var want map[string][]string
	if err := yaml.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	return want
}

func writeExpected(t *testing.T, got map[string][]string) {
	t.Helper()
	out, err := yaml.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	header := "# Findings each listing fixture must produce: \"listing-id rule severity field: evidence\".\n" +
		"# Regenerate with: go test ./scanner -run TestFixturesExpectedFindings -update (and review the diff).\n"
	if err := os.WriteFile(expectedPath, append([]byte(header), out...), 0o644); err != nil {
		t.Fatal(err)
	}
}
