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
	byFirst, first, bits := needByFirst(), needFirst(), needBits()
	var in PromiseWords
	for i, next := 0, 0; i < len(norm); i = next {
		r, size := runes.At(norm, i) // every title is asked: see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(norm[i:])
		}
		if next = i + size; !first.MayHave(r) {
			continue
		}
		for _, w := range byFirst[r] {
			if strings.HasPrefix(norm[i:], w) {
				in |= bits[w]
			}
		}
	}
	return in
}
