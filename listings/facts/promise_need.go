package facts

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// needWordsAt finds, in one pass over a normalised text, where every need
// word of every promise matcher occurs, so a matcher asks "does this
// sentence hold one of my words" of the few words the text holds instead
// of searching the sentence for each of its words. Most texts (a title)
// hold none, and then no matcher looks at any sentence. The words found
// are listed in text order: a text holds few, and a map of them cost
// allocations for every text that holds any.
type needWordsAt []needWordAt

// needWordAt is a need word found and the byte offset where it starts.
type needWordAt struct {
	word string
	at   int
}

// needByFirst indexes every matcher's need words by their first rune.
var needByFirst = sync.OnceValue(func() map[rune][]string {
	seen := map[string]bool{}
	out := map[rune][]string{}
	for _, pm := range promiseMatchers {
		for _, w := range pm.need {
			if r, size := utf8.DecodeRuneInString(w); size > 0 && !seen[w] {
				seen[w] = true
				out[r] = append(out[r], w)
			}
		}
	}
	return out
})

// needFirst marks the first runes of the need words: most characters of
// a text start none, and a bit test is cheaper than the map.
var needFirst = sync.OnceValue(func() *RuneKeys {
	keys := &RuneKeys{}
	for r := range needByFirst() {
		keys.Add(r)
	}
	return keys
})

func findNeedWords(norm string) needWordsAt {
	var at needWordsAt
	byFirst, first := needByFirst(), needFirst()
	for i, size := 0, 0; i < len(norm); i += size {
		var r rune
		r, size = runes.At(norm, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(norm[i:])
		}
		if !first.MayHave(r) {
			continue
		}
		for _, w := range byFirst[r] {
			if strings.HasPrefix(norm[i:], w) {
				if at == nil {
					at = make(needWordsAt, 0, 8)
				}
				at = append(at, needWordAt{w, i})
			}
		}
	}
	return at
}

// holdsAny reports whether one of words lies wholly within norm[s:e], as
// strings.Contains(norm[s:e], w) would for some w.
func (at needWordsAt) holdsAny(words []string, s, e int) bool {
	for i := sort.Search(len(at), func(i int) bool { return at[i].at >= s }); i < len(at) && at[i].at < e; i++ {
		if at[i].at+len(at[i].word) <= e && slices.Contains(words, at[i].word) {
			return true
		}
	}
	return false
}

// words are the need words found, as PromiseWordsIn gives them.
func (at needWordsAt) words() PromiseWords {
	bits := needBits()
	var in PromiseWords
	for _, w := range at {
		in |= bits[w.word]
	}
	return in
}
