package engine

import (
	"slices"
	"strconv"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// The text stage reads the units a field's figures may have from its
// text (facts.AppendFigureUnits): every figure the built document has,
// tokens and all, has one of them, in the fixtures, the corpus titles and
// every labelled case. Some figures lose their
// unit to the tokens (10万家庭): without those the test proves little.
func TestFigureUnitsHoldEveryFigure(t *testing.T) {
	t.Parallel()
	j := checker(t)
	figures, unitDropped := 0, 0
	ls := stemListings(t)
	if dir, err := testcorpus.Find(); err == nil && dir != "" { // then stemListings has no labelled case
		texts, err := testcorpus.LabelledTexts()
		if err != nil {
			t.Fatal(err)
		}
		for k, text := range texts {
			ls = append(ls, &listings.Listing{Source: "labelled", ID: strconv.Itoa(k), Title: text})
		}
	}
	for _, l := range ls {
		fields := j.Builder.Fields(l)
		for _, n := range facts.Numbers(fields) {
			figures++
			norm := facts.Normalize(fields[n.Field].Text)
			units := facts.AppendFigureUnits(nil, norm)
			if !slices.Contains(units, n.Unit) {
				t.Errorf("%s %s: figure %q (unit %q) of field %s: the text gives units %q",
					l.Source, l.ID, fields[n.Field].Text[n.S:n.E], n.Unit, n.Field, units)
			}
			if textOnly := facts.FiguresIn(fields[n.Field].Text, n.Field); !slices.ContainsFunc(textOnly, func(o facts.Number) bool { return o.S == n.S && o.E == n.E }) {
				unitDropped++
			}
		}
	}
	t.Logf("%d figures, %d of them cut short by the tokens", figures, unitDropped)
	if figures < 1000 || unitDropped < 10 {
		t.Errorf("%d figures, %d cut short by the tokens: want more of both", figures, unitDropped)
	}
}
