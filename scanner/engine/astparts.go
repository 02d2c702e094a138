package engine

import (
	"slices"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// A rule's findings share one basis term (its meta.basis) and, through
// the exposure memo, one exposure term per answer; reading them again
// for every finding (long legal texts checked as UTF-8, the exposure's
// numbers and list) was about a quarter of reading a finding from the
// AST. They are read once per term and remembered here. A term's value
// does not change once it is in an answer (the exposure memo shares its
// terms across evaluations too), and remembering a term keeps it alive,
// so a term met again has the value it was read from.
type astParts struct {
	mu       sync.Mutex
	basis    map[*ast.Term]finding.Basis
	exposure map[*ast.Term]finding.Exposure
}

// maxASTParts bounds the terms remembered (rules that build their basis
// per finding make new ones); when it is reached they start over.
const maxASTParts = 512

var parts = &astParts{}

// readBasis is readBasis(t, b), remembered for t.
func (p *astParts) readBasis(t *ast.Term, b *finding.Basis) bool {
	p.mu.Lock()
	v, ok := p.basis[t]
	p.mu.Unlock()
	if ok {
		*b = v
		return true
	}
	if !readBasis(t, b) {
		return false
	}
	p.mu.Lock()
	if len(p.basis) >= maxASTParts || p.basis == nil {
		p.basis = map[*ast.Term]finding.Basis{}
	}
	p.basis[t] = *b
	p.mu.Unlock()
	return true
}

// readExposure is readExposure(t, x), remembered for t; each finding
// gets its own copy of the basis list (callers append to it).
func (p *astParts) readExposure(t *ast.Term, x *finding.Exposure) bool {
	p.mu.Lock()
	v, ok := p.exposure[t]
	p.mu.Unlock()
	if ok {
		*x = v
		x.Basis = slices.Clone(v.Basis)
		return true
	}
	if !readExposure(t, x) {
		return false
	}
	v = *x
	v.Basis = slices.Clone(x.Basis)
	p.mu.Lock()
	if len(p.exposure) >= maxASTParts || p.exposure == nil {
		p.exposure = map[*ast.Term]finding.Exposure{}
	}
	p.exposure[t] = v
	p.mu.Unlock()
	return true
}
