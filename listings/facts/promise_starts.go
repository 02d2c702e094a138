package facts

import (
	"regexp"
	"regexp/syntax"
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
type startScan struct {
	re       *regexp.Regexp
	anchored *regexp.Regexp
	starts   *RuneKeys // nil: re runs as it is (see firstRunes)
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
	}
	return sc
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
		if !sc.starts.MayHave(r) {
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
		if sc.starts.MayHave(r) && sc.anchored.MatchString(s[p:]) {
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
