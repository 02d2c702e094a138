package engine

import (
	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// textHints say which facts a listing without attributes may have, from
// its field texts alone (each hint worked out once, when first asked),
// and then which it has, from the texts and their tokens (each extractor
// run only when its hint allows a fact).
type textHints struct {
	l      *listings.Listing
	texts  []facts.FieldText
	norms  []string // facts.Normalize of each text
	masked maskedBrands
	hints  map[string]bool
	lf     *facts.ListingFacts // fields with tokens, facts as extracted
	done   map[string]bool     // the fact families extracted into lf
}

func newTextHints(l *listings.Listing, masked maskedBrands) *textHints {
	texts := facts.FieldTexts(l)
	h := &textHints{l: l, texts: texts, norms: make([]string, len(texts)), masked: masked}
	for i, t := range texts {
		h.norms[i] = facts.Normalize(t.Text)
	}
	return h
}

// mayHaveFact: one of the facts may be there (or none is asked for).
func (h *textHints) mayHaveFact(names []string) bool {
	for _, f := range names {
		if hint := factHint(f); hint == "" || h.may(hint) {
			return true // numbers and the like have no cheap sign: assumed there
		}
	}
	return len(names) == 0
}

// mayPromise: some promise may be there (or none is asked for).
func (h *textHints) mayPromise(kinds map[string]bool) bool {
	return len(kinds) == 0 || h.may(hintPromises)
}

// factHint is the hint a fact of a listing without attributes depends on
// ("" when there is none to check).
func factHint(fact string) string {
	switch fact {
	case "composition", "statement_pair", "fiber_claims":
		return hintFibre
	case "down", "down_claims":
		return hintDown // the down specification comes from attributes only
	case "promises", "promise_pair":
		return hintPromises
	case "attributes", factMasked:
		return fact
	}
	return ""
}

const (
	hintFibre    = "fibre"
	hintDown     = "down"
	hintPromises = "promises"
)

func (h *textHints) may(hint string) bool {
	if v, ok := h.hints[hint]; ok {
		return v
	}
	v := false
	for i, t := range h.texts {
		switch hint {
		case hintFibre:
			v = facts.MayStateFibre(t.Text)
		case hintDown:
			v = facts.MayClaimDown(t.Text)
		case hintPromises:
			v = facts.MayPromise(h.norms[i])
		case factMasked:
			v = h.masked.mayHold(h.norms[i])
		}
		if v {
			break
		}
	}
	if h.hints == nil {
		h.hints = map[string]bool{}
	}
	h.hints[hint] = v
	return v
}

// tokenized gives the listing's fields their tokens (as Build does), for
// hasFact and hasPromise.
func (h *textHints) tokenized(tk facts.Tokenizer) *facts.ListingFacts {
	fields := make(map[string]facts.Field, len(h.texts))
	for _, t := range h.texts {
		fields[t.Name] = facts.Field{Text: t.Text, Tokens: facts.Tokenize(tk, t.Text)}
	}
	h.lf = &facts.ListingFacts{Fields: fields}
	h.done = map[string]bool{}
	return h.lf
}

// hasFact: one of the facts is there (or none is asked for), as the gate
// would find it in the built document.
func (h *textHints) hasFact(names []string) bool {
	for _, f := range names {
		if f == factMasked {
			if h.may(factMasked) && h.masked.in(h.lf.Fields) {
				return true
			}
			continue
		}
		h.extract(f)
		if factLists[f](h.lf) {
			return true
		}
	}
	return len(names) == 0
}

// hasPromise: a promise of one of the kinds is there (or none is asked for).
func (h *textHints) hasPromise(kinds map[string]bool) bool {
	if len(kinds) > 0 {
		h.extract("promises")
	}
	return hasPromise(h.lf, kinds)
}

// extract runs the extractor of a fact's family once, where its hint
// allows it (else the fact is empty, as Build would find it).
func (h *textHints) extract(fact string) {
	hint := factHint(fact)
	if hint == "" {
		hint = fact
	}
	if h.done[hint] {
		return
	}
	h.done[hint] = true
	lf, fields := h.lf, h.lf.Fields
	switch hint {
	case hintFibre:
		if h.may(hint) {
			lf.Composition, lf.FiberClaims = facts.Composition(h.l, fields), facts.FiberClaims(fields)
		}
	case hintDown:
		if h.may(hint) {
			lf.Down, lf.DownClaims = facts.DownFacts(h.l, fields)
		}
	case hintPromises:
		if h.may(hint) {
			lf.Promises = facts.Promises(h.l, fields)
		}
	case "numbers", "percents":
		lf.Numbers = facts.Numbers(fields)
	}
}
