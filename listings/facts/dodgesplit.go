package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// splitters are the signs sellers put inside a listed word to get it past
// a word filter (消-炎, 辟.邪). Unlike the joiners they often mean
// something between two Chinese characters (中-英, 白色-纯棉), so a run of
// them is dropped only where a listed word stands around it whole.
const splitters = "-."

// isSplitter marks the bytes of splitters: unsplit asks of every byte of
// a text that holds one, where a search of splitters made a call a byte.
var isSplitter = func() (is [256]bool) {
	for i := range len(splitters) {
		is[splitters[i]] = true
	}
	return is
}()

// addSplits records, for every place between two Chinese characters of
// word, the word's text before and after that place, keyed by the two
// characters (消炎 → 消|炎 under "消炎").
func (d *Dodges) addSplits(word string) {
	prev, prevSize := rune(-1), 0
	for i, r := range word {
		if unicode.Is(unicode.Han, r) && prev >= 0 && unicode.Is(unicode.Han, prev) {
			key := word[i-prevSize : i+utf8.RuneLen(r)]
			d.splits[key] = append(d.splits[key], dodge{before: word[:i], after: word[i:]})
		}
		prev, prevSize = r, utf8.RuneLen(r)
	}
}

// unsplit drops every run of splitters that stands inside a listed word
// (the text before the run ends with the word's first part, the text after
// it starts with the rest), keeping origin (one entry per byte of norm,
// plus its end; nil for none) in step, so evidence still quotes the seller's 消-炎.
func (d *Dodges) unsplit(norm string, origin []int32) (string, []int32) {
	if !d.mayUnsplit(norm) {
		return norm, origin
	}
	var b strings.Builder
	b.Grow(len(norm))
	out := make([]int32, 0, len(origin))
	last := 0 // bytes of norm before last are written
	for i := 0; i < len(norm); i++ {
		if !isSplitter[norm[i]] || i == 0 {
			continue
		}
		j := i
		for j < len(norm) && isSplitter[norm[j]] {
			j++
		}
		if hanAround(norm[:i], norm[j:]) && d.insideWord(b.String()+norm[last:i], norm[j:]) {
			b.WriteString(norm[last:i])
			out = keepOrigin(out, origin, last, i)
			last = j
		}
		i = j - 1
	}
	b.WriteString(norm[last:])
	return b.String(), keepOrigin(out, origin, last, len(origin))
}

// hanAround: a Chinese character ends before and starts after (a decimal
// point or a model code's dash is never looked up).
func hanAround(before, after string) bool {
	p, _ := utf8.DecodeLastRuneInString(before)
	n, _ := utf8.DecodeRuneInString(after)
	return unicode.Is(unicode.Han, p) && unicode.Is(unicode.Han, n)
}

// mayUnsplit is unsplit's cheap test: the text has a splitter. A search
// for each of the two bytes: ContainsAny tested every byte against a set
// made for the call, for every field of every listing.
func (d *Dodges) mayUnsplit(norm string) bool {
	return d != nil && len(d.splits) > 0 && (strings.IndexByte(norm, '-') >= 0 || strings.IndexByte(norm, '.') >= 0)
}

// insideWord: a listed word is split between the end of before and the
// start of after (each side a Chinese character, see hanAround).
func (d *Dodges) insideWord(before, after string) bool {
	_, ps := utf8.DecodeLastRuneInString(before)
	_, ns := utf8.DecodeRuneInString(after)
	for _, dg := range d.splits[before[len(before)-ps:]+after[:ns]] {
		if strings.HasSuffix(before, dg.before) && strings.HasPrefix(after, dg.after) {
			return true
		}
	}
	return false
}
