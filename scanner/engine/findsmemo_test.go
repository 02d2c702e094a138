package engine

import (
	"math/rand/v2"
	"slices"
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
	used := got[2].used
	asked := used & -used // a table the description's look-up asks of
	if ff := lw.finds.of(lw, facts.FieldDescription, desc, allTables&^asked, &fieldFinds{}, &termSlab{}); ff == got[2] {
		t.Errorf("finds kept for every table served a listing keeping fewer")
	}
	if used == allTables {
		t.Fatal("the description's look-up asks of every table: the test proves nothing")
	}
	unasked := ^used & -^used
	if ff := lw.finds.of(lw, facts.FieldDescription, desc, allTables&^unasked, &fieldFinds{}, &termSlab{}); ff != got[2] {
		t.Errorf("a mask less a table the description has no word of was not served the kept finds")
	}
	title := doc.Listing.Fields[facts.FieldTitle]
	for range 3 {
		lw.finds.of(lw, facts.FieldTitle, title, allTables, &fieldFinds{}, &termSlab{})
	}
	if n := lw.finds.kept.Size(); n != int64(2*len(desc.Tokens)) {
		t.Errorf("%d tokens kept, want %d: the description's, for two masks, not the title's", n, 2*len(desc.Tokens))
	}
}

// TestFindsFollowUsedTables: a field's finds for a mask are its finds
// for the mask's used bits alone, and the used bits are the same whatever
// the mask (what lets findsMemo key its views by them).
func TestFindsFollowUsedTables(t *testing.T) {
	t.Parallel()
	c := checker(t)
	lw := c.Engine.lexicon
	doc := c.Builder.Build(&listings.Listing{ID: "1", Source: "a.yaml", Platform: "taobao",
		Title: "香奈儿同款 全网最低价 纯棉T恤 最好的 国家级", Description: "全网最低价，纯棉面料，最好手洗。不起球不掉色，100%纯棉，香*儿。",
		Attributes: []listings.Attribute{{Name: "材质成分", Value: "棉100%"}, {Name: "颜色分类", Value: "黑色 白色"}}})
	rng := rand.New(rand.NewPCG(1, 2))
	for name, f := range doc.Listing.Fields {
		all := lw.findsOf(&fieldFinds{}, name, f, allTables, &termSlab{})
		masks := []uint64{allTables, 0}
		for b := range 64 {
			masks = append(masks, allTables&^(1<<b), 1<<b)
		}
		for range 200 {
			masks = append(masks, rng.Uint64())
		}
		for _, mask := range masks {
			got := lw.findsOf(&fieldFinds{}, name, f, mask, &termSlab{})
			want := lw.findsOf(&fieldFinds{}, name, f, mask&all.used, &termSlab{})
			if got.used != all.used {
				t.Fatalf("%s, mask %x: used %x, want %x as for every table", name, mask, got.used, all.used)
			}
			if !sameFinds(got, want) || !slices.Equal(got.runs, want.runs) {
				t.Fatalf("%s: finds for mask %x differ from those for its used bits %x", name, mask, mask&all.used)
			}
		}
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
