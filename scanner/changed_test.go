package scanner

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository in a temp dir with its own identity, so tests
// never depend on the machine's git config.
func gitRepo(t *testing.T) (dir string, run func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir = t.TempDir()
	run = func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=xiaoer test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	run("init", "-q", "-b", "main")
	return dir, run
}

func putFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestChangedFilesSinceMergeBase(t *testing.T) {
	t.Parallel()
	dir, git := gitRepo(t)
	for _, name := range []string{"a.yaml", "b.yaml", "c.yaml", "商品/d.yaml"} {
		putFile(t, filepath.Join(dir, "listings", name), "title: "+name+"\n")
	}
	putFile(t, filepath.Join(dir, ".gitignore"), "drafts/\n")
	git("add", ".")
	git("commit", "-q", "-m", "listings")
	git("checkout", "-q", "-b", "feature")
	putFile(t, filepath.Join(dir, "listings", "b.yaml"), "title: 国家级 b\n")
	putFile(t, filepath.Join(dir, "listings", "商品", "d.yaml"), "title: 国家级 d\n")
	git("commit", "-q", "-am", "change b and d")
	putFile(t, filepath.Join(dir, "listings", "new.yaml"), "title: new\n")      // untracked
	putFile(t, filepath.Join(dir, "drafts", "x.yaml"), "title: draft\n")        // ignored
	if err := os.Remove(filepath.Join(dir, "listings", "c.yaml")); err != nil { // deleted
		t.Fatal(err)
	}
	// main moves on after the branch was cut: a.yaml is not this branch's change.
	git("checkout", "-q", "main")
	putFile(t, filepath.Join(dir, "listings", "a.yaml"), "title: 国家级 a\n")
	git("commit", "-q", "-am", "change a on main")
	git("checkout", "-q", "feature")

	changed, err := ChangedFiles(context.Background(), filepath.Join(dir, "listings"), "main")
	if err != nil {
		t.Fatal(err)
	}
	inputs := KeepChanged(ExpandPaths([]string{filepath.Join(dir, "listings"), filepath.Join(dir, "drafts")}, nil), changed)
	var got []string
	for i, in := range inputs {
		rel, _ := filepath.Rel(dir, in.Source)
		got = append(got, filepath.ToSlash(rel))
		if in.Index != i {
			t.Errorf("%s has index %d, want %d", rel, in.Index, i)
		}
	}
	if want := "listings/b.yaml listings/new.yaml listings/商品/d.yaml"; strings.Join(got, " ") != want {
		t.Errorf("changed inputs = %v, want %s", got, want)
	}
}

func TestChangedFilesUnknownRevision(t *testing.T) {
	t.Parallel()
	dir, git := gitRepo(t)
	putFile(t, filepath.Join(dir, "a.yaml"), "title: a\n")
	git("add", ".")
	git("commit", "-q", "-m", "a")
	_, err := ChangedFiles(context.Background(), dir, "origin/main")
	if err == nil || !strings.Contains(err.Error(), "merge-base") || !strings.Contains(err.Error(), "fetch-depth") {
		t.Errorf("error = %v, want a merge-base failure with the shallow-clone hint", err)
	}
}
