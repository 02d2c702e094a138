package config

import (
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
)

// PathMatcher matches file paths against globs written relative to a base
// directory (the directory of .xiaoer.yaml). A glob uses path.Match syntax
// (* ? [...] within one path element) plus ** for any number of elements,
// always with forward slashes; a glob that matches a directory matches
// every file under it ("legacy" or "legacy/*" covers legacy/a/b.yaml).
type PathMatcher struct {
	Base string // absolute; "" means the working directory

	mu    sync.Mutex
	cache map[string]*regexp.Regexp
}

// Match reports whether file (as given on the command line) matches glob.
func (m *PathMatcher) Match(glob, file string) bool {
	rel, ok := m.rel(file)
	if !ok {
		return false
	}
	for p := rel; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if m.matchOne(glob, p) {
			return true
		}
	}
	return false
}

// rel is file relative to the base, slash-separated; false when outside it.
func (m *PathMatcher) rel(file string) (string, bool) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", false
	}
	base := m.Base
	if base == "" {
		if base, err = filepath.Abs("."); err != nil {
			return "", false
		}
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

func (m *PathMatcher) matchOne(glob, p string) bool {
	glob = strings.TrimPrefix(filepath.ToSlash(glob), "./")
	if !strings.Contains(glob, "**") {
		ok, _ := path.Match(glob, p)
		return ok
	}
	re := m.doubleStar(glob)
	return re != nil && re.MatchString(p)
}

// doubleStar compiles a glob with ** to a regular expression (cached; nil
// if it does not compile, which quoting should make impossible).
func (m *PathMatcher) doubleStar(glob string) *regexp.Regexp {
	m.mu.Lock()
	defer m.mu.Unlock()
	if re, ok := m.cache[glob]; ok {
		return re
	}
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(glob); i++ {
		switch {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(?:.*/)?")
			i += 2
		case strings.HasPrefix(glob[i:], "**"):
			b.WriteString(".*")
			i++
		case glob[i] == '*':
			b.WriteString("[^/]*")
		case glob[i] == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(glob[i : i+1]))
		}
	}
	b.WriteString("$")
	re, _ := regexp.Compile(b.String())
	if m.cache == nil {
		m.cache = map[string]*regexp.Regexp{}
	}
	m.cache[glob] = re
	return re
}

// ValidGlob reports a malformed glob, so config errors show up at start.
func ValidGlob(glob string) error {
	_, err := path.Match(strings.ReplaceAll(glob, "**", "*"), "")
	return err
}
