package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestSkipSharesKeepASetAtItsSecondSight: a set of skipped packages gets
// the terms the engine makes for it alone, the same terms from its second
// sight on, and another set (or the same set for another kind) terms of
// its own.
func TestSkipSharesKeepASetAtItsSecondSight(t *testing.T) {
	t.Parallel()
	e := checker(t).Engine
	s := newSkipShares(e.judged, e.reads, nil)
	ids := e.judged.byKind["listing"]
	if len(ids) < 3 {
		t.Fatalf("listing rules = %v, want at least 3", ids)
	}
	skip := ids[:2]
	want := &skipShare{kind: "listing", skip: skip, rules: e.judged.forDoc("listing", skip),
		skipped: skipTerm(skip), tables: e.reads.tables(ids, skip)}
	first, second, third := s.of("listing", skip), s.of("listing", skip), s.of("listing", append([]string(nil), skip...))
	for k, got := range []*skipShare{first, second, third} {
		if !sameShare(got, want) {
			t.Errorf("sight %d: %+v, want %+v", k+1, got, want)
		}
	}
	if first == second || second != third {
		t.Errorf("shared at sights 1, 2, 3: %p %p %p, want kept from the second", first, second, third)
	}
	other := s.of("listing", ids[1:3])
	if other == second || other.rules.Equal(second.rules) || other.skipped.Equal(second.skipped) {
		t.Errorf("another set shares the first's terms: %v %v", other.rules, other.skipped)
	}
	none := s.of("listing", nil)
	if none.skipped != nil || !none.rules.Equal(e.judged.forDoc("listing", nil)) || none.tables != e.reads.tables(ids, nil) {
		t.Errorf("nothing skipped: %+v", none)
	}
	if ship := s.of("shipment", skip); ship == second || ship.kind != "shipment" {
		t.Errorf("the set for a shipment is the listing's: %+v", ship)
	}
}

func sameShare(a, b *skipShare) bool {
	return a.kind == b.kind && a.tables == b.tables && a.rules.Equal(b.rules) && sameTerm(a.skipped, b.skipped) &&
		len(a.skip) == len(b.skip)
}

func sameTerm(a, b *ast.Term) bool { return a == b || a != nil && b != nil && a.Equal(b) }
