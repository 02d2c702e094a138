package facts

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// PromiseWords is a set of the promise matchers' need words, a bit each:
// which of them a text holds, or which can lead to some kinds of promise.
// Words past the 63rd share the last bit, which can only let more texts
// through.
type PromiseWords uint64

// needBits gives each need word its bit, in the matchers' order.
var needBits = sync.OnceValue(func() map[string]PromiseWords {
	bits := map[string]PromiseWords{}
	for _, pm := range promiseMatchers {
		for _, w := range pm.need {
			if _, ok := bits[w]; !ok {
				bits[w] = 1 << min(len(bits), 63)
			}
		}
	}
	return bits
})

// PromiseWordsIn is the set of need words a normalised text (Normalize)
// holds: without one of a matcher's words, Promises finds nothing of it
// in the text, and with none at all nothing (MayPromise).
func PromiseWordsIn(norm string) PromiseWords {
	first := needFirst()
	var in PromiseWords
	for i, next := 0, 0; i < len(norm); i = next {
		r, size := runes.At(norm, i) // every title is asked: see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(norm[i:])
		}
		if next = i + size; first.MayHave(r) {
			in |= PromiseWordsAt(norm, i, r)
		}
	}
	return in
}

// PromiseStarts marks the first runes of the need words: PromiseWordsIn
// is the union of PromiseWordsAt over the characters of a text it marks.
// No need word starts with whitespace or NUL, so a caller that has read a
// text's characters but those already finds every need word from them.
var PromiseStarts = needFirst()

// PromiseWordsAt are the need words that start at byte i of a normalised
// text, whose rune there is r.
func PromiseWordsAt(norm string, i int, r rune) PromiseWords {
	var in PromiseWords
	for _, w := range needIndexed().startingWith(r) {
		if strings.HasPrefix(norm[i:], w.word) {
			in |= w.bit
		}
	}
	return in
}

// needIndex is needByFirst with each word's bit (needBits), read without
// a map where the first rune is in the Basic Multilingual Plane: the
// characters of every title that start a need word are looked up, and a
// map lookup cost more than the rest of PromiseWordsIn.
type needIndex struct {
	place [0x10000]uint8 // 1 + the place in words of a rune's words; 0: none
	words [][]needWord
	high  map[rune][]needWord // the runes beyond the plane
}

// needWord is a need word and its bit.
type needWord struct {
	word string
	bit  PromiseWords
}

var needIndexed = sync.OnceValue(func() *needIndex {
	x, bits := &needIndex{high: map[rune][]needWord{}}, needBits()
	for r, ws := range needByFirst() {
		words := make([]needWord, len(ws))
		for k, w := range ws {
			words[k] = needWord{w, bits[w]}
		}
		if r > 0xFFFF || len(x.words) == 0xFF {
			x.high[r] = words // the places of a uint8 are all taken: the map keeps the rest
			continue
		}
		x.words = append(x.words, words)
		x.place[r] = uint8(len(x.words))
	}
	return x
})

// startingWith are the need words whose first rune is r, in needByFirst's order.
func (x *needIndex) startingWith(r rune) []needWord {
	if r >= 0 && r <= 0xFFFF && x.place[r] != 0 {
		return x.words[x.place[r]-1]
	}
	return x.high[r]
}
