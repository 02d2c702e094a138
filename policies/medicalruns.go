package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// The steps of xiaoer.medical_hits that other builtins already take: the
// matches of the words (xiaoer.matches), the pattern hits
// (xiaoer.pattern_hits) and the longest (xiaoer.longest), called here on
// the operands the Rego gives them.

// wordMatches is lexicon.matches("ad_medical_claim", "words", {}): the
// found runs of words as hits.
func (m *medicalTerms) wordMatches() ([]*ast.Term, error) {
	runs := get(get(m.found, tableMedical), lexWords)
	if runs == nil {
		return nil, nil
	}
	var out []*ast.Term
	err := matches(m.bctx, []*ast.Term{runs, get(m.tables, lexWords), get(m.listing, keyFields), ast.InternedEmptyObject}, func(t *ast.Term) error {
		out = t.Value.(ast.Set).Slice()
		return nil
	})
	if err != nil {
		return nil, errUnanswered
	}
	return out, nil
}

// patternHits is pattern.hits("ad_medical_claim", {}): none without a
// pattern head in found, else xiaoer.pattern_hits of the heads and words.
func (m *medicalTerms) patternHits() ([]*ast.Term, error) {
	found := get(m.found, tableMedical)
	if !truthy(get(found, lexHeads)) {
		return nil, nil
	}
	words := get(found, lexPatWords)
	if words == nil {
		words = ast.InternedEmptyArray
	}
	var out []*ast.Term
	operands := []*ast.Term{get(found, lexHeads), words, m.tables, m.listing, m.boundaries, ast.InternedEmptyObject}
	err := patternHits(m.bctx, operands, func(t *ast.Term) error {
		out = t.Value.(ast.Set).Slice()
		return nil
	})
	if err != nil {
		return nil, errUnanswered
	}
	return out, nil
}

// longestOf is xiaoer.longest(hits) for a set of hits.
func longestOf(hits ast.Set) (ast.Set, error) {
	var kept ast.Set
	err := longest(topdown.BuiltinContext{}, []*ast.Term{ast.NewTerm(hits)}, func(t *ast.Term) error {
		kept = t.Value.(ast.Set)
		return nil
	})
	return kept, err
}
