package engine

import "github.com/xiaoer-dev/xiaoer/listings/facts"

// notedWords are the promise need words of a text (facts.PromiseWordsIn),
// read by the text stage.
type notedWords struct {
	text  int // the text's index in textHints.norms
	words facts.PromiseWords
}

// notePromiseWords reads the need words of text i from its characters,
// chars as the trie has read them (whitespace left out: no need word
// starts with any, see facts.PromiseStarts), where the trie read the text
// itself (nothing cut): the promises, asked of every title, then decode
// no character again.
func (h *textHints) notePromiseWords(i int, chars []trieChar) {
	norm, starts := h.norms[i], facts.PromiseStarts
	var in facts.PromiseWords
	for k := range chars {
		if c := &chars[k]; starts.MayHave(c.r) {
			in |= facts.PromiseWordsAt(norm, int(c.at), c.r)
		}
	}
	h.noted = append(h.noted, notedWords{i, in})
}

// notedWordsOf are the need words of text i, if the text stage noted them.
func (h *textHints) notedWordsOf(i int) (facts.PromiseWords, bool) {
	for _, n := range h.noted {
		if n.text == i {
			return n.words, true
		}
	}
	return 0, false
}
