package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// TestInputKeysAreThePoliciesTerms: every key of the judged inputs that
// the builtins name is the builtins' own term (policies.KeyTerm), so
// their lookups find it by pointer, over the fixtures (pages, listing
// files, the export) and the corpus titles when the corpus is there.
func TestInputKeysAreThePoliciesTerms(t *testing.T) {
	t.Parallel()
	j := checker(t)
	named, other := 0, map[string]bool{}
	for _, l := range stemListings(t) {
		doc := j.Builder.Build(l)
		skip, none := j.Engine.Skipped(doc)
		if none {
			continue
		}
		in, err := j.Engine.input(doc, skip)
		if err != nil {
			t.Fatalf("%s %s: %v", l.Source, l.ID, err)
		}
		ast.WalkTerms(in, func(x *ast.Term) bool {
			obj, ok := x.Value.(ast.Object)
			if !ok {
				return false
			}
			obj.Foreach(func(k, _ *ast.Term) {
				s, ok := k.Value.(ast.String)
				if !ok || !namedByBuiltins(string(s)) {
					return
				}
				named++
				if k != policies.KeyTerm(string(s)) {
					other[string(s)] = true
				}
			})
			return false
		})
	}
	if len(other) > 0 {
		t.Errorf("keys the builtins name built with terms of their own: %v", other)
	}
	if named < 1000 {
		t.Errorf("%d keys the builtins name: too few to prove anything", named)
	}
	t.Logf("%d keys the builtins name, each their term", named)
}

// namedByBuiltins: the builtins name key s. KeyTerm hands out their one
// term for such a key, and a new term on every call for any other.
func namedByBuiltins(s string) bool {
	first, second := policies.KeyTerm(s), policies.KeyTerm(s)
	return first == second
}
