package scanner

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
)

// ChangedFiles lists the files a pull request would show as changed since
// rev, as canonical absolute paths: files that differ between the merge base
// of rev and HEAD and the working tree (committed, staged or not), plus
// untracked files that .gitignore does not exclude, so a listing added but
// not yet committed is scanned too. Deleted files are left out. dir is any
// directory inside the repository.
//
// The merge base, not rev itself, is what a PR diff uses: when main moved on
// after the branch was cut, files changed only on main are not this
// branch's changes. A shallow clone may lack it (fetch-depth: 0 in CI).
func ChangedFiles(ctx context.Context, dir, rev string) (map[string]bool, error) {
	top, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	top = strings.TrimSpace(top)
	base, err := git(ctx, dir, "merge-base", rev, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("%w (is %s fetched? a shallow clone needs fetch-depth: 0)", err, rev)
	}
	diff, err := git(ctx, top, "diff", "--name-only", "-z", "--diff-filter=d", strings.TrimSpace(base), "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git(ctx, top, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	changed := map[string]bool{}
	for _, name := range strings.Split(diff+untracked, "\x00") {
		if name != "" {
			changed[canonicalPath(filepath.Join(top, filepath.FromSlash(name)))] = true
		}
	}
	return changed, nil
}

// git runs a git command in dir and returns its standard output.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("git %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// KeepChanged keeps the inputs whose file is in changed, numbered afresh;
// stdin is kept (it is not a file git knows).
func KeepChanged(inputs []Input, changed map[string]bool) []Input {
	return filterInputs(inputs, func(in Input) bool {
		return in.Source == "-" || changed[canonicalPath(in.Source)]
	})
}

// canonicalPath is an absolute path with symlinks resolved where possible
// (git reports the resolved top level; a temp dir may be a symlink).
func canonicalPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}
