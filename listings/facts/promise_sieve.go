package facts

import (
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// PromiseMatchers is a set of promise matchers, a bit each in the order of
// promiseMatchers: which of them may match a text, or which can give some
// kinds of promise. Matchers past the 63rd share the last bit, which can
// only let more texts through.
type PromiseMatchers uint64

func matcherBit(k int) PromiseMatchers { return 1 << min(k, 63) }

// PromiseMatchersOf are the matchers whose build can give a promise of one
// of kinds: a text none of them may match (PromiseMatchersIn) has no
// promise of those kinds.
func PromiseMatchersOf(kinds []string) PromiseMatchers {
	var of PromiseMatchers
	for k, pm := range promiseMatchers {
		if slices.ContainsFunc(pm.kinds, func(kind string) bool { return slices.Contains(kinds, kind) }) {
			of |= matcherBit(k)
		}
	}
	return of
}

// PromiseMatchersIn are the matchers that may match in a normalised text
// (Normalize) holding the need words in (PromiseWordsIn of it): one of a
// matcher's need words is there, and so is each word its pattern cannot
// match without (mustHold). Without them the matcher's pattern matches no
// sentence of the text, and Promises takes nothing of it. Most titles that
// hold a need word (发, 邮) hold no figure and no unit a shipping window
// is written with, and this is a scan of the text where running the
// patterns backtracks through every position of it.
func PromiseMatchersIn(norm string, in PromiseWords) PromiseMatchers {
	return PromiseMatchersAmong(norm, in, ^PromiseMatchers(0))
}

// PromiseMatchersAmong is PromiseMatchersIn of the matchers among alone: a
// caller that asks only of some kinds (the gate: PromiseMatchersOf the
// rules' kinds) spares the search of the others' words, the most a title
// with a promise word costs (包邮 leads to postage matchers no rule needs).
func PromiseMatchersAmong(norm string, in PromiseWords, among PromiseMatchers) PromiseMatchers {
	var may PromiseMatchers
	var chars textChars
	for k, s := range promiseSieves() {
		if among&matcherBit(k) != 0 && in&s.need != 0 && chars.holdsAll(norm, s.holds) {
			may |= matcherBit(k)
		}
	}
	return may
}

// promiseSieve is what a text must hold for a matcher to match in it: one
// of its need words (a bit each, as PromiseWordsIn), and one word of each
// of holds.
type promiseSieve struct {
	need  PromiseWords
	holds [][]holdWord
}

// holdWord is a word of a sieve and its first rune.
type holdWord struct {
	word  string
	first rune
}

// promiseSieves are the matchers' sieves, in their order.
var promiseSieves = sync.OnceValue(func() []promiseSieve {
	bits := needBits()
	sieves := make([]promiseSieve, len(promiseMatchers))
	for k, pm := range promiseMatchers {
		for _, w := range pm.need {
			sieves[k].need |= bits[w]
		}
		re, err := syntax.Parse(pm.re.String(), syntax.Perl)
		if err != nil {
			panic(err) // the pattern compiled once already
		}
		// The smaller sets first: each is a search per word, and any
		// set a text misses rules the matcher out.
		holds := mustHold(re.Simplify())
		slices.SortStableFunc(holds, func(a, b []string) int { return len(a) - len(b) })
		for _, set := range holds {
			words := make([]holdWord, len(set))
			for i, w := range set {
				r, _ := utf8.DecodeRuneInString(w)
				words[i] = holdWord{w, r}
			}
			sieves[k].holds = append(sieves[k].holds, words)
		}
	}
	return sieves
})

// textChars marks the characters of the one text PromiseMatchersAmong
// sieves, by their low ten bits, read once when a sieve first asks: a
// word whose first character is not marked is not in the text, told
// without a search. Most words a sieve asks for are not there (the
// digits, 天, 不 ...), and strings.Contains of a Chinese word stops at
// every Chinese character that shares its lead byte.
type textChars struct {
	read  bool
	marks [1024 / 64]uint64
}

// holdsAll: text holds one word of each of sets.
func (tc *textChars) holdsAll(text string, sets [][]holdWord) bool {
	for _, set := range sets {
		if !slices.ContainsFunc(set, func(w holdWord) bool { return tc.holds(text, w) }) {
			return false
		}
	}
	return true
}

// holds is strings.Contains(text, w.word).
func (tc *textChars) holds(text string, w holdWord) bool {
	if !tc.read {
		tc.mark(text)
	}
	if k := w.first & 1023; tc.marks[k/64]&(1<<(k%64)) == 0 {
		return false
	}
	return strings.Contains(text, w.word)
}

// mark marks every character of text.
func (tc *textChars) mark(text string) {
	tc.read = true
	for i := 0; i < len(text); {
		r, size := runes.At(text, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		k := r & 1023
		tc.marks[k/64] |= 1 << (k % 64)
		i += size
	}
}

// maxHoldSet is the most words a set of mustHold may have: a larger one
// (a wide character class) rules out few texts and costs a search per
// word, so it is left out (which only lets more texts through).
const maxHoldSet = 32

// mustHold are sets of words of which every match of re holds one each
// (every match holds one word of the first set, and one of the second,
// ...): a literal is held whole, a small character class as one of its
// characters, a concatenation holds what each part holds, a repetition
// that cannot be empty what its body holds, and an alternation one word of
// a set each branch must hold. Whatever may match empty holds nothing.
// Case-folded literals and wide classes are left out.
func mustHold(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return [][]string{{string(re.Rune)}}
	case syntax.OpCharClass:
		if set := classWords(re.Rune); set != nil {
			return [][]string{set}
		}
	case syntax.OpCapture, syntax.OpPlus:
		return mustHold(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return mustHold(re.Sub[0])
		}
	case syntax.OpConcat:
		var all [][]string
		for _, sub := range re.Sub {
			all = append(all, mustHold(sub)...)
		}
		return all
	case syntax.OpAlternate:
		return alternateHolds(re.Sub)
	}
	return nil
}

// alternateHolds is the one set an alternation's match holds a word of:
// the smallest set of each branch, together (none when some branch
// holds nothing, or the union grows too large).
func alternateHolds(branches []*syntax.Regexp) [][]string {
	var union []string
	for _, b := range branches {
		sets := mustHold(b)
		if len(sets) == 0 {
			return nil
		}
		union = append(union, slices.MinFunc(sets, func(a, b []string) int { return len(a) - len(b) })...)
	}
	slices.Sort(union)
	if union = slices.Compact(union); len(union) > maxHoldSet {
		return nil
	}
	return [][]string{union}
}

// classWords are the characters of a class (ranges lo, hi pairs), one
// word each; nil for a class of more than maxHoldSet.
func classWords(ranges []rune) []string {
	var words []string
	for i := 0; i+1 < len(ranges); i += 2 {
		if int(ranges[i+1]-ranges[i])+1+len(words) > maxHoldSet {
			return nil
		}
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			words = append(words, string(r))
		}
	}
	return words
}
