package engine

import (
	"maps"
	"testing"
)

// Evidence reset for another listing answers as fresh evidence: the
// classes gathered for the listing before, of every table it asked, are
// gone (reset clears only the sets gathered, not every table's).
func TestTextEvidenceResetForgetsTheListingBefore(t *testing.T) {
	t.Parallel()
	before := &gateWord{classes: map[string][]string{"course": {"result"}, "disease": {"organ"}}}
	after := &gateWord{classes: map[string][]string{"course": {"score"}}}
	ev := &textEvidence{}
	ev.reset(nil)
	ev.add(before)
	for _, table := range []string{"course", "disease", "crowd"} {
		ev.tableClasses("", table, nil)
	}
	ev.reset(nil)
	ev.add(after)
	fresh := &textEvidence{}
	fresh.reset(nil)
	fresh.add(after)
	for _, table := range []string{"disease", "course", "crowd"} {
		got, want := ev.tableClasses("", table, nil), fresh.tableClasses("", table, nil)
		if !maps.Equal(got, want) {
			t.Errorf("%s: reset evidence gathers %v, fresh evidence %v", table, got, want)
		}
	}
}
