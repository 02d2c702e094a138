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
	case "composition", "statement_pair", "fiber_claims":
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
