package engine

import (
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// A pattern head counts only where its own field holds the later parts of
// one of its patterns, as lib/pattern.rego reads them (the same field,
// after the head): 增强 in the title and a percentage in the description
// (面料：棉100%) complete nothing, nor do 三千万 in the title and 女性 in the
// description; in one field, title or description, they are judged and
// found.
func TestGateCountsAPatternHeadWhereItsFieldCanComplete(t *testing.T) {
	t.Parallel()
	assertGate(t, []gateCase{
		{"强光手电筒 亮度增强", "面料：棉100%", "ad_unsourced_claim", "", false},
		{"三千万 纪念版", "适合女性", "ad_unsourced_claim", "", false},
		{"强光手电筒 亮度增强50%", "", "ad_unsourced_claim", "增强50%", true},
		{"强光手电筒", "实测亮度增强50%", "ad_unsourced_claim", "增强50%", true},
		{"三千万女性的选择", "面料：棉100%", "ad_unsourced_claim", "三千万女性", true},
		{"艾灸贴 颈椎", "治颈椎病", "ad_medical_claim", "治颈椎病", true},
	})
}

// TestPatternWordStemsChangeNoClass: the class bits of a field's pattern
// words (tableClasses), its runs ended at the first that is no stem of
// a pattern word, are those of every run of 1 to maxLexiconRun tokens,
// over the fixtures and the corpus titles (or the labelled texts).
func TestPatternWordStemsChangeNoClass(t *testing.T) {
	t.Parallel()
	j := checker(t)
	found := 0
	for _, l := range stemListings(t) {
		fields := j.Builder.Build(l).Listing.Fields
		for _, pt := range j.Engine.gate.starts {
			all := *pt
			all.wordStems = nil
			for name := range fields {
				got := newPatternEvidence(fields, nil).tableClasses(name, pt)
				want := newPatternEvidence(fields, nil).tableClasses(name, &all)
				if got != want {
					t.Errorf("%s %s %s, table %d: classes %b with the stems, %b without", l.Source, l.ID, name, pt.index, got, want)
				}
				found += min(int(got), 1)
			}
		}
	}
	t.Logf("%d fields with pattern words of some class", found)
	if found < 20 {
		t.Errorf("%d fields with pattern words of some class: want some, or this proves nothing", found)
	}
}

// TestPatternWordStemsKeepLongRuns: runs that are stems go on to the
// pattern words of several tokens; runs that are none stop.
func TestPatternWordStemsKeepLongRuns(t *testing.T) {
	pt := &patternTable{classes: map[string][]string{"防水": {"a"}, "面料": {"b"}, "防水面料": {"c"}, "料子": {"d"}},
		later: map[string][]string{"x": {"a", "b", "c", "d"}}}
	pt.indexClassBits()
	toks := func(ts ...string) map[string]facts.Field {
		f := facts.Field{}
		for _, s := range ts {
			f.Tokens = append(f.Tokens, facts.Token{T: s})
		}
		return map[string]facts.Field{"title": f}
	}
	a, b, c, d := pt.classBit["a"], pt.classBit["b"], pt.classBit["c"], pt.classBit["d"]
	for _, tc := range []struct {
		fields map[string]facts.Field
		want   uint64
	}{
		{toks("防", "水", "面", "料"), a | b | c},
		{toks("防", "", "水面", "料"), c},
		{toks("防水", "料", "子"), a | d},
		{toks("好", "防水"), a},
	} {
		if got := newPatternEvidence(tc.fields, nil).tableClasses("title", pt); got != tc.want {
			t.Errorf("%v: classes %b, want %b", tc.fields["title"].Tokens, got, tc.want)
		}
	}
}
