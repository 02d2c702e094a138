package facts

import (
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
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
	joins, splits := cutSigns(norm)
	splits = splits && d != nil && len(d.splits) > 0 // as mayUnsplit reads it
	folds := d != nil && d.mayFold(norm)
	switch {
	case !joins && !folds && !splits:
		return norm
	case !joins && !splits:
		// norm is what fold reads, and it may fold: asked once, not twice.
		cut, _ := d.foldAll(norm, nil)
		return cut
	}
	cut, _ := d.fold(d.unsplit(dropJoiners(norm, nil))) // no origin: the text alone
	return cut
}

// MayCut reports whether CutText may cut a normalised text whose runes
// are rs (decoded as utf8.DecodeRuneInString decodes them, an invalid
// byte a RuneError): where it reports false, CutText gives the text back
// as it is. It reads runes a caller has decoded already, where CutText's
// own tests (cutSigns, mayFold) read the bytes again: a joiner, a
// splitter (where d has splits), a Latin letter beside a rune beyond
// ASCII, a zero after a letter, a look-alike (any rune beyond ASCII d's
// forms hold: mayFold asks only of those of three bytes or more, so this
// may answer yes where CutText cuts nothing, never the reverse).
func (d *Dodges) MayCut(rs []rune) bool {
	splits := d != nil && len(d.splits) > 0
	prev := rune(0) // the rune before, 0 before the first (neither a letter nor beyond ASCII)
	for _, r := range rs {
		if r < utf8.RuneSelf {
			c := byte(r)
			if signBytes[c] == joinerByte || splits && signBytes[c] == splitterByte ||
				d != nil && (isLower(c) && prev >= utf8.RuneSelf || c == '0' && prev < utf8.RuneSelf && isLower(byte(prev))) {
				return true
			}
		} else if d != nil && prev < utf8.RuneSelf && isLower(byte(prev)) || cutRunes.MayHave(r) && (isJoiner(r) || d != nil && d.forms[r]) {
			return true
		}
		prev = r
	}
	return false
}

// cutRunes marks the joiners and the look-alikes: MayCut steps over any
// other rune beyond ASCII with one bit test (most of a title's runes).
var cutRunes = func() *RuneKeys {
	s := *lookalikeKeys
	for _, r := range joiners {
		s.Add(r)
	}
	return &s
}()

// MayPromise reports whether a normalised text (Normalize) holds a word
// some promise matcher needs: without one, Promises finds nothing in it.
func MayPromise(norm string) bool { return PromiseWordsIn(norm) != 0 }

// MayStateFibre reports whether text holds a fibre word: every statement
// of a composition in copy and every fibre claim names one.
func MayStateFibre(text string) bool { return holdsWordOf(fibreLexicon, fibreStarts, text) }

// MayClaimDown reports whether text holds a down word: every down claim in
// copy is, or ends with, one.
func MayClaimDown(text string) bool { return holdsWordOf(downLexicon, downStarts, text) }

// MayStateFibreOrClaimDown is MayStateFibre and MayClaimDown of text in
// one pass: every title is asked both, and decoding its runes costs each
// pass more than its look-ups.
func MayStateFibreOrClaimDown(text string) (fibre, down bool) {
	prevFibre, prevDown := rune(0), rune(0) // as prev in holdsWordOf, one for each lexicon
	for i, next := 0, 0; i < len(text); i = next {
		r, size := runes.At(text, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if next = i + size; !materialStarts.readOn(r) {
			prevFibre, prevDown = 0, 0
			continue
		}
		inFibre, inDown := fibreStarts.readOn(r), downStarts.readOn(r)
		f := foldMaterialRune(normalizeFast(r))
		if inFibre {
			fibre = fibre || startsWordOf(fibreLexicon, f, prevFibre, text, i)
			prevFibre = f
		} else {
			prevFibre = 0
		}
		if inDown {
			down = down || startsWordOf(downLexicon, f, prevDown, text, i)
			prevDown = f
		} else {
			prevDown = 0
		}
		if fibre && down {
			return true, true
		}
	}
	return fibre, down
}

// holdsWordOf reports whether a word of lx starts at some rune of text, as
// the material scanners read it (lexicon.match on a scanText: each rune
// normalised and folded, an ASCII word bounded), without building the
// scanText: most titles start some word somewhere, and the hint is asked
// of every title. The runes starts leaves out read as neither a first
// rune nor a Latin letter.
func holdsWordOf[T any](lx *lexicon[T], starts *hintStarts, text string) bool {
	prev := rune(0) // the folded rune before i (0 at the start), or 0 for one not Latin
	for i, r := range text {
		if !starts.readOn(r) {
			prev = 0
			continue
		}
		f := foldMaterialRune(normalizeFast(r))
		if startsWordOf(lx, f, prev, text, i) {
			return true
		}
		prev = f
	}
	return false
}

// startsWordOf: a word of lx starts at byte i of text, whose rune there
// reads as f after prev (see holdsWordOf). A Latin word starts after no
// Latin letter: inside one, none can.
func startsWordOf[T any](lx *lexicon[T], f, prev rune, text string, i int) bool {
	if !lx.firsts.MayHave(f) || isLatinLower(f) && isLatinLower(prev) {
		return false
	}
	lengths := lx.lengths[f]
	return len(lengths) > 0 && holdsWordAt(lx, lengths, text, i, f)
}

// holdsWordAt: a word of lx of one of lengths (those of the words of its
// first rune, longest first) starts at byte i of text, a Latin one not
// followed by a Latin letter. The runes are folded once, for the longest
// (a word of 16 runes or more, none yet, folds them for each length), and
// no further than the second where no word starts with the two
// (lexicon.pairs): then only a word of one rune is looked up.
func holdsWordAt[T any](lx *lexicon[T], lengths []int, text string, i int, f rune) bool {
	const most = 16
	if lengths[0] >= most {
		return holdsWordEach(lx, lengths, text, i, folded0(text, i))
	}
	if next, ok := secondRune(text, i); ok && (!lx.seconds.MayHave(next) || !lx.pairs.mayHave(f, next)) {
		return lengths[len(lengths)-1] == 1 && holdsRune(lx, f, next) // as the loop below reads it
	}
	var buf [64]byte
	var ends [most]int    // ends[k]: the bytes of key that hold k runes
	var folded [most]rune // the folded runes from i
	key, n, longer := buf[:0], 0, true
	for j := i; j < len(text) && n <= lengths[0]; n++ {
		r, size := runes.At(text, j)
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[j:])
		}
		folded[n] = foldMaterialRune(normalizeFast(r))
		key = utf8.AppendRune(key, folded[n])
		ends[n] = len(key)
		j += size
		if n == 1 && (!lx.seconds.MayHave(folded[1]) || !lx.pairs.mayHave(folded[0], folded[1])) {
			n, longer = n+1, false // no word of two runes or more goes on with this one
			break
		}
	}
	for _, k := range lengths {
		if k > n || k > 1 && !longer {
			continue // fewer than k runes left, or no such word
		}
		next := rune(0)
		if k < n {
			next = folded[k]
		}
		if _, found := lx.words[string(key[:ends[k-1]])]; found && (!isLatinLower(folded[0]) || !isLatinLower(next)) {
			return true
		}
	}
	return false
}

// secondRune is the rune after the one at byte i of text, normalised and
// folded; ok is false at the end of the text. Behind most first runes of
// the hints it goes on as no word (lexicon.pairs): holdsWordAt then reads
// no further.
func secondRune(text string, i int) (next rune, ok bool) {
	_, size := runes.At(text, i)
	if size == 0 {
		_, size = utf8.DecodeRuneInString(text[i:])
	}
	if i += size; i >= len(text) {
		return 0, false
	}
	r, size := runes.At(text, i)
	if size == 0 {
		r, _ = utf8.DecodeRuneInString(text[i:])
	}
	return foldMaterialRune(normalizeFast(r)), true
}

// holdsRune: the folded rune f is a word of lx, a Latin one not followed
// by the Latin letter next.
func holdsRune[T any](lx *lexicon[T], f, next rune) bool {
	var buf [utf8.UTFMax]byte
	_, found := lx.words[string(utf8.AppendRune(buf[:0], f))]
	return found && (!isLatinLower(f) || !isLatinLower(next))
}

// holdsWordEach is holdsWordAt folding the runes for each length.
func holdsWordEach[T any](lx *lexicon[T], lengths []int, text string, i int, first rune) bool {
	var buf [64]byte
	for _, n := range lengths {
		key, next, ok := foldedRunes(text, i, n, buf[:0])
		if _, found := lx.words[string(key)]; ok && found && (!isLatinLower(first) || !isLatinLower(next)) {
			return true
		}
	}
	return false
}

// folded0 is the rune at byte i of text, normalised and folded.
func folded0(text string, i int) rune {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return foldMaterialRune(normalizeFast(r))
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
