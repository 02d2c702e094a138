package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// fold writes every dodge of norm back as the word's own character,
// keeping origin (one entry per byte of norm, plus its end; nil for
// none) in step, so
// evidence spans quote the seller's text (the folded character spans
// the pinyin: xiao炎 quotes xiao炎).
func (d *Dodges) fold(norm string, origin []int32) (string, []int32) {
	if d == nil || !d.mayFold(norm) {
		return norm, origin
	}
	return d.foldAll(norm, origin)
}

// foldAll is fold of a text that may fold (mayFold). Most such texts
// fold nothing (a letter beside a Chinese character: t恤, 2024款): the
// text and origin are themselves then, and nothing is copied before the
// first run that folds.
func (d *Dodges) foldAll(norm string, origin []int32) (string, []int32) {
	i := 0
	for i < len(norm) {
		n, with := d.foldAt(norm, i)
		if with != "" {
			break
		}
		i += n
	}
	if i == len(norm) {
		return norm, origin
	}
	var b strings.Builder
	b.Grow(len(norm))
	b.WriteString(norm[:i])
	out := keepOrigin(make([]int32, 0, len(origin)), origin, 0, i)
	for i < len(norm) {
		n, with := d.foldAt(norm, i)
		if with == "" {
			b.WriteString(norm[i : i+n])
			out = keepOrigin(out, origin, i, i+n)
		} else {
			b.WriteString(with)
			out = appendOrigin(out, origin, i, n, len(with))
		}
		i += n
	}
	return b.String(), keepOrigin(out, origin, len(norm), len(norm)+1)
}

// foldAt is the length of the run at byte i of norm that folds as one (an
// ASCII word or a rune) and what it folds to ("" when it stays).
func (d *Dodges) foldAt(norm string, i int) (int, string) {
	if isAlnum(norm[i]) {
		return d.foldASCII(norm, i)
	}
	r, size := runes.At(norm, i) // see runes
	if size == 0 {
		r, size = utf8.DecodeRuneInString(norm[i:])
	}
	return size, d.lookalikeAt(norm, i, r, size)
}

// appendOrigin maps the n bytes written for the run of size bytes at i:
// the same bytes when the sizes agree, else every byte to the run's start.
func appendOrigin(out, origin []int32, i, size, n int) []int32 {
	if origin == nil {
		return nil
	}
	if n == size {
		return append(out, origin[i:i+size]...)
	}
	for k := 0; k < n; k++ {
		out = append(out, origin[i])
	}
	return out
}

// foldASCII reads the ASCII word starting at i (letters and digits, not
// glued to one before it: callers start at a word's first byte) and
// returns its length and what it stands for ("" when it stays): a pinyin
// syllable standing for a character of the word around it, or a word
// written with a zero for an o.
func (d *Dodges) foldASCII(norm string, i int) (int, string) {
	k, letters := i, true
	for k < len(norm) && isAlnum(norm[k]) {
		letters = letters && isLower(norm[k])
		k++
	}
	if letters {
		return k - i, d.syllableAt(norm, i, k)
	}
	m := k
	for m < len(norm) && (isAlnum(norm[m]) || norm[m] == '.') {
		m++
	}
	if w, ok := d.latin[norm[i:m]]; ok {
		return m - i, w
	}
	return k - i, ""
}

// syllableAt is the character the Latin word norm[i:j] stands for, when
// a listed word stands around it with it in that character's place.
func (d *Dodges) syllableAt(norm string, i, j int) string {
	for _, dg := range d.byForm[norm[i:j]] {
		if dg.before == "" && dg.after == "" {
			if next, _ := utf8.DecodeRuneInString(norm[j:]); j < len(norm) && unicode.Is(unicode.Han, next) {
				return dg.han
			}
			continue
		}
		if strings.HasSuffix(norm[:i], dg.before) && strings.HasPrefix(norm[j:], dg.after) {
			return dg.han
		}
	}
	return ""
}

// lookalikeAt is the character the look-alike rune r at i stands for,
// when a listed word of more than that character stands around it.
func (d *Dodges) lookalikeAt(norm string, i int, r rune, size int) string {
	if !lookalikeKeys.MayHave(r) || !d.forms[r] {
		return ""
	}
	for _, dg := range d.byForm[string(r)] {
		if dg.before+dg.after != "" && strings.HasSuffix(norm[:i], dg.before) && strings.HasPrefix(norm[i+size:], dg.after) {
			return dg.han
		}
	}
	return ""
}

// mayFold is the cheap test: a Latin letter beside a multi-byte rune, a
// look-alike rune, or a zero after a letter. A character runes.At reads
// whole (a Chinese character) is read once, and its continuation bytes
// skipped: behind no letter and led by none, they answer nothing.
func (d *Dodges) mayFold(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			if i > 0 && isLower(s[i-1]) {
				return true
			}
			if r, n := runes.At(s, i); n == 3 {
				if lookalikeKeys.MayHave(r) && d.forms[r] {
					return true // as lookalikeStarts reads it
				}
				i += 2
			} else if c >= 0xE0 && d.lookalikeStarts(s, i) {
				return true
			}
		case isLower(c) && i > 0 && s[i-1] >= utf8.RuneSelf:
			return true
		case c == '0' && i > 0 && isLower(s[i-1]):
			return true
		}
	}
	return false
}

// lookalikeStarts: a look-alike rune starts at byte i (mayFold reads the
// Chinese characters itself and asks this of the other runes).
func (d *Dodges) lookalikeStarts(s string, i int) bool {
	if s[i] < 0xE0 { // every look-alike is three bytes or more
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return lookalikeKeys.MayHave(r) && d.forms[r]
}

func isAlnum(c byte) bool { return isLower(c) || isDigit(c) }
