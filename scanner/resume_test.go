package scanner

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// line is one JSONL result line as a bulk scan writes it.
func line(t *testing.T, input int, source, rule string) string {
	t.Helper()
	r := Result{Input: input, Source: source, Kind: "listing", ID: source, Findings: []finding.Finding{}}
	if rule != "" {
		r.Findings = append(r.Findings, finding.Finding{Rule: rule, Severity: "error"})
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "partial.jsonl")
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOpenResumeDropsTheLastInputAndTornLines(t *testing.T) {
	t.Parallel()
	a := line(t, 0, "a.html", "ad-absolute")
	c1, c2 := line(t, 2, "shop.csv", ""), line(t, 2, "shop.csv", "ad-pressure")
	b := line(t, 1, "b.html", "")
	d := line(t, 3, "d.html", "")
	tests := []struct {
		name    string
		content string
		keep    string
		inputs  int
	}{
		{"clean end: the last input is redone", a + c1 + c2 + b, a + c1 + c2, 2},
		{"torn line after a whole input", a + c1 + c2 + b + d[:20], a + c1 + c2, 2},
		{"input cut between its results", a + b + c1, a + b, 2},
		{"input cut inside its second result", a + b + c1 + c2[:30], a + b, 2},
		{"summary line at the end", a + b + `{"summary":{"inputs":2}}` + "\n", a, 1},
		{"only a torn line", a[:10], "", 0},
		{"empty", "", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := writeFile(t, tt.content)
			tally := NewTally("error")
			r, f, err := OpenResume(path, tally)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString("APPENDED\n")
			f.Close()
			got, _ := os.ReadFile(path)
			if want := tt.keep + "APPENDED\n"; string(got) != want {
				t.Errorf("file after resume and append =\n%s\nwant\n%s", got, want)
			}
			if r.Inputs != tt.inputs || tally.Summary.Inputs != tt.inputs {
				t.Errorf("kept %d inputs (tally %d), want %d", r.Inputs, tally.Summary.Inputs, tt.inputs)
			}
			if r.Cut != int64(len(tt.content)-len(tt.keep)) {
				t.Errorf("cut %d bytes, want %d", r.Cut, len(tt.content)-len(tt.keep))
			}
		})
	}
}

func TestOpenResumeTalliesWhatItKeeps(t *testing.T) {
	t.Parallel()
	path := writeFile(t, line(t, 0, "a.html", "ad-absolute")+line(t, 1, "b.html", "")+line(t, 2, "c.html", "ad-absolute"))
	tally := NewTally("error")
	_, f, err := OpenResume(path, tally)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	s := tally.Summary
	if s.Inputs != 2 || s.Listings != 2 || s.Findings != 1 || s.ByRule["ad-absolute"] != 1 {
		t.Errorf("summary = %+v, want 2 inputs, 2 listings, 1 ad-absolute finding (c.html is redone)", s)
	}
	if tally.ExitCode() != ExitFindings {
		t.Errorf("exit code = %d, want %d", tally.ExitCode(), ExitFindings)
	}
}

func TestOpenResumeMissingFileStartsEmpty(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "new.jsonl")
	r, f, err := OpenResume(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	rest, err := r.Remaining([]Input{{Index: 0, Source: "a"}, {Index: 1, Source: "b"}})
	if err != nil || len(rest) != 2 {
		t.Errorf("Remaining = %d inputs, %v; want both", len(rest), err)
	}
}

func TestOpenResumeRejectsWhatIsNotAStream(t *testing.T) {
	t.Parallel()
	for name, content := range map[string]string{
		"garbage in the middle": line(t, 0, "a", "") + "not json\n" + line(t, 1, "b", ""),
		"input split in two":    line(t, 0, "a", "") + line(t, 1, "b", "") + line(t, 0, "a", "") + line(t, 2, "c", ""),
	} {
		path := writeFile(t, content)
		if _, f, err := OpenResume(path, nil); err == nil {
			f.Close()
			t.Errorf("%s: no error", name)
		}
		if got, _ := os.ReadFile(path); string(got) != content {
			t.Errorf("%s: file changed although resume failed", name)
		}
	}
}

func TestRemainingSkipsDoneInputsAndChecksSources(t *testing.T) {
	t.Parallel()
	path := writeFile(t, line(t, 0, "a.html", "")+line(t, 2, "c.html", "")+line(t, 1, "b.html", ""))
	r, f, err := OpenResume(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	inputs := []Input{{Index: 0, Source: "a.html"}, {Index: 1, Source: "b.html"}, {Index: 2, Source: "c.html"}, {Index: 3, Source: "d.html"}}
	rest, err := r.Remaining(inputs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range rest {
		got = append(got, in.Source)
	}
	if strings.Join(got, " ") != "b.html d.html" {
		t.Errorf("remaining = %v, want [b.html d.html]", got)
	}
	inputs[2].Source = "other.html"
	if _, err := r.Remaining(inputs); err == nil {
		t.Error("changed inputs: no error")
	}
	if _, err := r.Remaining(inputs[:1]); err == nil {
		t.Error("fewer inputs than the partial run holds: no error")
	}
}
