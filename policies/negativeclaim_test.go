package policies

import (
	"os"
	"strings"
	"testing"
)

// TestNegativeClaimPatternIsTheRegos: xiaoer.unregistered_hits's
// negativeStart is the pattern negation.negative_claim matches a hit's
// key with (lib/negation.rego), so the two cannot drift apart unseen.
func TestNegativeClaimPatternIsTheRegos(t *testing.T) {
	src, err := os.ReadFile("lib/negation.rego")
	if err != nil {
		t.Fatal(err)
	}
	want := "negative_claim(c) if regex.match(`" + negativeStart.String() + "`, c.key)"
	if !strings.Contains(string(src), want) {
		t.Errorf("lib/negation.rego has no %s: keep negativeStart (unregisteredbuiltin.go) equal to its pattern", want)
	}
}
