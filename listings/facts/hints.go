package facts

import "strings"

// The hints below answer, from a field's text alone and far cheaper than
// the extractors, whether an extractor can find anything in it. They may
// answer yes where the extractor finds nothing, never the reverse: the
// engine skips a listing's tokens and facts on a no (see its prefilter).

// CutText is a normalised text (Normalize) as Tokenize cuts it with the
// same dodges (nil for none): the joiners between Chinese characters
// dropped (see dropJoiners), the splitters inside listed words dropped
// (see unsplit) and the dodges folded (see Dodges).
func (d *Dodges) CutText(norm string) string {
	if !strings.ContainsAny(norm, joiners) && (d == nil || !d.mayFold(norm)) && !d.mayUnsplit(norm) {
		return norm
	}
	cut, _ := d.fold(d.unsplit(dropJoiners(norm, make([]int, len(norm)+1))))
	return cut
}

// MayPromise reports whether a normalised text (Normalize) holds a word
// some promise matcher needs: without one, Promises finds nothing in it.
func MayPromise(norm string) bool {
	byFirst := needByFirst()
	for i, r := range norm {
		for _, w := range byFirst[r] {
			if strings.HasPrefix(norm[i:], w) {
				return true
			}
		}
	}
	return false
}

// MayStateFibre reports whether text holds a fibre word: every statement
// of a composition in copy and every fibre claim names one.
func MayStateFibre(text string) bool { return holdsWordOf(fibreLexicon, text) }

// MayClaimDown reports whether text holds a down word: every down claim in
// copy is, or ends with, one.
func MayClaimDown(text string) bool { return holdsWordOf(downLexicon, text) }

// holdsWordOf reports whether a word of lx starts at some rune of text, as
// the material scanners read it (scanText).
func holdsWordOf[T any](lx *lexicon[T], text string) bool {
	var t *scanText // built at the first rune some word starts with
	i := 0
	for _, r := range text {
		if lx.starts(foldMaterialRune(normalizeFast(r))) {
			if t == nil {
				t = newScanText(text)
			}
			if _, _, ok := lx.match(t, i); ok {
				return true
			}
		}
		i++
	}
	return false
}
