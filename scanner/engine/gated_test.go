package engine

import (
	"slices"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// What Gate read of a listing's tokens skips the rules Skipped skips of
// the document built from the same fields, over the fixtures and the
// corpus titles (or the labelled cases): EvalGated judges what Eval
// would. Most listings the gate lets through were read to the tokens.
func TestGatedSkipsAsSkipped(t *testing.T) {
	t.Parallel()
	j := checker(t)
	read := 0
	for _, l := range stemListings(t) {
		var fields map[string]facts.Field
		gated, unjudged := j.Engine.Gate(l, func() map[string]facts.Field {
			fields = j.Builder.Fields(l)
			return fields
		})
		if unjudged || fields == nil {
			continue
		}
		if gated.tokens != nil {
			read++
		}
		doc := j.Builder.BuildFrom(l, fields)
		skip, none := j.Engine.skipped(doc, gated)
		wantSkip, wantNone := j.Engine.Skipped(doc)
		if !slices.Equal(skip, wantSkip) || none != wantNone {
			t.Errorf("%s %s: gated skips %v (all %v), Skipped %v (all %v)", l.Source, l.ID, skip, none, wantSkip, wantNone)
		}
	}
	if read < 100 {
		t.Errorf("%d listings judged with their tokens read: want hundreds", read)
	}
}
