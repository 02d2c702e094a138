package engine

import (
	"slices"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// textHints say which facts a listing without attributes may have, from
// its field texts alone (each hint worked out once, when first asked).
// Promises are no hint but the listing's own: extracting them reads the
// text alone and costs little once their words are there.
type textHints struct {
	l        *listings.Listing
	texts    []facts.FieldText
	norms    []string // facts.Normalize of each text
	masked   maskedBrands
	hints    [hintKinds]hintState // by hintKind, each worked out once
	promises *facts.ListingFacts  // the promises alone, once extracted
	// copyFacts are the fibre and the down facts, each extracted once
	// where its hint is there (hintFibre, hintDown: copySlot).
	copyFacts [2]*facts.ListingFacts
	fields    map[string]facts.Field // the texts as fields without tokens, once made
	// words are the promise need words of the texts, matchers the promise
	// matchers that may match one of them, once wordsRead.
	words     facts.PromiseWords
	matchers  facts.PromiseMatchers
	wordsRead bool
	// wanted are the matchers some alternative's promises need (the
	// gate's promiseMatchers): matchers reads no other.
	wanted facts.PromiseMatchers
	// noted is what the text stage read of each text the trie read whole
	// (noteText); the list is kept between listings.
	noted []notedText
	chars trieText // a text's characters, for the masked brands (kept between listings)
	// units are the units each text's figures may have
	// (facts.AppendFigureUnits), once unitsRead; the lists are kept
	// between listings.
	units     [][]string
	unitsRead bool
	// fromFigure is each text from its first character that can start a
	// figure (writtenAfterFigure), once figuresFound; the list is kept
	// between listings. A listing asks for several units, each of them
	// before the figures are read.
	fromFigure   []string
	figuresFound bool
}

// reset makes h the hints of l, nothing worked out yet, keeping the lists
// it holds for the next listing's.
func (h *textHints) reset(l *listings.Listing, masked maskedBrands, wanted facts.PromiseMatchers) {
	texts, norms := facts.AppendFieldTexts(h.texts[:0], l), h.norms[:0]
	for _, t := range texts {
		norms = append(norms, facts.Normalize(t.Text))
	}
	*h = textHints{l: l, texts: texts, norms: norms, masked: masked, wanted: wanted, chars: h.chars, units: h.units, fromFigure: h.fromFigure[:0],
		noted: h.noted[:0]}
}

// release drops every reference to the listing, keeping the lists.
func (h *textHints) release() {
	clear(h.texts)
	clear(h.norms)
	for i := range h.units {
		clear(h.units[i]) // the units are stretches of the text
	}
	clear(h.fromFigure)
	// Only the references: reset sets every field for the next listing.
	h.l, h.promises, h.copyFacts, h.fields = nil, nil, [2]*facts.ListingFacts{}, nil
	h.texts, h.norms, h.fromFigure = h.texts[:0], h.norms[:0], h.fromFigure[:0]
}

// figureUnits are the units the figures of text i may have, whatever its
// tokens (facts.AppendFigureUnits), read for every text when first asked.
func (h *textHints) figureUnits(i int) []string {
	if !h.unitsRead {
		for len(h.units) < len(h.norms) {
			h.units = append(h.units, nil)
		}
		for k, norm := range h.norms {
			h.units[k] = facts.AppendFigureUnits(h.units[k][:0], norm)
		}
		h.unitsRead = true
	}
	return h.units[i]
}

// mayHaveUnit: some figure of some text may have the unit ("" a figure
// with none), read the way Numbers reads it, with its unit and, where a
// token could take it away, without. Most units are not even written
// after a figure's first character (writtenAfterFigure): that look costs
// less than reading the figures.
func (h *textHints) mayHaveUnit(unit string) bool {
	if !writtenAfterFigure(h.textsFromFigure(), unit) {
		return false
	}
	for i := range h.norms {
		if slices.Contains(h.figureUnits(i), unit) {
			return true
		}
	}
	return false
}

// textsFromFigure are the texts from their first character that can
// start a figure (firstFigureChar), found once.
func (h *textHints) textsFromFigure() []string {
	if !h.figuresFound {
		for _, norm := range h.norms {
			h.fromFigure = append(h.fromFigure, norm[firstFigureChar(norm):])
		}
		h.figuresFound = true
	}
	return h.fromFigure
}

// mayHaveFact: one of the facts may be there (or none is asked for).
func (h *textHints) mayHaveFact(needs []factNeed) bool {
	for _, n := range needs {
		switch n.hint {
		case hintNone:
			return true // numbers and the like have no cheap sign: assumed there
		case hintPercents:
			if h.mayHaveUnit("%") {
				return true
			}
		case hintPromises:
			if n.has(h.promiseFacts()) {
				return true
			}
		case hintFibre, hintDown:
			if h.may(n.hint) && n.has(h.copyFactsOf(n.hint)) {
				return true
			}
		default:
			if h.may(n.hint) {
				return true
			}
		}
	}
	return len(needs) == 0
}

// mayPromise: a promise of one of the alternative's kinds is there (or
// none is asked for). A text no matcher of those kinds may match has none
// (facts.PromiseMatchersIn): most promise words in titles (包邮, 现货)
// lead to kinds no rule needs, and most titles with a shipping word (发)
// hold no window (24小时, 3天).
func (h *textHints) mayPromise(alt *alternative) bool {
	if len(alt.promises) == 0 {
		return true
	}
	h.readPromiseWords()
	return h.matchers&alt.promiseMatchers != 0 && alt.hasPromise(h.promiseFacts().Promises)
}

// promiseWordsIn are the promise matchers' need words in the texts, once.
func (h *textHints) promiseWordsIn() facts.PromiseWords {
	h.readPromiseWords()
	return h.words
}

// readPromiseWords reads the need words of each text and the wanted
// matchers that may match it, once.
func (h *textHints) readPromiseWords() {
	if h.wordsRead {
		return
	}
	for i, norm := range h.norms {
		in := facts.PromiseWords(0)
		if n, ok := h.notedOf(i); ok {
			in = n.words
		} else {
			in = facts.PromiseWordsIn(norm)
		}
		if in != 0 {
			h.words |= in
			h.matchers |= facts.PromiseMatchersAmong(norm, in, h.wanted)
		}
	}
	h.wordsRead = true
}

// promiseFacts are the listing's promises as Build finds them (the fields'
// text is all they read), extracted only where a promise word is.
func (h *textHints) promiseFacts() *facts.ListingFacts {
	if h.promises != nil {
		return h.promises
	}
	h.promises = &facts.ListingFacts{}
	if h.may(hintPromises) {
		h.promises.Promises = facts.Promises(h.l, h.textFields())
	}
	return h.promises
}

// copyFactsOf are the facts of hint (fibre or down) as Build finds them,
// extracted once. Like the promises they read the fields' text alone (and
// the attributes, which a listing the text stage reads has none of), so
// they are the document's: a fibre word that states no composition and
// claims no fibre (棉服, 纯色棉T恤) sends no title to the tokenizer. The
// composition and the claims are read together (facts.FiberFacts): the
// claims leave the statements out, so reading them reads the statements.
func (h *textHints) copyFactsOf(hint hintKind) *facts.ListingFacts {
	if lf := h.copyFacts[copySlot(hint)]; lf != nil {
		return lf
	}
	lf := &facts.ListingFacts{}
	if hint == hintFibre {
		lf.Composition, lf.FiberClaims = facts.FiberFacts(h.l, h.textFields())
	} else {
		lf.Down, lf.DownClaims = facts.DownFacts(h.l, h.textFields())
	}
	h.copyFacts[copySlot(hint)] = lf
	return lf
}

// copySlot is the place of the facts of hint (fibre or down) in copyFacts.
func copySlot(hint hintKind) int { return int(hint - hintFibre) }

// textFields are the texts as fields without tokens: what the promise,
// fibre and down extractors read of a field.
func (h *textHints) textFields() map[string]facts.Field {
	if h.fields == nil {
		h.fields = make(map[string]facts.Field, len(h.texts))
		for _, t := range h.texts {
			h.fields[t.Name] = facts.Field{Text: t.Text}
		}
	}
	return h.fields
}

// may: the hint is there (worked out once).
func (h *textHints) may(hint hintKind) bool {
	switch {
	case hint == hintPromises:
		return h.promiseWordsIn() != 0 // worked out once, over every text
	case h.hints[hint] != hintUnknown:
		return h.hints[hint] == hintThere
	case hint == hintFibre || hint == hintDown:
		h.readMaterialHints()
		return h.hints[hint] == hintThere
	}
	v := false // attributes: a listing the text stage reads has none
	if hint == hintMasked {
		for i := range h.norms {
			if v = h.mayHoldMasked(i); v {
				break
			}
		}
	}
	h.hints[hint] = hintStateOf(v)
	return v
}

// mayHoldMasked: text i may hold a masked brand, as the text stage noted
// it or read now.
func (h *textHints) mayHoldMasked(i int) bool {
	if n, ok := h.notedOf(i); ok && n.masked != hintUnknown {
		return n.masked == hintThere
	}
	return h.masked.mayHold(h.norms[i], &h.chars)
}

// readMaterialHints works out the fibre and the down hints together
// (facts.MayStateFibreOrClaimDown): the gate asks both of every title.
func (h *textHints) readMaterialHints() {
	fibre, down := false, false
	for _, t := range h.texts {
		f, d := facts.MayStateFibreOrClaimDown(t.Text)
		fibre, down = fibre || f, down || d
		if fibre && down {
			break
		}
	}
	h.hints[hintFibre], h.hints[hintDown] = hintStateOf(fibre), hintStateOf(down)
}

func hintStateOf(there bool) hintState {
	if there {
		return hintThere
	}
	return hintAbsent
}

// hintState is a hint not yet worked out, or its answer.
type hintState uint8

const (
	hintUnknown hintState = iota
	hintAbsent
	hintThere
)
