package engine

import (
	"maps"
	"reflect"
	"slices"
	"testing"
)

// TestRunKeysAnswerAsTheMapsApart: for every lexicon key, context word
// and stem of the embedded tables, and for runs that are none of them,
// the one look-up in runKeys gives what words, contextOf and the stems
// of both give apart.
func TestRunKeysAnswerAsTheMapsApart(t *testing.T) {
	t.Parallel()
	lw := checker(t).Engine.lexicon
	if lw.runs == nil {
		t.Fatal("the engine's lexicon has no runKeys")
	}
	apart := lw
	apart.runs, apart.stems = nil, newRunStems(lw.words, lw.context)
	runs := []string{"", "不是任何词的一串字", "x"}
	runs = slices.AppendSeq(runs, maps.Keys(lw.words))
	runs = slices.AppendSeq(runs, maps.Keys(lw.contextOf))
	runs = slices.AppendSeq(runs, maps.Keys(apart.stems))
	kinds := map[string]int{}
	for _, run := range runs {
		got, want := lw.runKey([]byte(run)), apart.runKey([]byte(run))
		if run == "" {
			want.extends = false // runStems extends the empty run; no run of tokens is empty
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("runKey(%q) = %+v, want %+v", run, got, want)
		}
		kinds[kindOfRun(got)]++
	}
	for _, kind := range []string{"lexicon", "context", "stem", "none"} {
		if kinds[kind] == 0 {
			t.Errorf("no run of kind %s was asked: %v", kind, kinds)
		}
	}
}

func kindOfRun(rk runKey) string {
	switch {
	case rk.lexicons != nil:
		return "lexicon"
	case rk.context != 0:
		return "context"
	case rk.extends:
		return "stem"
	}
	return "none"
}
