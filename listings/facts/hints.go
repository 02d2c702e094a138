package facts

import (
	"unicode/utf8"
)

// The hints below answer, from a field's text alone and far cheaper than
// the extractors, whether an extractor can find anything in it. They may
// answer yes where the extractor finds nothing, never the reverse: the
// engine skips a listing's tokens and facts on a no (see its prefilter).

// CutText is a normalised text (Normalize) as Tokenize cuts it with the
// same dodges (nil for none): the joiners between Chinese characters
// dropped (see dropJoiners), the splitters inside listed words dropped
// (see unsplit) and the dodges folded (see Dodges).
func (d *Dodges) CutText(norm string) string {
	if !hasJoiner(norm) && (d == nil || !d.mayFold(norm)) && !d.mayUnsplit(norm) {
		return norm
	}
	cut, _ := d.fold(d.unsplit(dropJoiners(norm, nil))) // no origin: the text alone
	return cut
}

// MayPromise reports whether a normalised text (Normalize) holds a word
// some promise matcher needs: without one, Promises finds nothing in it.
func MayPromise(norm string) bool { return PromiseWordsIn(norm) != 0 }

// MayStateFibre reports whether text holds a fibre word: every statement
// of a composition in copy and every fibre claim names one.
func MayStateFibre(text string) bool { return holdsWordOf(fibreLexicon, fibreStarts, text) }

// MayClaimDown reports whether text holds a down word: every down claim in
// copy is, or ends with, one.
func MayClaimDown(text string) bool { return holdsWordOf(downLexicon, downStarts, text) }

// holdsWordOf reports whether a word of lx starts at some rune of text, as
// the material scanners read it (lexicon.match on a scanText: each rune
// normalised and folded, an ASCII word bounded), without building the
// scanText: most titles start some word somewhere, and the hint is asked
// of every title. The runes starts leaves out read as neither a first
// rune nor a Latin letter.
func holdsWordOf[T any](lx *lexicon[T], starts *hintStarts, text string) bool {
	var buf [64]byte
	prev := rune(0) // the folded rune before i (0 at the start), or 0 for one not Latin
	for i, r := range text {
		if !starts.readOn(r) {
			prev = 0
			continue
		}
		f := foldMaterialRune(normalizeFast(r))
		for _, n := range lx.lengths[f] {
			key, next, ok := foldedRunes(text, i, n, buf[:0])
			if _, found := lx.words[string(key)]; ok && found && (!isLatinLower(f) || !isLatinLower(prev) && !isLatinLower(next)) {
				return true
			}
		}
		prev = f
	}
	return false
}

// foldedRunes appends to buf the n runes of text from byte i, normalised
// and folded, and gives the folded rune after them (0 at the end); ok is
// false when fewer than n runes are left.
func foldedRunes(text string, i, n int, buf []byte) (key []byte, next rune, ok bool) {
	for ; n > 0; n-- {
		if i >= len(text) {
			return buf, 0, false
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		buf = utf8.AppendRune(buf, foldMaterialRune(normalizeFast(r)))
		i += size
	}
	if i < len(text) {
		r, _ := utf8.DecodeRuneInString(text[i:])
		next = foldMaterialRune(normalizeFast(r))
	}
	return buf, next, true
}
