package engine

import "github.com/open-policy-agent/opa/v1/ast"

// termSlab hands out the terms of one input from blocks. A judged
// listing's input has hundreds of terms that all live exactly as long as
// the input does; one allocation per block costs the allocator and the
// collector less than one per term (issue 13: building the input is
// allocation-bound).
type termSlab struct {
	free []ast.Term
	next int // terms of the next block
}

// Blocks grow from firstBlock to lastBlock terms: a title needs a few
// dozen terms, an export row a few hundred, and a block's unused end is
// memory the collector still clears and scans.
const (
	firstBlock = 16
	lastBlock  = 256
)

// term is a new term of value v.
func (s *termSlab) term(v ast.Value) *ast.Term {
	if len(s.free) == 0 {
		s.next = min(max(2*s.next, firstBlock), lastBlock)
		s.free = make([]ast.Term, s.next)
	}
	t := &s.free[0]
	s.free = s.free[1:]
	t.Value = v
	return t
}

// object is a new object term of the given items.
func (s *termSlab) object(items ...[2]*ast.Term) *ast.Term { return s.term(ast.NewObject(items...)) }

// array is a new array term of the given terms (the array keeps the slice).
func (s *termSlab) array(terms ...*ast.Term) *ast.Term { return s.term(ast.NewArray(terms...)) }
