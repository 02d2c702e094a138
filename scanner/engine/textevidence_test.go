package engine

import "testing"

// Evidence reset for another listing answers as fresh evidence: the
// classes found for the listing before, of every table, are gone.
func TestTextEvidenceResetForgetsTheListingBefore(t *testing.T) {
	t.Parallel()
	tables := []*patternTable{{index: 0}, {index: 1}, {index: 2}}
	before := &gateWord{classes: []classBits{{0, 1}, {1, 4}}}
	after := &gateWord{classes: []classBits{{0, 2}}}
	ev := &textEvidence{}
	ev.reset(nil)
	ev.add(before)
	ev.reset(nil)
	ev.add(after)
	fresh := &textEvidence{}
	fresh.reset(nil)
	fresh.add(after)
	for _, pt := range tables {
		got, want := ev.tableClasses("", pt), fresh.tableClasses("", pt)
		if got != want {
			t.Errorf("table %d: reset evidence holds %b, fresh evidence %b", pt.index, got, want)
		}
	}
}
