package engine

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A judged listing's input held every field's tokens and sentences, the
// lexicon facts and the fact arrays, whichever rules it was judged by;
// material_fiber, the rule judged most often on titles, reads its facts
// alone. Building them was most of a judged title's input (issue 13:
// tokens alone are an object of three items per token). The input now
// holds a part only if some rule package judging the listing can read it.
//
// Which parts a package can read is read off the compiled pack: every
// rule the package's rules depend on, through the compiler's dependency
// graph (which follows dynamic references such as data.xiaoer.rules[id]
// to every rule they may reach), is looked at for the input paths it
// refers to. A reference that stops above a part's key (input.listing,
// input itself) can read every part, and a field or the fields read whole
// every part of a field; so can an input path the rule does not write out
// (a key known only at evaluation). The engine's builtins that take the
// listing whole read what listingBuiltins says. The scheme can only keep
// too much.

// inputParts is a mask of the parts of a listing's input that are left
// out when no rule judging the listing can read them.
type inputParts uint16

const (
	partTokens      inputParts = 1 << iota // input.listing.fields[_].tokens
	partSentences                          // input.listing.fields[_].sentences
	partLexicon                            // input.listing.lexicon
	partComposition                        // input.listing.composition
	partFiberClaims                        // input.listing.fiber_claims
	partDown                               // input.listing.down
	partDownClaims                         // input.listing.down_claims
	partNumbers                            // input.listing.numbers
	partPromises                           // input.listing.promises
	allParts        = 1<<iota - 1
	// fieldParts are the parts in a field's term: what reading the
	// fields, or a field, whole can read.
	fieldParts = partTokens | partSentences
)

// factParts are the listing's fact arrays that are parts, by key: each is
// read by a few rules (numbers by the word rules, composition by
// material_fiber), and building a judged export row's listing items was
// about a sixth of building its input (perf, issue 13).
var factParts = map[string]inputParts{
	"composition": partComposition, "fiber_claims": partFiberClaims, "down": partDown,
	"down_claims": partDownClaims, "numbers": partNumbers, "promises": partPromises,
}

// keepsListingItem: parts keeps the listing's item of field f (every
// item but the fact arrays not in parts).
func (p inputParts) keepsListingItem(f *jsonField) bool {
	return f.part == 0 || p&f.part != 0
}

// partReads maps each embedded rule package to the parts it can read. A
// nil *partReads keeps every part.
type partReads struct {
	byRule map[string]inputParts
}

// newPartReads reads the parts each rule package of compiled pack c can
// read.
func newPartReads(c *ast.Compiler) *partReads {
	r := &partReads{byRule: map[string]inputParts{}}
	own := map[*ast.Rule]inputParts{} // each rule's own reads, once
	roots := map[string][]*ast.Rule{}
	for _, m := range c.Modules {
		segs := packageSegments(m)
		if len(segs) < 3 || segs[0] != "xiaoer" || segs[1] != "rules" {
			continue
		}
		roots[segs[2]] = append(roots[segs[2]], m.Rules...)
	}
	for id, rules := range roots {
		r.byRule[id] = closureParts(c.Graph, rules, own)
	}
	return r
}

// closureParts is the parts rules and every rule they depend on can read.
func closureParts(g *ast.Graph, rules []*ast.Rule, own map[*ast.Rule]inputParts) inputParts {
	var parts inputParts
	seen := map[*ast.Rule]bool{}
	stack := append([]*ast.Rule(nil), rules...)
	for len(stack) > 0 && parts != allParts {
		rule := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[rule] {
			continue
		}
		seen[rule] = true
		p, ok := own[rule]
		if !ok {
			p = ruleParts(rule)
			own[rule] = p
		}
		parts |= p
		for dep := range g.Dependencies(rule) {
			if d, ok := dep.(*ast.Rule); ok {
				stack = append(stack, d)
			}
		}
		for e := rule.Else; e != nil; e = e.Else {
			stack = append(stack, e)
		}
	}
	return parts
}

// parts is the mask of the parts the packages judged for a listing can
// read: every judged package but the skipped ones.
func (r *partReads) parts(judged []string, skip []string) inputParts {
	if r == nil {
		return allParts
	}
	var mask inputParts
	for _, id := range judged {
		if slices.Contains(skip, id) {
			continue
		}
		m, ok := r.byRule[id]
		if !ok {
			return allParts
		}
		mask |= m
	}
	return mask
}
