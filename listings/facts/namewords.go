package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// nameWords are the words an attribute name is searched for (材质, 含绒,
// 里 ...), read in one pass over the name: the readers of the attributes
// asked strings.Contains of each word in turn, a search a word, for every
// attribute of every listing.
type nameWords struct {
	words []string
	first []rune // each word's first rune
	// byFirst lists the words by their first rune's low six bits: a
	// character of a name is compared with the one or two words it may
	// start, not with every word.
	byFirst [64][]uint8
}

func newNameWords(words ...string) *nameWords {
	if len(words) > 64 {
		panic("facts: more name words than bits")
	}
	nw := &nameWords{words: words}
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		nw.first = append(nw.first, r)
		nw.byFirst[r&63] = append(nw.byFirst[r&63], uint8(k))
	}
	return nw
}

// in has bit k set when n holds words[k] (strings.Contains(n, words[k])).
// A word starts on a character of n (a word starts with a lead byte, and
// the characters of n are stepped over whole), so only the characters
// that start some word are compared.
func (nw *nameWords) in(n string) uint64 {
	var bits uint64
	for i := 0; i < len(n); {
		r, size := runes.At(n, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(n[i:])
		}
		for _, k := range nw.byFirst[r&63] {
			if nw.first[k] == r && strings.HasPrefix(n[i:], nw.words[k]) {
				bits |= 1 << k
			}
		}
		i += size
	}
	return bits
}
