package facts

import (
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// AppendNormalRunes appends to dst the runes of text normalised: those of
// Normalize(text), one for each rune of text (an invalid byte is one, as
// ranging over text reads it). The engine's masked brands read a field
// this way for every judged listing: normalising, converting to runes and
// counting them were three passes and an allocation, this is one pass
// into a slice the caller keeps.
func AppendNormalRunes(dst []rune, text string) []rune {
	for i := 0; i < len(text); {
		r, size := runes.At(text, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i += size
		if unchanged(r) {
			dst = append(dst, r)
		} else {
			dst = append(dst, normalizeRune(r))
		}
	}
	return dst
}
