package facts

import (
	"regexp"
	"slices"
	"testing"
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
