package scanner

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/scanner/engine"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// userChecker compiles the embedded pack plus the given user bundles.
func userChecker(t *testing.T, timeout time.Duration, bundles ...*bundle.Bundle) *Checker {
	t.Helper()
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	c, err := NewChecker(context.Background(), engine.Options{Bundles: bundles, Timeout: timeout}, func() time.Time { return fixed })
	if err != nil {
		t.Fatalf("checker: %v", err)
	}
	return c
}

// runawayPolicy is a user rule that never ends on the listing "loop".
func runawayPolicy(t *testing.T) *bundle.Bundle {
	t.Helper()
	b, err := engine.LoadPolicyDir(filepath.Join("engine", "testdata", "policies", "runaway"), false)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func rulesOf(found []finding.Finding) map[string][]string {
	out := map[string][]string{}
	for _, f := range found {
		out[f.Rule] = append(out[f.Rule], f.Evidence)
	}
	return out
}

// TestRunawayPolicyHitsTimeLimit: the listing that sends a user rule into a
// runaway comprehension fails with the time limit; the rest of the batch
// still gets its findings.
func TestRunawayPolicyHitsTimeLimit(t *testing.T) {
	t.Parallel()
	c := userChecker(t, 300*time.Millisecond, runawayPolicy(t))
	dir := t.TempDir()
	var paths []string
	for _, id := range []string{"first", "loop", "last"} {
		p := filepath.Join(dir, id+".yaml")
		if err := os.WriteFile(p, []byte("id: "+id+"\ntitle: 国家级工艺 纯棉T恤\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	s := &Scanner{Checker: c, Options: Options{Workers: 2}}
	byID := map[string]Result{}
	err := s.Run(context.Background(), ExpandPaths(paths, nil), func(r Result) error {
		byID[strings.TrimSuffix(filepath.Base(r.Source), ".yaml")] = r
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if r := byID["loop"]; r.Error == nil || !strings.Contains(*r.Error, engine.ErrEvalTimeout.Error()) {
		t.Errorf("loop: error = %v, want the time limit", r.Error)
	}
	for _, id := range []string{"first", "last"} {
		if r := byID[id]; r.Error != nil || len(rulesOf(r.Findings)["ad-absolute"]) == 0 {
			t.Errorf("%s: error %v, findings %v; want ad-absolute findings", id, r.Error, rulesOf(r.Findings))
		}
	}
}
