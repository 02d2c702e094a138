package engine

import (
	"context"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// TestPressureCandidatesAsRego: on the engine's documents ad-pressure's
// candidates, which call xiaoer.matches and xiaoer.found_pattern_hits in
// place, are those lexicon.matches and pattern.hits give (the second
// body, which documents built by hand take), over listings with its
// words and patterns and the fixture and labelled listings.
func TestPressureCandidatesAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	const rule = "data.xiaoer.rules.ad_pressure."
	inPlace := packQuery(t, "x := "+rule+"candidates")
	called := packQuery(t, `x := {c |
		some c in data.xiaoer.lib.lexicon.matches("ad_pressure", "words", `+rule+`skip) | data.xiaoer.lib.pattern.hits("ad_pressure", `+rule+`skip)
		`+rule+`partnered(c)
	}`)
	patterns := packQuery(t, `x := count(data.xiaoer.lib.pattern.hits("ad_pressure", `+rule+`skip))`)
	ls := append(pressureListings(), stemListings(t)...)
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		ls = append(ls, labelledListings(t)...) // else among stemListings
	}
	withPatterns := 0
	for _, l := range ls {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		got, want := answerIn(t, ctx, inPlace, in), answerIn(t, ctx, called, in)
		if got == nil || want == nil || ast.Compare(got, want) != 0 {
			t.Fatalf("%s %s %q: candidates %v, by pattern.hits %v", l.Source, l.ID, l.Title, got, want)
		}
		if n := answerIn(t, ctx, patterns, in); n != nil && ast.Compare(n, ast.InternedTerm(0).Value) != 0 {
			withPatterns++
		}
	}
	t.Logf("%d listings with pattern hits", withPatterns)
	if withPatterns < 5 {
		t.Errorf("%d listings with pattern hits: want 5 at least", withPatterns)
	}
}
