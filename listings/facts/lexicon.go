package facts

import (
	"sort"
	"unicode/utf8"
)

// lexicon finds the longest listed word starting at a position of a
// scanText. Words are normalised (simplified, lower-case); an all-ASCII word
// only matches between word boundaries, so "wool" is not found in "woolly".
type lexicon[T any] struct {
	words   map[string]T
	lengths map[rune][]int // first rune → word lengths in runes, longest first
	// firsts marks the first runes (the keys of lengths): the hints ask of
	// every Latin letter of every title, and few start a word. seconds
	// marks the second runes: behind a first rune, most characters of a
	// title go on as no word longer than that rune. pairs marks the
	// first two runes of the words: most first runes of the hints
	// (大, 新, 水) go on with some word's second rune, and few with one of
	// their own words' (holdsWordAt).
	firsts, seconds RuneKeys
	pairs           runePairs
}

func newLexicon[T any](words map[string]T) *lexicon[T] {
	lx := &lexicon[T]{words: words, lengths: make(map[rune][]int)}
	for w := range words {
		r, size := utf8.DecodeRuneInString(w)
		lx.lengths[r] = append(lx.lengths[r], utf8.RuneCountInString(w))
		lx.firsts.Add(r)
		if second, _ := utf8.DecodeRuneInString(w[size:]); size < len(w) {
			lx.seconds.Add(second)
			lx.pairs.add(r, second)
		}
	}
	for r, ls := range lx.lengths {
		sort.Sort(sort.Reverse(sort.IntSlice(ls)))
		lx.lengths[r] = dedupSorted(ls)
	}
	return lx
}

func dedupSorted(ls []int) []int {
	out := ls[:0]
	for i, l := range ls {
		if i == 0 || l != ls[i-1] {
			out = append(out, l)
		}
	}
	return out
}

// match returns the entry of the longest word at i and the index after it;
// ok is false when no word starts at i.
//
// The parsers ask at every character that may start a word. The marks
// answer most asks without the maps: no word starts with a character
// that is not a first rune, and none longer than one rune goes on with
// one that is not a second rune. A word asked for is spelled into a
// buffer, which the map reads without making a string.
func (lx *lexicon[T]) match(t *scanText, i int) (entry T, end int, ok bool) {
	if !lx.firsts.MayHave(t.at(i)) {
		return entry, i, false
	}
	second := lx.seconds.MayHave(t.at(i + 1))
	var buf [64]byte
	for _, n := range lx.lengths[t.at(i)] {
		if i+n > t.len() || (n > 1 && !second) {
			continue
		}
		word := buf[:0]
		for _, r := range t.runes[i : i+n] {
			word = utf8.AppendRune(word, r)
		}
		e, found := lx.words[string(word)]
		if found && asciiBounded(t, i, i+n) {
			return e, i + n, true
		}
	}
	return entry, i, false
}

// asciiBounded rejects an English word glued to other letters.
func asciiBounded(t *scanText, a, b int) bool {
	if !isLatinLower(t.at(a)) {
		return true
	}
	return !isLatinLower(t.at(a-1)) && !isLatinLower(t.at(b))
}

// starts reports whether some word begins with r.
func (lx *lexicon[T]) starts(r rune) bool {
	return lx.firsts.MayHave(r) && len(lx.lengths[r]) > 0
}
