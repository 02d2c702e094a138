package cli

import (
	"slices"
	"testing"
)

func TestInterspersedMovesFlagsBeforePaths(t *testing.T) {
	t.Parallel()
	cmds := NewApp(nil, nil).Commands
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"flags after the path", []string{"xiaoer", "scan", "fixtures/pages", "-f", "json", "--fail-on", "never"},
			[]string{"xiaoer", "scan", "-f", "json", "--fail-on", "never", "--", "fixtures/pages"}},
		{"a bool flag takes no value", []string{"xiaoer", "scan", "a", "--no-color", "b"},
			[]string{"xiaoer", "scan", "--no-color", "--", "a", "b"}},
		{"name=value is one argument", []string{"xiaoer", "scan", "a", "--format=json", "b"},
			[]string{"xiaoer", "scan", "--format=json", "--", "a", "b"}},
		{"-- ends the flags", []string{"xiaoer", "scan", "a", "--", "-odd.html", "-f"},
			[]string{"xiaoer", "scan", "--", "a", "-odd.html", "-f"}},
		{"- is stdin, a path", []string{"xiaoer", "scan", "-", "-f", "json"},
			[]string{"xiaoer", "scan", "-f", "json", "--", "-"}},
		{"a subcommand's own flags", []string{"xiaoer", "policy", "test", "dir", "--coverage", "--run", "x"},
			[]string{"xiaoer", "policy", "test", "--coverage", "--run", "x", "--", "dir"}},
		{"a value that looks like a path stays with its flag", []string{"xiaoer", "scan", "a", "-o", "out.json", "b"},
			[]string{"xiaoer", "scan", "-o", "out.json", "--", "a", "b"}},
		{"a last flag without its value stays last", []string{"xiaoer", "shipments", "x", "--fail-on"},
			[]string{"xiaoer", "shipments", "--fail-on"}},
		{"an unknown command is left alone", []string{"xiaoer", "scna", "a", "-f", "json"},
			[]string{"xiaoer", "scna", "a", "-f", "json"}},
		{"no paths, no --", []string{"xiaoer", "rules", "--help"}, []string{"xiaoer", "rules", "--help"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := interspersed(cmds, tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("interspersed(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNearestIsATypoNotAGuess(t *testing.T) {
	t.Parallel()
	names := []string{"format", "f", "fail-on", "output", "workers"}
	for given, want := range map[string]string{"fromat": "format", "formt": "format", "fail-no": "fail-on", "outptu": "output", "bogus": "", "x": ""} {
		if got := nearest(given, names); got != want {
			t.Errorf("nearest(%q) = %q, want %q", given, got, want)
		}
	}
}
