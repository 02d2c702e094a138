package engine

import (
	"hash/maphash"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// labelTerms shares the string terms of a document's labels (its kind,
// platform, source, a price's currency) between the listings that have
// the same: every row of an export spells them alike, and each made
// afresh cost a term and the string's boxing, a few allocations per
// judged row (issue 13). A string's term is a function of the string
// alone and OPA only reads it. Kept as fields are (kept.Slots: at their
// second sight), so the ids and urls, one per listing, are never kept.
type labelTerms struct {
	seed maphash.Seed
	kept kept.Slots[labelTerm]
}

type labelTerm struct {
	s    string
	term *ast.Term
}

// of is the term of s, valid UTF-8, as scalarTerm makes it: the kept
// one when s was kept (nil l: made afresh).
func (l *labelTerms) of(s string) *ast.Term {
	if l == nil {
		return ast.StringTerm(s)
	}
	h := maphash.String(l.seed, s)
	old := l.kept.At(h)
	if old != nil && old.s == s {
		return old.term
	}
	if !l.kept.MetBefore(h) {
		return ast.StringTerm(s) // the first time: kept the next
	}
	// A copy is kept: s may be a slice of a whole export's text.
	s = strings.Clone(s)
	t := ast.StringTerm(s)
	l.kept.Put(h, old, &labelTerm{s: s, term: t}, 0)
	return t
}
