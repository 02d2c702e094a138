package facts

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// startScan runs a promise pattern only where a match of it can start.
// The patterns have no literal prefix, so the regexp package tries them
// at every character of a sentence, and a try at a character that starts
// no alternative still walks the pattern's optional heads (付款, 全国,
// 顺丰 ...): about 30k instructions per sentence. Every match of a pattern
// that cannot match empty starts with one of the characters starts marks,
// so the pattern anchored there (^(?:pattern)) finds at the first such
// character with a match what the unanchored one finds, groups and all.
//
// A try at a start character whose next character no match can have in
// second place fails too, and most tries do (a figure then no unit, 不
// then no refusal): seconds marks the characters a match can have there,
// and the try is left out unless the next character is one of them.
type startScan struct {
	re       *regexp.Regexp
	anchored *regexp.Regexp
	starts   *RuneKeys // nil: re runs as it is (see firstRunes)
	seconds  *RuneKeys // nil: every try is made (see secondRunes)
}

func newStartScan(re *regexp.Regexp) *startScan {
	sc := &startScan{re: re}
	parsed, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		panic(err) // the pattern compiled once already
	}
	starts := &RuneKeys{}
	if nullable, ok := firstRunes(parsed, starts); ok && !nullable && readsNoContext(parsed) {
		sc.starts = starts
		sc.anchored = regexp.MustCompile(`^(?:` + re.String() + `)`)
		if h, ok := headsOf(parsed); ok && !h.single {
			sc.seconds = h.second.keys()
		}
	}
	return sc
}

// mayStartAt: a match may start at p, where s holds r (of size bytes):
// r may start one, and what follows may be its second character.
func (sc *startScan) mayStartAt(s string, p int, r rune, size int) bool {
	if !sc.starts.MayHave(r) {
		return false
	}
	if sc.seconds == nil {
		return true
	}
	q := p + size
	if q >= len(s) {
		return false // every match has two characters at least
	}
	next, nextSize := runes.At(s, q)
	if nextSize == 0 {
		next, _ = utf8.DecodeRuneInString(s[q:])
	}
	return sc.seconds.MayHave(next)
}

// findAll is re.FindAllStringSubmatchIndex(s, -1).
func (sc *startScan) findAll(s string) [][]int {
	if sc.starts == nil {
		return sc.re.FindAllStringSubmatchIndex(s, -1)
	}
	var out [][]int
	for p := 0; p < len(s); {
		r, size := runes.At(s, p)
		if size == 0 {
			r, size = utf8.DecodeRuneInString(s[p:])
		}
		if !sc.mayStartAt(s, p, r, size) {
			p += size
			continue
		}
		loc := sc.anchored.FindStringSubmatchIndex(s[p:])
		if loc == nil {
			p += size
			continue
		}
		out = append(out, shiftLoc(loc, p))
		p = loc[1] // past p: no match is empty
	}
	return out
}

// matchString is re.MatchString(s).
func (sc *startScan) matchString(s string) bool {
	if sc.starts == nil {
		return sc.re.MatchString(s)
	}
	for p := 0; p < len(s); {
		r, size := runes.At(s, p)
		if size == 0 {
			r, size = utf8.DecodeRuneInString(s[p:])
		}
		if sc.mayStartAt(s, p, r, size) && sc.anchored.MatchString(s[p:]) {
			return true
		}
		p += size
	}
	return false
}

// firstRunes marks in set every character a match of re can start with;
// nullable says re may match empty (then the caller cannot skip).
// ok is false when re may start with any character (or with an assertion):
// the caller then runs re as it is, as it does when re reads the text
// around a match anywhere (readsNoContext).
func firstRunes(re *syntax.Regexp, set *RuneKeys) (nullable, ok bool) {
	switch re.Op {
	case syntax.OpNoMatch:
		return false, true
	case syntax.OpEmptyMatch:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		addRune(set, re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= min(re.Rune[i+1], 0xFFFF); r++ {
				set.Add(r) // beyond the plane every rune may be a key
			}
		}
		return false, true
	case syntax.OpCapture:
		return firstRunes(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := firstRunes(re.Sub[0], set)
		return true, ok
	case syntax.OpPlus:
		return firstRunes(re.Sub[0], set)
	case syntax.OpRepeat:
		nullable, ok := firstRunes(re.Sub[0], set)
		return nullable || re.Min == 0, ok
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			nullable, ok := firstRunes(sub, set)
			if !ok || !nullable {
				return nullable, ok
			}
		}
		return true, true
	case syntax.OpAlternate:
		any := false
		for _, sub := range re.Sub {
			nullable, ok := firstRunes(sub, set)
			if !ok {
				return false, false
			}
			any = any || nullable
		}
		return any, true
	}
	return false, false // any character, or an assertion
}

// runeHeads are what the matches of a pattern start with: first holds
// the characters a match of one or more characters can start with,
// second those a match of two or more can have in second place; nullable
// says a match may be empty, single that one may be a single character.
// The sets are lists of ranges, joined by appending: a pattern's few
// dozen parts each had a RuneKeys, and joining those was most of the
// start-up of the scans.
type runeHeads struct {
	first, second    runeRanges
	nullable, single bool
}

// runeRanges are ranges of runes, lo, hi pairs, in no order.
type runeRanges []rune

// headsOf are re's heads; ok is false when re may start with any
// character or with an assertion (as for firstRunes). Each set holds at
// least the characters its matches can have there, never fewer.
func headsOf(re *syntax.Regexp) (runeHeads, bool) {
	var h runeHeads
	switch re.Op {
	case syntax.OpNoMatch:
	case syntax.OpEmptyMatch:
		h.nullable = true
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		switch len(re.Rune) {
		case 0:
			h.nullable = true
		case 1:
			h.first = withCases(nil, re.Rune[0], fold)
			h.single = true
		default:
			h.first = withCases(nil, re.Rune[0], fold)
			h.second = withCases(nil, re.Rune[1], fold)
		}
	case syntax.OpCharClass:
		h.first = runeRanges(re.Rune)
		h.single = len(re.Rune) > 0
	case syntax.OpCapture:
		return headsOf(re.Sub[0])
	case syntax.OpQuest:
		sub, ok := headsOf(re.Sub[0])
		sub.nullable = true
		return sub, ok
	case syntax.OpStar, syntax.OpPlus:
		sub, ok := headsOf(re.Sub[0])
		return sub.repeated(re.Op == syntax.OpStar), ok
	case syntax.OpRepeat:
		sub, ok := headsOf(re.Sub[0])
		switch {
		case re.Max == 0:
			return runeHeads{nullable: true}, ok
		case re.Max == 1:
			sub.nullable = sub.nullable || re.Min == 0
			return sub, ok
		}
		rep := sub.repeated(re.Min == 0)
		// Two or more in a row are one character only when all but
		// one may be empty.
		rep.single = rep.single && (re.Min < 2 || rep.nullable)
		return rep, ok
	case syntax.OpConcat:
		h.nullable = true
		for _, sub := range re.Sub {
			next, ok := headsOf(sub)
			if !ok {
				return h, false
			}
			h = h.then(next)
		}
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			alt, ok := headsOf(sub)
			if !ok {
				return h, false
			}
			h.first = append(h.first, alt.first...)
			h.second = append(h.second, alt.second...)
			h.nullable, h.single = h.nullable || alt.nullable, h.single || alt.single
		}
	default:
		return h, false // any character, or an assertion
	}
	return h, true
}

// then are the heads of h's matches followed by next's: the second
// character is h's second, next's first after a single character of
// h, or next's second after an empty match of h.
func (h runeHeads) then(next runeHeads) runeHeads {
	out := runeHeads{
		first:    slices.Clone(h.first),
		second:   slices.Clone(h.second),
		nullable: h.nullable && next.nullable,
		single:   (h.single && next.nullable) || (h.nullable && next.single),
	}
	if h.single {
		out.second = append(out.second, next.first...)
	}
	if h.nullable {
		out.first = append(out.first, next.first...)
		out.second = append(out.second, next.second...)
	}
	return out
}

// repeated are the heads of one or more of h's matches in a row (or
// none as well, when empty): after a single character, the second is
// again a first.
func (h runeHeads) repeated(empty bool) runeHeads {
	if h.single {
		h.second = append(slices.Clone(h.second), h.first...)
	}
	h.nullable = h.nullable || empty
	return h
}

// keys are the runes of the ranges as a RuneKeys (those beyond the plane
// need no mark: see MayHave).
func (rs runeRanges) keys() *RuneKeys {
	set := &RuneKeys{}
	for i := 0; i+1 < len(rs); i += 2 {
		lo, hi := max(rs[i], 0), min(rs[i+1], 0xFFFF)
		for r := lo; r <= hi; {
			if r&63 == 0 && r+63 <= hi {
				set[r>>6] = ^uint64(0) // a whole word at a time: classes span most of the plane
				r += 64
				continue
			}
			set.Add(r)
			r++
		}
	}
	return set
}

// withCases appends r, and its other cases when the pattern folds case.
func withCases(rs runeRanges, r rune, fold bool) runeRanges {
	rs = append(rs, r, r)
	if !fold {
		return rs
	}
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		rs = append(rs, f, f)
	}
	return rs
}

// readsNoContext: re holds no assertion (^, $, \b), anywhere in it.
func readsNoContext(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return false
	}
	for _, sub := range re.Sub {
		if !readsNoContext(sub) {
			return false
		}
	}
	return true
}

// addRune marks r, and its other cases when the pattern folds case.
func addRune(set *RuneKeys, r rune, fold bool) {
	set.Add(r)
	for f := unicode.SimpleFold(r); fold && f != r; f = unicode.SimpleFold(f) {
		set.Add(f)
	}
}

// promiseStarts are the matchers' patterns as startScans, in their order.
var promiseStarts = sync.OnceValue(func() []*startScan {
	out := make([]*startScan, len(promiseMatchers))
	for k, pm := range promiseMatchers {
		out[k] = newStartScan(pm.re)
	}
	return out
})
