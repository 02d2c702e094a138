package engine

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestFindsMemoKeepsRepeatedFields: a field's finds are kept at its
// second sight and shared from its third, for the same tables only; the
// finds kept are the ones looked up afresh; a title is never kept.
func TestFindsMemoKeepsRepeatedFields(t *testing.T) {
	t.Parallel()
	c := checker(t)
	lw := c.Engine.lexicon
	lw.finds = newFindsMemo()
	doc := c.Builder.Build(&listings.Listing{ID: "1", Source: "a.yaml", Platform: "taobao",
		Title: "全网最低价 纯棉T恤", Description: "全网最低价，纯棉面料，最好手洗。"})
	desc := doc.Listing.Fields[facts.FieldDescription]
	var got [3]*fieldFinds
	for k := range got {
		got[k] = lw.finds.of(lw, facts.FieldDescription, desc, allTables, &fieldFinds{}, &termSlab{})
		want := lw.findsOf(&fieldFinds{}, facts.FieldDescription, desc, allTables, &termSlab{})
		if !sameFinds(got[k], want) {
			t.Fatalf("sight %d: finds differ from those looked up afresh", k)
		}
	}
	if len(got[0].adds) == 0 {
		t.Fatal("the description has no run found: the test proves nothing")
	}
	if got[0] == got[1] || got[1] != got[2] {
		t.Errorf("want fresh finds at the first two sights and the kept ones at the third")
	}
	if ff := lw.finds.of(lw, facts.FieldDescription, desc, allTables&^1, &fieldFinds{}, &termSlab{}); ff == got[2] {
		t.Errorf("finds kept for every table served a listing keeping fewer")
	}
	title := doc.Listing.Fields[facts.FieldTitle]
	for range 3 {
		lw.finds.of(lw, facts.FieldTitle, title, allTables, &fieldFinds{}, &termSlab{})
	}
	if n := lw.finds.kept.Size(); n != int64(len(desc.Tokens)) {
		t.Errorf("%d tokens kept, want %d: the description's, not the title's", n, len(desc.Tokens))
	}
}

// sameFinds: a and b hold equal finds.
func sameFinds(a, b *fieldFinds) bool {
	if !a.name.Equal(b.name) || len(a.adds) != len(b.adds) || (a.starts == nil) != (b.starts == nil) ||
		a.starts != nil && !a.starts.Equal(b.starts) || len(a.prefixed) != len(b.prefixed) || len(a.masked) != len(b.masked) {
		return false
	}
	for k, x := range a.adds {
		y := b.adds[k]
		if x.lex != y.lex || x.run.i != y.run.i || x.run.n != y.run.n || x.run.key != y.run.key || (x.term == nil) != (y.term == nil) ||
			x.term != nil && !x.term.Equal(y.term) {
			return false
		}
	}
	for k := range a.prefixed {
		if !a.prefixed[k].Equal(b.prefixed[k]) {
			return false
		}
	}
	for k := range a.masked {
		if !a.masked[k].Equal(b.masked[k]) {
			return false
		}
	}
	return true
}
