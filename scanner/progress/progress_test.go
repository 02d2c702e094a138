package progress

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

func TestProgressIsSilentWhenNotATerminal(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if p := New(&buf, 10, "scan"); p != nil {
		t.Error("a bar on a bytes.Buffer")
	}
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if p := New(f, 10, "scan"); p != nil {
		t.Error("a bar on a regular file")
	}
	var p *Bar // nil: does nothing
	p.Done()
	p.Close()
}

func TestProgressShowsCountRateAndETA(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	p := newProgress(&buf, 4, "scan")
	for range 4 {
		p.Done()
	}
	p.Close()
	out := buf.String()
	for _, want := range []string{"scan", "4/4", "inputs/s", "100%"} {
		if !strings.Contains(out, want) {
			t.Errorf("bar %q does not show %q", out, want)
		}
	}
}
