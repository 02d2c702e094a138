package listings

import (
	"slices"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// maxScopes bounds how many subtrees find narrows a search to; past it,
// checking each candidate against them costs more than matching it.
const maxScopes = 64

// find is doc.Find(selector) through the index: the same nodes in the
// same order. Each alternative of the selector gives candidates: the
// elements its last compound's key allows, and, where compounds are
// ancestors of it, only those inside the subtrees of the rarest ancestor
// key. The selector itself then decides, on the candidates only. A
// selector whose keys the plan cannot read is matched against the whole
// document, as goquery does.
func (p *page) find(selector string) *goquery.Selection {
	pl := planFor(selector)
	switch {
	case pl.matcher == nil:
		return p.doc.Find(selector) // matches nothing, as goquery has it
	case pl.walk:
		return p.doc.FindMatcher(pl.matcher)
	}
	var cands []int32
	sorted := true
	for _, alt := range pl.alts {
		got := p.idx.candidates(alt)
		if len(got) == 0 {
			continue
		}
		sorted = sorted && cands == nil
		cands = append(cands, got...)
	}
	if !sorted {
		slices.Sort(cands)
		cands = slices.Compact(cands)
	}
	var nodes []*html.Node
	for _, pos := range cands {
		if n := p.idx.elems[pos]; pl.matcher.Match(n) {
			nodes = append(nodes, n)
		}
	}
	return p.doc.FindNodes(nodes...)
}

// candidates is the positions, in document order, of the elements that
// may match one alternative: none when some compound's key is on no
// element of the page.
func (x *domIndex) candidates(alt selAlt) []int32 {
	var scope []int32
	for _, k := range alt.keys[:len(alt.keys)-1] {
		if k.kind == keyNone {
			continue
		}
		found := x.lookup(k, !alt.nested)
		if len(found) == 0 {
			return nil
		}
		if alt.nested && (scope == nil || len(found) < len(scope)) {
			scope = found
		}
	}
	last := x.lookup(alt.keys[len(alt.keys)-1], false)
	if len(scope) == 0 || len(scope) > maxScopes {
		return last
	}
	var out []int32
	for _, pos := range last {
		if x.inside(pos, scope) {
			out = append(out, pos)
		}
	}
	return out
}

// inside reports whether the element at pos is a descendant of one at
// the positions of scope.
func (x *domIndex) inside(pos int32, scope []int32) bool {
	for _, s := range scope {
		if s < pos && pos < x.ends[s] {
			return true
		}
	}
	return false
}
