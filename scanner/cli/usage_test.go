package cli_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestUsageErrorsAreShortAndOnStderr: a bad flag or command is one or two
// lines on stderr with a suggestion, nothing on stdout (a redirected report
// never holds help text), and exit 2.
func TestUsageErrorsAreShortAndOnStderr(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"scan", "--fromat", "json", "x"}, "scan: unknown flag --fromat (did you mean --format?)"},
		{[]string{"scan", "x", "--fromat", "json"}, "scan: unknown flag --fromat (did you mean --format?)"},
		{[]string{"scna"}, `unknown command "scna" (did you mean scan?)`},
		{[]string{"shipments", "x", "--fail-on"}, "shipments: --fail-on needs a value"},
		{[]string{"scan", "-j", "many", "x"}, `scan: invalid value "many" for flag -j`},
		{[]string{"policy", "test", "--covrage"}, "policy test: unknown flag --covrage (did you mean --coverage?)"},
		{[]string{"--verison"}, "unknown flag --verison (did you mean --version?)"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := runApp(t, tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout not empty:\n%s", stdout)
			}
			if lines := strings.Split(strings.TrimSpace(stderr), "\n"); len(lines) > 2 {
				t.Errorf("%d lines on stderr, want at most 2:\n%s", len(lines), stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr %q, want it to say %q", stderr, tt.want)
			}
		})
	}
}

// TestFlagsAfterPaths: flags after the paths take effect (the JSON report,
// and --fail-on never making the run pass).
func TestFlagsAfterPaths(t *testing.T) {
	t.Parallel()
	pages := filepath.Join("..", "..", "fixtures", "pages")
	stdout, stderr, code := runApp(t, "scan", pages, "-f", "json", "--fail-on", "never", "--no-progress")
	if code != 0 {
		t.Fatalf("exit %d, want 0\nstderr: %s", code, stderr)
	}
	if rep := decodeReport(t, stdout); rep.Summary.Inputs == 0 || len(rep.Results) != rep.Summary.Inputs {
		t.Errorf("inputs %d, results %d", rep.Summary.Inputs, len(rep.Results))
	}
}
