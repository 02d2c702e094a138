package config

import (
	"path/filepath"
	"testing"
)

func TestPathMatcher(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	m := &PathMatcher{Base: base}
	in := func(p string) string { return filepath.Join(base, filepath.FromSlash(p)) }
	cases := []struct {
		glob, file string
		want       bool
	}{
		{"listings/*.yaml", in("listings/a.yaml"), true},
		{"listings/*.yaml", in("listings/sub/a.yaml"), false},
		{"listings", in("listings/sub/a.yaml"), true}, // a directory covers what is under it
		{"legacy/*", in("legacy/2019/a.html"), true},
		{"**/*.html", in("pages/2026/双十一/item.html"), true},
		{"**/*.html", in("item.html"), true},
		{"pages/**/item.html", in("pages/a/b/item.html"), true},
		{"pages/**/item.html", in("pages/item.html"), true},
		{"pages/**/item.html", in("other/item.html"), false},
		{"./listings/a.yaml", in("listings/a.yaml"), true},
		{"*.yaml", filepath.Join(filepath.Dir(base), "outside.yaml"), false},
		{"双十一/*.yaml", in("双十一/主图.yaml"), true},
	}
	for _, c := range cases {
		if got := m.Match(c.glob, c.file); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.glob, c.file, got, c.want)
		}
	}
}

func TestValidGlob(t *testing.T) {
	t.Parallel()
	if ValidGlob("listings/[a-") == nil {
		t.Error("an unclosed class passed")
	}
	if err := ValidGlob("pages/**/*.html"); err != nil {
		t.Error(err)
	}
}
