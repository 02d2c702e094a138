package facts

import (
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
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
	for k, s := range promiseSieves() {
		if among&matcherBit(k) != 0 && in&s.need != 0 && holdsAll(norm, s.holds) {
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
	holds [][]string
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
		sieves[k].holds = mustHold(re.Simplify())
		slices.SortStableFunc(sieves[k].holds, func(a, b []string) int { return len(a) - len(b) })
	}
	return sieves
})

// holdsAll: text holds one word of each of sets.
func holdsAll(text string, sets [][]string) bool {
	for _, set := range sets {
		if !slices.ContainsFunc(set, func(w string) bool { return strings.Contains(text, w) }) {
			return false
		}
	}
	return true
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
