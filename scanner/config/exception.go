package config

// Exception waives a rule by config: for listings whose file matches Path
// (a glob, see PathMatcher), whose id is ID, or both; with neither, for
// every listing. The reason is required.
type Exception struct {
	Rule   string `yaml:"rule" json:"rule"`
	Path   string `yaml:"path" json:"path,omitempty"`
	ID     string `yaml:"id" json:"id,omitempty"`
	Reason string `yaml:"reason" json:"reason"`
}

// Covers reports whether the exception waives rule for the listing id read
// from source.
func (e Exception) Covers(rule, id, source string, paths *PathMatcher) bool {
	if e.Rule != rule {
		return false
	}
	if e.ID != "" && e.ID != id {
		return false
	}
	return e.Path == "" || paths.Match(e.Path, source)
}
