package engine

import (
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestInputEqualsThePlainOne: the input as the engine builds it (its
// objects made once, key terms and context runs shared between listings,
// held's equal lists one value) is the document converted plainly with
// the lexicon facts and the rules added and every term made for the
// listing alone, with a hash that a
// fresh parse of it gives too, over the fixtures (pages, listing files,
// the export) and every corpus title. Two goroutines build the inputs,
// with shared terms made afresh, as the scan's workers do.
func TestInputEqualsThePlainOne(t *testing.T) {
	t.Parallel()
	j := checker(t)
	e := *j.Engine
	e.lexicon.keys = newSharedKeys(e.lexicon.words, e.lexicon.context)
	plain := e.lexicon
	plain.keys = nil
	ls := stemListings(t)
	var wg sync.WaitGroup
	for part := range 2 {
		wg.Go(func() {
			for k := part; k < len(ls); k += 2 {
				doc := j.Builder.Build(ls[k])
				skip, _ := e.Skipped(doc)
				got, err := e.input(doc, skip)
				if err != nil {
					t.Errorf("%s %s: %v", ls[k].Source, ls[k].ID, err)
					return
				}
				want, err := plainInput(doc, ast.Item(keyRules, e.judged.forDoc(doc.Kind, skip)), plain, skip)
				if err != nil {
					t.Errorf("%s %s: %v", ls[k].Source, ls[k].ID, err)
					return
				}
				if got.Compare(want) != 0 || got.Hash() != want.Hash() {
					t.Errorf("%s %s: input differs\n     built: %v\n   plainly: %v", ls[k].Source, ls[k].ID, got, want)
					return
				}
				if fresh := ast.MustParseTerm(got.String()).Value; fresh.Hash() != got.Hash() {
					t.Errorf("%s %s: input hash %d, parsed afresh %d", ls[k].Source, ls[k].ID, got.Hash(), fresh.Hash())
				}
			}
		})
	}
	wg.Wait()
	shared := 0
	for _, sk := range e.lexicon.keys {
		for n := range sk.runs {
			if sk.runs[n].Load() != nil {
				shared++
			}
		}
	}
	t.Logf("%d listings, %d context runs shared", len(ls), shared)
	if shared < 100 {
		t.Errorf("%d context runs shared: the listings hold too few to prove anything", shared)
	}
}
