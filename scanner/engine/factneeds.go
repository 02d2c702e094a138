package engine

import "github.com/xiaoer-dev/xiaoer/listings/facts"

// factNeed is a fact an alternative names (Needs.Facts), resolved when
// the gate is made: the text stage asks the facts of the alternatives
// that need no word of every title, and a switch on the fact's name and
// a map lookup per fact per title cost it more than most answers.
type factNeed struct {
	hint hintKind                       // what a listing without attributes must hint first
	has  func(*facts.ListingFacts) bool // factLists[name]; nil for masked
}

// factNeedOf resolves fact, a name factLists or factMasked knows.
func factNeedOf(fact string) factNeed {
	return factNeed{hint: factHint(fact), has: factLists[fact]}
}

// hintKind is the hint a fact of a listing without attributes depends
// on, and the slot of its answer in textHints.hints.
type hintKind uint8

const (
	hintNone       hintKind = iota // no cheap sign (numbers and the like): assumed there
	hintPercents                   // a figure with the unit % (textHints.mayHaveUnit)
	hintFibre                      // a fibre word (facts.MayStateFibre)
	hintDown                       // a down word (facts.MayClaimDown)
	hintPromises                   // a promise need word (facts.PromiseWordsIn)
	hintMasked                     // a brand that may be written masked
	hintAttributes                 // a listing the text stage reads has none
	hintKinds                      // the number of kinds
)

// factHint is the hint fact depends on.
func factHint(fact string) hintKind {
	switch fact {
	case "percents":
		return hintPercents
	case "composition", "statement_pair", "statements_differ", "fiber_claims":
		return hintFibre
	case "down", "down_claims", "down_pair", "down_content":
		return hintDown // the down specification comes from attributes only
	case "promises", "promise_pair":
		return hintPromises
	case factMasked:
		return hintMasked
	case "attributes":
		return hintAttributes
	}
	return hintNone
}

// hasDifferingStatements: two composition statements give different
// shares (each fibre's percents summed, as material-fiber's statements
// sum them; implied fibres at 0). Statements that agree on every share
// cannot disagree, whatever their parts, labels or bounds, and shop
// exports state one composition twice: in the attributes and again in
// the description.
func hasDifferingStatements(l *facts.ListingFacts) bool {
	comp := l.Composition
	if len(comp) < 2 {
		return false
	}
	first := sharesOf(comp, comp[0].Statement, nil)
	var other []fiberShare
	for i, f := range comp {
		if f.Statement == comp[0].Statement || statementBefore(comp[:i], f.Statement) {
			continue
		}
		if other = sharesOf(comp, f.Statement, other[:0]); !sameShares(first, other) {
			return true
		}
	}
	return false
}

// fiberShare is a fibre's share of one statement.
type fiberShare struct {
	fiber   string
	percent float64
}

// sharesOf appends to out the shares of statement id, in the order its
// fibres come.
func sharesOf(comp []facts.Fiber, id int, out []fiberShare) []fiberShare {
	for _, f := range comp {
		if f.Statement != id {
			continue
		}
		if i := shareAt(out, f.Fiber); i >= 0 {
			out[i].percent += f.Percent
		} else {
			out = append(out, fiberShare{f.Fiber, f.Percent})
		}
	}
	return out
}

func shareAt(shares []fiberShare, fiber string) int {
	for i, s := range shares {
		if s.fiber == fiber {
			return i
		}
	}
	return -1
}

// sameShares: a and b give the same fibres the same shares.
func sameShares(a, b []fiberShare) bool {
	if len(a) != len(b) {
		return false
	}
	for _, s := range a {
		if i := shareAt(b, s.fiber); i < 0 || b[i].percent != s.percent {
			return false
		}
	}
	return true
}

// statementBefore: a fibre of statement id is among comp (its statement
// was compared already).
func statementBefore(comp []facts.Fiber, id int) bool {
	for _, f := range comp {
		if f.Statement == id {
			return true
		}
	}
	return false
}
