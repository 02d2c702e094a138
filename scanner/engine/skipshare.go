package engine

import (
	"hash/maphash"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// skipShares shares what a listing's input says of the rule packages the
// gate skips for it between the listings it skips the same ones for:
// input.rules (the packages judged), input.listing.lexicon.skip and the
// tables the packages judged can read (tableReads.tables). The gate makes
// few sets of them, and each judged listing made two arrays of a dozen
// names, hashing every name again, and walked the lists twice more
// (issue 13). The arrays are only read, so every worker can hold them.
//
// Sets are kept as fields are (kept.Slots: at their second sight); a set
// is small, so the slots alone bound what is kept.
type skipShares struct {
	judged judgedRules
	reads  *tableReads
	parts  *partReads
	seed   maphash.Seed
	kept   kept.Slots[skipShare]
}

// skipShare is what the input of a document of kind says of skip.
type skipShare struct {
	kind    string
	skip    []string
	rules   *ast.Term  // input.rules
	skipped *ast.Term  // input.listing.lexicon.skip (nil: none skipped)
	tables  uint64     // the tables whose lexicon facts are kept
	parts   inputParts // the parts of the input kept (partreads.go)
}

func newSkipShares(judged judgedRules, reads *tableReads, parts *partReads) *skipShares {
	return &skipShares{judged: judged, reads: reads, parts: parts, seed: maphash.MakeSeed()}
}

// of is the share of a document of kind whose gate skips skip: the kept
// one when an equal set was kept.
func (s *skipShares) of(kind string, skip []string) *skipShare {
	h := s.hash(kind, skip)
	old := s.kept.At(h)
	if old != nil && old.kind == kind && slices.Equal(old.skip, skip) {
		return old
	}
	made := &skipShare{kind: kind, skip: slices.Clone(skip), rules: s.judged.forDoc(kind, skip),
		skipped: skippedTerm(skip), tables: s.reads.tables(s.judged.byKind[kind], skip),
		parts: s.parts.parts(s.judged.byKind[kind], skip)}
	if s.kept.MetBefore(h) {
		s.kept.Put(h, old, made, 0)
	}
	return made
}

func (s *skipShares) hash(kind string, skip []string) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	h.WriteString(kind)
	for _, id := range skip {
		h.WriteByte(0)
		h.WriteString(id)
	}
	return h.Sum64()
}

// skippedTerm is input.listing.lexicon.skip, nil when nothing is skipped
// (the item is left out).
func skippedTerm(skip []string) *ast.Term {
	if len(skip) == 0 {
		return nil
	}
	return skipTerm(skip)
}
