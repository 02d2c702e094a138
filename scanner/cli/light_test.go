package cli_test

import (
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/scanner/cli"
)

// Help and the version run without a supervising parent; every command
// that loads policies or reads inputs runs under one, serve and worker
// included, and so does a path that only looks like a flag after "--".
func TestPrintsOnly(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		argv string
		want bool
	}{
		{"xiaoer", true},
		{"xiaoer version", true},
		{"xiaoer --version", true},
		{"xiaoer --help", true},
		{"xiaoer help scan", true},
		{"xiaoer scan --help", true},
		{"xiaoer scan fixtures -h", true},
		{"xiaoer scan fixtures", false},
		{"xiaoer scan -- -h", false},
		{"xiaoer serve --addr 127.0.0.1:0", false},
		{"xiaoer worker --nats nats://127.0.0.1:4222", false},
		{"xiaoer rules", false},
		{"xiaoer policy test policies", false},
	} {
		if got := cli.PrintsOnly(strings.Fields(tc.argv)); got != tc.want {
			t.Errorf("PrintsOnly(%q) = %v, want %v", tc.argv, got, tc.want)
		}
	}
}
