package scanner

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/config"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// scanText checks one listing file's text and returns its findings.
func scanText(t *testing.T, source, text string) []finding.Finding {
	t.Helper()
	ls, err := ParseInput(source, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	s := &Scanner{Checker: checker(t)}
	r := s.checkOne(context.Background(), Input{Source: source}, ls[0], false)
	if r.Error != nil {
		t.Fatal(*r.Error)
	}
	return r.Findings
}

func TestBaselineSurvivesMovedLinesAndCatchesNewOnes(t *testing.T) {
	t.Parallel()
	before := "id: SKU-1\ntitle: 国家级工艺 纯棉T恤\nprice: 99\n"
	w := &BaselineWriter{Path: filepath.Join(t.TempDir(), "baseline.json")}
	r := Result{Source: "a.yaml", ID: "SKU-1", Findings: scanText(t, "a.yaml", before)}
	w.Accept(&r)
	if w.Len() == 0 {
		t.Fatal("nothing to baseline: the fixture has no findings")
	}
	if err := w.Write(); err != nil {
		t.Fatal(err)
	}

	// The same listing, reformatted: comments above, the title moved down,
	// and one new absolute word in a new subtitle.
	after := "# 春季上新\n# 负责人: 运营组\nid: SKU-1\nprice: 99\ntitle: 国家级工艺 纯棉T恤\nsubtitle: 全网最低\n"
	b, err := ReadBaseline(w.Path)
	if err != nil {
		t.Fatal(err)
	}
	r = Result{Source: "a.yaml", ID: "SKU-1", Findings: scanText(t, "a.yaml", after)}
	(&Gate{Paths: &config.PathMatcher{}, Baseline: b}).Apply(&r)
	var open []string
	for _, f := range r.Findings {
		if f.Suppressed == nil {
			open = append(open, f.Evidence)
		} else if f.Suppressed.Source != "baseline" {
			t.Errorf("%s suppressed by %s", f.Evidence, f.Suppressed.Source)
		}
	}
	if strings.Join(open, ",") != "全网最低" {
		t.Errorf("open after the move = %q, want only the new 全网最低", open)
	}
}

func TestBaselineCountsRepeatedEvidence(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	twice := "id: SKU-2\ntitle: 国家级工艺 国家级面料\n"
	w := &BaselineWriter{Path: filepath.Join(dir, "b.json")}
	r := Result{Source: "b.yaml", ID: "SKU-2", Findings: scanText(t, "b.yaml", twice)}
	w.Accept(&r)
	if err := w.Write(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(w.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), `"count": 2`) || strings.Contains(string(raw), `\u`) {
		t.Errorf("baseline file:\n%s\nwant one entry with count 2, text unescaped", raw)
	}
	b, err := ReadBaseline(w.Path)
	if err != nil {
		t.Fatal(err)
	}
	thrice := "id: SKU-2\ntitle: 国家级工艺 国家级面料 国家级品质\n"
	r = Result{Source: "b.yaml", ID: "SKU-2", Findings: scanText(t, "b.yaml", thrice)}
	(&Gate{Paths: &config.PathMatcher{}, Baseline: b}).Apply(&r)
	open := 0
	for _, f := range r.Findings {
		if f.Suppressed == nil {
			open++
		}
	}
	if open != 1 {
		t.Errorf("%d open findings, want the third 国家级 only", open)
	}
}

func TestReadBaselineRejectsOtherVersions(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "b.json")
	if err := os.WriteFile(path, []byte(`{"version": 7, "findings": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadBaseline(path); err == nil || !strings.Contains(err.Error(), "version 7") {
		t.Errorf("error = %v", err)
	}
}
