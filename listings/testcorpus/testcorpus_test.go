package testcorpus

import (
	"os"
	"path/filepath"
	"testing"
)

// The corpus is found beside the repository without the variable, and the
// variable, when set, wins.
func TestFind(t *testing.T) {
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	beside := filepath.Join(filepath.Dir(root), "shared", "corpus")
	t.Setenv(Env, "")
	got, err := Find()
	if err != nil {
		t.Fatal(err)
	}
	if _, statErr := os.Stat(beside); statErr == nil && got != beside {
		t.Errorf("Find() = %q, want %q (it exists)", got, beside)
	} else if statErr != nil && got != "" {
		t.Errorf("Find() = %q, want none (%s does not exist)", got, beside)
	}
	own := t.TempDir()
	t.Setenv(Env, own)
	if got, err := Find(); err != nil || got != own {
		t.Errorf("with %s=%s: Find() = %q, %v", Env, own, got, err)
	}
	t.Setenv(Env, filepath.Join(own, "missing"))
	if _, err := Find(); err == nil {
		t.Error("a variable naming no directory was accepted")
	}
}
