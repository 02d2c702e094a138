package engine

import "github.com/xiaoer-dev/xiaoer/listings/facts"

// notedText is what the text stage read of a text whose characters the
// trie read whole (nothing cut: noteText): its promise need words
// (facts.PromiseWordsIn) and whether it may hold a masked brand
// (maskedBrands.mayHold, hintUnknown where another text already may).
type notedText struct {
	text   int // the text's index in textHints.norms
	words  facts.PromiseWords
	masked hintState
}

// noteText reads text i from its characters as the trie has read them
// (chars, and all its runes): every title is asked its promise words and
// its masked brands, and then no character is decoded again. No need
// word starts with whitespace (see facts.PromiseStarts).
func (h *textHints) noteText(i int, chars []trieChar, runes []rune) {
	norm, starts := h.norms[i], facts.PromiseStarts
	n := notedText{text: i}
	for k := range chars {
		if c := &chars[k]; starts.MayHave(c.r) {
			n.words |= facts.PromiseWordsAt(norm, int(c.at), c.r)
		}
	}
	if !h.someNotedMasked() {
		n.masked = hintStateOf(h.masked.holds(runes))
	}
	h.noted = append(h.noted, n)
}

// someNotedMasked: a text noted so far may hold a masked brand.
func (h *textHints) someNotedMasked() bool {
	for _, n := range h.noted {
		if n.masked == hintThere {
			return true
		}
	}
	return false
}

// notedOf is what the text stage noted of text i, if it did.
func (h *textHints) notedOf(i int) (notedText, bool) {
	for _, n := range h.noted {
		if n.text == i {
			return n, true
		}
	}
	return notedText{}, false
}
