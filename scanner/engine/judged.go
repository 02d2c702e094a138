package engine

import (
	"slices"
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
)

// judgedRules lists, by kind of document, the embedded rule packages that
// judge it (their meta.kinds, read once from data.xiaoer.main.setup). The
// engine hands main.rego the list for each document (input.rules), less
// the packages its gate skips: evaluation then goes straight to those
// packages, where enumerating data.xiaoer.rules and reading every rule's
// meta cost most of a small listing's evaluation.
type judgedRules struct {
	byKind map[string][]string // sorted, as OPA enumerates packages
	terms  map[string]*ast.Term
	ids    map[string]*ast.Term // each package's name, shared by the lists
}

// newJudgedRules keeps the packages of the embedded pack: user rules have
// queries of their own (userrules.go).
func newJudgedRules(kinds map[string][]string, embedded *bundle.Bundle) judgedRules {
	own := embeddedRulePackages(embedded)
	j := judgedRules{byKind: map[string][]string{}, terms: map[string]*ast.Term{}, ids: map[string]*ast.Term{}}
	for id, ks := range kinds {
		if !own[id] {
			continue
		}
		for _, k := range ks {
			j.byKind[k] = append(j.byKind[k], id)
		}
	}
	for k, ids := range j.byKind {
		sort.Strings(ids)
		j.terms[k] = stringsTerm(ids)
		for _, id := range ids {
			j.ids[id] = ast.StringTerm(id)
		}
	}
	return j
}

// forDoc is input.rules for a document of kind, less the skipped packages.
func (j judgedRules) forDoc(kind string, skip []string) *ast.Term {
	if len(skip) == 0 {
		if t, ok := j.terms[kind]; ok {
			return t // shared: input values are only read
		}
		return ast.ArrayTerm()
	}
	// A few dozen packages, a few skipped: looking through the list
	// costs less than a set made for every listing.
	var terms []*ast.Term
	for _, id := range j.byKind[kind] {
		if !slices.Contains(skip, id) {
			terms = append(terms, j.ids[id])
		}
	}
	return ast.ArrayTerm(terms...)
}

func stringsTerm(ss []string) *ast.Term {
	terms := make([]*ast.Term, len(ss))
	for i, s := range ss {
		terms[i] = ast.StringTerm(s)
	}
	return ast.ArrayTerm(terms...)
}
