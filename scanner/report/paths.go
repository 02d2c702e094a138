package report

import (
	"net/url"
	"path/filepath"
	"strings"
)

// displayPath is a source as CI tools want it: relative to the working
// directory (where the repository is checked out) and slash-separated.
// Absolute paths outside it, URLs and "-" (stdin) stay as they are.
func displayPath(source string) string {
	if source == "-" || strings.Contains(source, "://") {
		return source
	}
	if filepath.IsAbs(source) {
		if wd, err := filepath.Abs("."); err == nil {
			if rel, err := filepath.Rel(wd, source); err == nil && !strings.HasPrefix(rel, "..") {
				source = rel
			}
		}
	}
	return filepath.ToSlash(filepath.Clean(source))
}

// sourceURI is a source as a URI reference: a percent-encoded relative
// path, a file:// URI for an absolute path, or the URL itself.
func sourceURI(source string) string {
	p := displayPath(source)
	switch {
	case strings.Contains(p, "://"):
		return p
	case p == "-":
		return "stdin"
	case filepath.IsAbs(p):
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	return (&url.URL{Path: p}).String()
}
