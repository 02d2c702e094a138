package facts

import (
	"regexp"
	"slices"
	"testing"
	"unicode/utf8"
)

// startScanTexts are the promise cases, fixtures and corpus (or labelled)
// texts normalised, each whole and sentence by sentence as promisesIn
// reads it, with texts that hold odd bytes and wide characters.
func startScanTexts(t *testing.T) []string {
	var texts []string
	for _, text := range append(promiseTexts(t), "7天无理由\xff退换", "假\xe4一赔十", "\U0001F600现货\U0001F600", "24h发货24h") {
		norm := Normalize(text)
		texts = append(texts, norm)
		for _, sent := range Sentences(norm) {
			texts = append(texts, norm[sent.S:sent.E])
		}
	}
	return texts
}

func checkStartScan(t *testing.T, sc *startScan, text string) int {
	got, want := sc.findAll(text), sc.re.FindAllStringSubmatchIndex(text, -1)
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("%s on %q: findAll %v, the pattern %v", sc.re, text, got, want)
	}
	return len(want)
}

// TestStartScanFindsAsThePattern: trying each promise pattern only where
// a match can start finds what the pattern finds over the whole text,
// match for match and group for group.
func TestStartScanFindsAsThePattern(t *testing.T) {
	t.Parallel()
	texts := startScanTexts(t)
	matches := 0
	for k, sc := range promiseStarts() {
		if sc.starts == nil {
			t.Errorf("matcher %d (%s) runs everywhere: want it tried where it can start", k, sc.re)
		}
		for _, text := range texts {
			matches += checkStartScan(t, sc, text)
		}
	}
	if matches < 1000 {
		t.Errorf("%d matches: want more, or this proves little", matches)
	}
}

// TestStartScanRunsThePatternWhenItCannotSkip: a pattern that may match
// empty, start anywhere or read the text around a match runs as it is.
func TestStartScanRunsThePatternWhenItCannotSkip(t *testing.T) {
	t.Parallel()
	for _, pattern := range []string{`a*`, `(?:x|)`, `.b`, `\bab`, `ab$`, `^ab`, `(?:ab|c\b)`, `(?s:.)b`} {
		sc := newStartScan(regexp.MustCompile(pattern))
		if sc.starts != nil {
			t.Errorf("%s: skips, and cannot", pattern)
		}
		for _, text := range []string{"", "ab", "cab ab", "xbb", "c ab"} {
			checkStartScan(t, sc, text)
		}
	}
	for _, pattern := range []string{`(?i)ab`, `x?y+b`, `(?:a|b{1,2})c`, `[a-c]\s*发`, `\d+天`, `(?:x|)b`, `[^a]b`} {
		sc := newStartScan(regexp.MustCompile(pattern))
		if sc.starts == nil {
			t.Errorf("%s: does not skip", pattern)
		}
		for _, text := range []string{"", "AB ab Ab", "yyb xyb xb", "bbc ac bc c", "a 发 b发", "3天 10天天", "xb b ab"} {
			checkStartScan(t, sc, text)
		}
	}
}

// TestStartScanSkipsNoMatchStart: at every character of the texts where
// a promise pattern matches, anchored there, mayStartAt lets the try be
// made (findAll is checked against the pattern only where the matches
// it finds leave it to try). Most patterns skip by their second
// character, and the texts hold matches and skipped tries both.
func TestStartScanSkipsNoMatchStart(t *testing.T) {
	t.Parallel()
	matches, skipped, withSeconds := 0, 0, 0
	for _, sc := range promiseStarts() {
		if sc.seconds != nil {
			withSeconds++
		}
		for _, text := range startScanTexts(t) {
			for p, r := range text {
				size := utf8.RuneLen(r)
				if r == utf8.RuneError {
					_, size = utf8.DecodeRuneInString(text[p:])
				}
				may := sc.mayStartAt(text, p, r, size)
				if sc.anchored.MatchString(text[p:]) {
					matches++
					if !may {
						t.Fatalf("%s at %d of %q: a match starts there, and the try is skipped", sc.re, p, text)
					}
				} else if !may {
					skipped++
				}
			}
		}
	}
	if withSeconds < len(promiseMatchers)*3/4 {
		t.Errorf("%d of %d patterns skip by their second character: want most", withSeconds, len(promiseMatchers))
	}
	if matches < 1000 || skipped < 1000 {
		t.Errorf("%d matches, %d tries skipped: want more, or this proves little", matches, skipped)
	}
}

// TestStartScanSecondCharacters: patterns whose second character comes
// from different parts (an optional head, a single character before a
// repetition, an empty branch, folded case, a bounded repeat) find what
// they find whole, and skip where they can.
func TestStartScanSecondCharacters(t *testing.T) {
	t.Parallel()
	texts := []string{"", "a", "ab", "b", "xab ab b", "acd ad abd bd", "xyz xz yz", "AB aB Ab",
		"aab ab b aaab", "ccd cd d", "12天 1天 1 天 天", "a\xffb ab\xff", "ab😀 😀b", "ba bba"}
	for _, c := range []struct {
		pattern string
		seconds bool // skips by the second character
	}{
		{`a?b`, false}, // b alone matches
		{`a?bc`, true}, {`(?:ab|c)d`, true}, {`x*yz`, true}, {`x*z`, false}, {`(?i)ab`, true},
		{`a{0}bd`, true}, {`(?:)ab`, true}, {`[ab]{2,}`, true}, {`a+b`, true}, {`a(?:b|)`, false},
		{`\d+\s*天`, true}, {`(?:a|bc)?d`, false}, {`(?:a|bc)?dd`, true}, {`ab?`, false},
		{`[^a]b`, true}, {`😀b`, true}, {`b😀`, true},
	} {
		sc := newStartScan(regexp.MustCompile(c.pattern))
		if (sc.seconds != nil) != c.seconds {
			t.Errorf("%s: skips by the second character %v, want %v", c.pattern, sc.seconds != nil, c.seconds)
		}
		for _, text := range texts {
			checkStartScan(t, sc, text)
			if sc.matchString(text) != sc.re.MatchString(text) {
				t.Errorf("%s on %q: matchString is not MatchString", c.pattern, text)
			}
		}
	}
}

// FuzzStartScanFindsAsThePattern: on any text, every promise pattern
// tried where it can start finds what it finds (go test runs the seeds;
// go test -fuzz searches further).
func FuzzStartScanFindsAsThePattern(f *testing.F) {
	for _, c := range promiseCases {
		f.Add(Normalize(c.text))
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, sc := range promiseStarts() {
			checkStartScan(t, sc, text)
		}
	})
}

// TestStartScanMatchesAsThePattern: matchString says what MatchString
// says, for shippingPartial and every promise pattern.
func TestStartScanMatchesAsThePattern(t *testing.T) {
	t.Parallel()
	scans := append([]*startScan{shippingPartialScan()}, promiseStarts()...)
	if shippingPartialScan().starts == nil {
		t.Errorf("shippingPartial runs everywhere: want it tried where it can start")
	}
	matched := 0
	for _, text := range append(startScanTexts(t), "部分颜色预售", "大促期间", "最迟 3天") {
		for _, sc := range scans {
			got, want := sc.matchString(text), sc.re.MatchString(text)
			if got != want {
				t.Fatalf("%s on %q: matchString %v, MatchString %v", sc.re, text, got, want)
			}
			if want {
				matched++
			}
		}
	}
	if matched < 1000 {
		t.Errorf("%d matched: want more, or this proves little", matched)
	}
}
