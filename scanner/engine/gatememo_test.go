package engine

import (
	"hash/maphash"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestFieldMarksMarkAsTheWalk: over the fixtures (the export's rows
// repeat their descriptions and attributes) and the corpus titles, each
// listing read three times, the marks of every field made from the calls
// fieldMarks keeps are those of walking the field's tokens, and the gate
// skips the same rules with the calls kept as without; some fields were
// marked from kept calls.
func TestFieldMarksMarkAsTheWalk(t *testing.T) {
	t.Parallel()
	j := checker(t)
	g := j.Engine.gate
	if g == nil || g.fieldMarks == nil {
		t.Fatal("the engine's gate keeps no field's marks")
	}
	kept := *g
	kept.fieldMarks = newFieldMarks()
	walked := *g
	walked.fieldMarks = nil
	var docs []*facts.ListingFacts
	for _, l := range stemListings(t) {
		docs = append(docs, j.Builder.Build(l).Listing)
	}
	replayed := 0
	for round := range 3 {
		for _, l := range docs {
			names := make([]string, 0, len(l.Fields))
			for name := range l.Fields {
				names = append(names, name)
			}
			sort.Strings(names)
			got, want := kept.newMarks(), walked.newMarks()
			for _, name := range names {
				f := l.Fields[name]
				h := maphashOf(kept.fieldMarks, f.Text)
				if e := kept.fieldMarks.kept.At(h); e != nil && e.text == f.Text && slices.Equal(e.toks, f.Tokens) {
					replayed++
				}
				kept.markField(name, f, got)
				walked.markField(name, f, want)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, %v: marks from kept calls differ from the walk's\n got %+v\nwant %+v", round, names, got, want)
			}
			gotSkip, gotNone := kept.skip(l, nil)
			wantSkip, wantNone := walked.skip(l, nil)
			if !slices.Equal(gotSkip, wantSkip) || gotNone != wantNone {
				t.Fatalf("round %d: skip %v %v with kept calls, %v %v walking", round, gotSkip, gotNone, wantSkip, wantNone)
			}
		}
	}
	if replayed == 0 {
		t.Error("no field was marked from kept calls: the test proves nothing")
	}
	t.Logf("%d listings, %d fields marked from kept calls", len(docs), replayed)
}

func maphashOf(fm *fieldMarks, text string) uint64 { return maphash.String(fm.seed, text) }
