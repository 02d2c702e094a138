package engine

import (
	"sync"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// TestInputEqualsThePlainOne: the input as the engine builds it (its
// objects made once, key terms and context runs shared between listings,
// held's equal lists one value, prefixes asked of a bit set first) is the document converted plainly with
// the lexicon facts and the rules added and every term made for the
// listing alone, with a hash that a
// fresh parse of it gives too, over the fixtures (pages, listing files,
// the export) and every corpus title. Two goroutines build the inputs,
// with shared terms made afresh, as the scan's workers do; the listings
// go by three times, so every field is kept in the field cache at its
// second sight and read from it at its third.
func TestInputEqualsThePlainOne(t *testing.T) {
	t.Parallel()
	j := checker(t)
	e := *j.Engine
	e.lexicon.keys = newSharedKeys(e.lexicon.words, e.lexicon.context)
	e.fields = newFieldTerms()
	e.lexicon.finds = newFindsMemo()
	e.lexicon.held = newHeldMemo()
	plain := e.lexicon
	plain.keys = nil
	plain.finds = nil
	plain.held = nil
	plain.prefixRunes = nil // every token's first character looked up
	ls := stemListings(t)
	var wg sync.WaitGroup
	for part := range 2 {
		wg.Go(func() {
			for n := part; n < 3*len(ls); n += 2 {
				k := n % len(ls)
				doc := j.Builder.Build(ls[k])
				skip, _ := e.Skipped(doc)
				got, err := e.input(doc, skip)
				if err != nil {
					t.Errorf("%s %s: %v", ls[k].Source, ls[k].ID, err)
					return
				}
				want, err := plainInput(doc, ast.Item(keyRules, e.judged.forDoc(doc.Kind, skip)), plain, skippedTerm(skip), e.reads.tables(e.judged.byKind[doc.Kind], skip))
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
	kept, finds, facts := keptCount(&e.fields.kept), keptCount(&e.lexicon.finds.kept), keptCount(&e.fields.facts.kept)
	wrapped := heldWrappedCount(&e.lexicon.held.kept)
	t.Logf("%d listings, %d context runs shared, %d fields kept, %d fields' finds kept, %d facts kept, %d held contexts shared",
		len(ls), shared, kept, finds, facts, wrapped)
	if wrapped < 20 {
		t.Errorf("%d held contexts shared: the listings hold too few to prove anything", wrapped)
	}
	if shared < 100 {
		t.Errorf("%d context runs shared: the listings hold too few to prove anything", shared)
	}
	if kept < 20 {
		t.Errorf("%d fields kept: the listings hold too few to prove anything", kept)
	}
	if facts < 20 {
		t.Errorf("%d facts kept: the listings hold too few to prove anything", facts)
	}
	if finds < 20 {
		t.Errorf("%d fields' finds kept: the listings hold too few to prove anything", finds)
	}
}

// heldWrappedCount is the number of contexts' objects the kept lists of
// held share (heldValue.wrapped).
func heldWrappedCount(k *kept.Slots[heldValue]) int {
	n := 0
	for v := range k.All() {
		for w := range v.within {
			if v.within[w].Load() != nil {
				n++
			}
		}
	}
	return n
}

// keptCount is the number of entries k holds.
func keptCount[E any](k *kept.Slots[E]) int {
	n := 0
	for range k.All() {
		n++
	}
	return n
}
