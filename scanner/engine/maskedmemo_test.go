package engine

import (
	"hash/maphash"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestMaskedMemoKeepsRepeatedFields: whether a field writes a brand
// masked is kept at the field's second sight and read from its third;
// every answer, kept or not, is the one its text gives afresh, for a
// field that writes one and a field that does not; a title is never
// kept; and the gate's fact follows.
func TestMaskedMemoKeepsRepeatedFields(t *testing.T) {
	t.Parallel()
	c := checker(t)
	mb := c.Engine.lexicon.masked
	mb.seen = newMaskedMemo()
	fresh := mb
	fresh.seen = nil
	var kept int64
	var wants []bool
	for _, desc := range []string{"香*儿同款小香风外套，做工精细。", "纯棉面料，做工精细，可机洗。"} {
		doc := c.Builder.Build(&listings.Listing{ID: "1", Source: "a.yaml", Platform: "taobao",
			Title: "迪 奥同款 纯棉T恤", Description: desc})
		fields := doc.Listing.Fields
		f := fields[facts.FieldDescription]
		want := fresh.holdsIn(f)
		wants = append(wants, want)
		for sight := range 3 {
			if got := mb.seen.holds(&mb, f); got != want {
				t.Errorf("%q, sight %d: holds %v, want %v", desc, sight, got, want)
			}
			if got, want := mb.in(fields), fresh.in(fields); got != want {
				t.Errorf("%q, sight %d: in %v, want %v", desc, sight, got, want)
			}
		}
		if e := mb.seen.kept.At(hashOf(mb.seen, f.Text)); e == nil || e.holds != want || e.text != f.Text {
			t.Errorf("%q: not kept after three sights", desc)
		}
		kept += int64(len(f.Tokens))
		if !fresh.holdsIn(fields[facts.FieldTitle]) {
			t.Fatal("the title writes no brand masked: the test proves nothing")
		}
	}
	if len(wants) != 2 || !wants[0] || wants[1] {
		t.Errorf("the descriptions write a brand masked: %v, want [true false]: the test proves less", wants)
	}
	if n := mb.seen.kept.Size(); n != kept {
		t.Errorf("%d tokens kept, want %d: the descriptions', not the title's", n, kept)
	}
}

func hashOf(m *maskedMemo, text string) uint64 { return maphash.String(m.seed, text) }
