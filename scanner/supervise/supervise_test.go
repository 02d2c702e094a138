package supervise

import "testing"

// The report is one line, "exit N" with N a process exit code; anything
// else (a torn write, stray bytes) is no report, which the parent treats
// as a crash.
func TestParseReport(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   string
		code int
		ok   bool
	}{
		{"exit 0\n", 0, true},
		{"exit 2\n", 2, true},
		{"exit 3", 3, true},
		{"", 0, false},
		{"exit \n", 0, false},
		{"exit 256\n", 0, false},
		{"exit -1\n", 0, false},
		{"2\n", 0, false},
		{"exit 1\nexit 2\n", 0, false},
	} {
		code, ok := parseReport([]byte(tc.in))
		if ok != tc.ok || ok && code != tc.code {
			t.Errorf("parseReport(%q) = %d, %v; want %d, %v", tc.in, code, ok, tc.code, tc.ok)
		}
	}
}
