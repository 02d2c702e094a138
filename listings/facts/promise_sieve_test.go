package facts

import (
	"regexp/syntax"
	"slices"
	"testing"
)

// A matcher whose pattern matches some sentence of a text that holds one
// of its need words (where promisesIn runs it) is among the matchers that
// may match the text (the sieve never rules out a match), over the
// promise cases, the fixtures' copy and the corpus titles; and the sieve
// rules out most of the matchers whose need words are there, or it is no
// use.
func TestPromiseSieveKeepsEveryMatch(t *testing.T) {
	t.Parallel()
	matched, needed, kept := 0, 0, 0
	for _, text := range promiseTexts(t) {
		norm := Normalize(text)
		in := PromiseWordsIn(norm)
		may, at := PromiseMatchersIn(norm, in), findNeedWords(norm)
		for k, pm := range promiseMatchers {
			if in&promiseSieves()[k].need != 0 {
				needed++
				if may&matcherBit(k) != 0 {
					kept++
				}
			}
			for _, sent := range Sentences(norm) {
				if at.holdsAny(pm.need, sent.S, sent.E) && pm.re.MatchString(norm[sent.S:sent.E]) {
					matched++
					if may&matcherBit(k) == 0 {
						t.Errorf("%q: matcher %d (%v) matches %q, but the sieve rules it out", text, k, pm.kinds, norm[sent.S:sent.E])
					}
				}
			}
		}
	}
	if matched < 100 || kept*2 > needed {
		t.Errorf("%d matches, %d of %d matchers with their need words kept: want more matches, fewer kept", matched, kept, needed)
	}
}

// The sieve keeps a shipping window written in digits, in numerals or
// with h, and rules out a title whose 发 stands in another word or that
// writes no count with its unit.
func TestPromiseSieveOnShippingWindows(t *testing.T) {
	t.Parallel()
	windows := PromiseMatchersOf([]string{KindShipWithinHours, KindShipAfterDays})
	for text, want := range map[string]bool{
		"24小时发货 纯棉T恤":  true,
		"三天内发出 羊绒围巾":   true,
		"48h发 手机壳":     true,
		"付款后15个工作日内发货": true,
		"发热内衣 加厚保暖":    false,
		"发货时间: 3日":     true,
		"沙发垫 四季通用 小号":  false, // a numeral, but no unit of a window
		"现货速发 2024新款":  false,
		"发夹 小时候的回忆":    false,
	} {
		norm := Normalize(text)
		got := PromiseMatchersIn(norm, PromiseWordsIn(norm))&windows != 0
		if got != want {
			t.Errorf("%q: may hold a shipping window %v, want %v", text, got, want)
		}
	}
}

// mustHold reads what every match must hold from the pattern's syntax, and
// nothing from what may match empty or from a wide class.
func TestMustHold(t *testing.T) {
	t.Parallel()
	for pattern, want := range map[string][][]string{
		`小时`:                {{"小时"}},
		`[0-9]+\s*(?:小时|h)`: {{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}, {"h", "小时"}},
		`(?:当天|今天)?发货`:      {{"发货"}},
		`a|b*`:              nil,
		`[^,。]{2}`:          nil,
		`(?i)abc`:           nil,
		`假{1,3}`:            {{"假"}},
		`(?:预售|现货)款`:        {{"现货", "预售"}, {"款"}},
	} {
		re, err := syntax.Parse(pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := mustHold(re.Simplify())
		for _, set := range got {
			slices.Sort(set)
		}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%s: must hold %q, want %q", pattern, got, want)
		}
	}
}

// Among some matchers, the sieve keeps what it keeps of them asked of all,
// and nothing of the others, over the promise cases and the corpus titles.
func TestPromiseMatchersAmongKeepsTheirOwn(t *testing.T) {
	t.Parallel()
	windows := PromiseMatchersOf([]string{KindShipWithinHours, KindShipAfterDays})
	kept := 0
	for _, text := range promiseTexts(t) {
		norm := Normalize(text)
		in := PromiseWordsIn(norm)
		all := PromiseMatchersIn(norm, in)
		if got := PromiseMatchersAmong(norm, in, windows); got != all&windows {
			t.Errorf("%q: among the windows %b, want %b", text, got, all&windows)
		}
		if all&windows != 0 {
			kept++
		}
		if got := PromiseMatchersAmong(norm, in, 0); got != 0 {
			t.Errorf("%q: among none %b, want none", text, got)
		}
	}
	if kept == 0 {
		t.Error("no text may hold a shipping window: the test reads nothing")
	}
}
