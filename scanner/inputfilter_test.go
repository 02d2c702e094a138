package scanner

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/config"
)

func TestSkipPathsRenumbers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", "drafts/b.yaml", "c.yaml"} {
		putFile(t, filepath.Join(dir, name), "title: x\n")
	}
	inputs := SkipPaths(ExpandPaths([]string{dir}, nil), []string{"drafts"}, &config.PathMatcher{Base: dir})
	if len(inputs) != 2 || filepath.Base(inputs[1].Source) != "c.yaml" || inputs[1].Index != 1 {
		t.Errorf("inputs = %+v, want a.yaml and c.yaml numbered 0 and 1", inputs)
	}
}

func TestSkipDotFilesKeepsNamedOnes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"a.yaml", ".xiaoer.yaml", ".xiaoer-baseline.json"} {
		putFile(t, filepath.Join(dir, name), "title: x\n")
	}
	names := func(args ...string) string {
		var got []string
		for _, in := range ExpandPaths(args, nil) {
			got = append(got, filepath.Base(in.Source))
		}
		return strings.Join(got, " ")
	}
	if got := names(dir); got != "a.yaml" {
		t.Errorf("walking the directory gives %q, want a.yaml only", got)
	}
	if got := names(filepath.Join(dir, ".xiaoer-baseline.json")); got != ".xiaoer-baseline.json" {
		t.Errorf("naming a hidden file gives %q, want it kept", got)
	}
}

func TestSkipPolicyDirs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	putFile(t, filepath.Join(dir, "listings", "a.yaml"), "title: x\n")
	putFile(t, filepath.Join(dir, "policies", "brand", "brand.rego"), "package acme\n")
	putFile(t, filepath.Join(dir, "policies", "brand", "data.json"), "{}")
	named := filepath.Join(dir, "policies", "brand", "data.json")
	var got []string
	args := []string{dir}
	for _, in := range ExpandPaths(args, nil) {
		got = append(got, filepath.Base(in.Source))
	}
	if strings.Join(got, " ") != "a.yaml" {
		t.Errorf("walk keeps %v, want a.yaml only (data.json sits beside Rego)", got)
	}
	if kept := ExpandPaths([]string{named}, nil); len(kept) != 1 {
		t.Error("a file named on the command line was dropped")
	}
}
