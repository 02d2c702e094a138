package scanner

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// A baseline records the findings a team has accepted for now, so a CI gate
// fails only on new ones. Findings are matched by fingerprint (rule, listing
// id, field, normalised evidence; never line numbers), so moving a line or
// reformatting a file does not reopen a finding. The same evidence twice in
// one field shares a fingerprint, so each entry keeps a count: a third
// occurrence of a word baselined twice is new.

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

// Baseline is a baseline file, and while a run applies it, what is left of
// each entry's count.
type Baseline struct {
	Version  int             `json:"version"`
	Findings []BaselineEntry `json:"findings"`

	path      string         // where it was read from, for the reason shown
	remaining map[string]int // fingerprint -> occurrences not yet matched
}

// BaselineEntry is one accepted finding. Only Fingerprint and Count are
// matched; the rest is there so a reviewer can read the file.
type BaselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Count       int    `json:"count,omitempty"` // 0 means 1
	Rule        string `json:"rule"`
	Source      string `json:"source"`
	ID          string `json:"id,omitempty"`
	Evidence    string `json:"evidence,omitempty"`
}

// ReadBaseline reads a baseline file.
func ReadBaseline(path string) (*Baseline, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var b Baseline
	if err := json.Unmarshal(raw, &b); err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, err)
	}
	if b.Version != BaselineVersion {
		return nil, fmt.Errorf("baseline %s: version %d, want %d", path, b.Version, BaselineVersion)
	}
	b.path = path
	b.remaining = make(map[string]int, len(b.Findings))
	for _, e := range b.Findings {
		b.remaining[e.Fingerprint] += max(e.Count, 1)
	}
	return &b, nil
}

// mark suppresses f if the baseline still holds an occurrence of it.
func (b *Baseline) mark(f *finding.Finding) {
	if b.remaining[f.Fingerprint] == 0 {
		return
	}
	b.remaining[f.Fingerprint]--
	f.Suppressed = &finding.Suppression{Reason: fmt.Sprintf("基线已记录（%s）", b.path), Source: "baseline"}
}

// BaselineWriter accepts every finding still open as a run goes, and
// writes them as a new baseline at the end.
type BaselineWriter struct {
	Path    string
	entries map[string]*BaselineEntry
}

// Accept marks r's open findings as baselined (so the run passes) and
// records them; findings the old baseline held are kept too.
func (w *BaselineWriter) Accept(r *Result) {
	if w.entries == nil {
		w.entries = map[string]*BaselineEntry{}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed != nil && f.Suppressed.Source != "baseline" {
			continue
		}
		f.Suppressed = &finding.Suppression{Reason: fmt.Sprintf("写入新基线（%s）", w.Path), Source: "baseline"}
		e, ok := w.entries[f.Fingerprint]
		if !ok {
			e = &BaselineEntry{Fingerprint: f.Fingerprint, Rule: f.Rule, Source: filepath.ToSlash(r.Source), ID: r.ID, Evidence: f.Evidence}
			w.entries[f.Fingerprint] = e
		}
		e.Count++
	}
	r.Exposure = ListingExposure(r.Findings)
}

// Len is how many findings were accepted.
func (w *BaselineWriter) Len() int {
	n := 0
	for _, e := range w.entries {
		n += e.Count
	}
	return n
}

// Write writes the baseline, sorted so it diffs well under review.
func (w *BaselineWriter) Write() error {
	b := Baseline{Version: BaselineVersion, Findings: make([]BaselineEntry, 0, len(w.entries))}
	for _, e := range w.entries {
		entry := *e
		if entry.Count == 1 {
			entry.Count = 0
		}
		b.Findings = append(b.Findings, entry)
	}
	sort.Slice(b.Findings, func(i, j int) bool {
		x, y := b.Findings[i], b.Findings[j]
		if x.Source != y.Source {
			return x.Source < y.Source
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		return x.Fingerprint < y.Fingerprint
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(b); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := os.WriteFile(w.Path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	return nil
}
