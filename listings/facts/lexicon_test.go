package facts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// matchByMap is lexicon.match as it was before the marks and the buffer:
// every length of the first rune, looked up as a string.
func matchByMap[T comparable](lx *lexicon[T], t *scanText, i int) (entry T, end int, ok bool) {
	for _, n := range lx.lengths[t.at(i)] {
		if i+n > t.len() {
			continue
		}
		e, found := lx.words[t.norm(i, i+n)]
		if found && asciiBounded(t, i, i+n) {
			return e, i + n, true
		}
	}
	return entry, i, false
}

// lexiconTexts are texts to match in: the promise cases, fixtures and
// corpus (or labelled) texts, and every word of every lexicon alone, glued
// to its neighbours, cut short, before a bracket and with odd bytes.
func lexiconTexts(t *testing.T) []string {
	texts := promiseTexts(t)
	var words []string
	for w := range fibreLexicon.words {
		words = append(words, w)
	}
	for w := range partLexicon.words {
		words = append(words, w)
	}
	for w := range labelLexicon.words {
		words = append(words, w)
	}
	for w := range downLexicon.words {
		words = append(words, w)
	}
	for _, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		texts = append(texts, w, "x"+w+"y", w+w, w[:len(w)-1], "纯"+w+"(棉)", string(r)+"\xff"+w[size:],
			w+"\U0001F600", "\U0001F600"+w, strings.ToUpper(w)+" "+w+"s")
	}
	return append(texts, "", "\xff", "\xe6\xa3", "涤\x00棉", "棉\ufffd", "\U0001F600棉")
}

func checkMatch[T comparable](t *testing.T, name string, lx *lexicon[T], st *scanText) int {
	found := 0
	for i := -2; i <= st.len()+1; i++ {
		e, end, ok := lx.match(st, i)
		we, wend, wok := matchByMap(lx, st, i)
		if e != we || end != wend || ok != wok {
			t.Fatalf("%s.match(%q, %d) = %v %d %v; by the map %v %d %v", name, st.src, i, e, end, ok, we, wend, wok)
		}
		if ok {
			found++
		}
	}
	return found
}

// TestMatchAsTheMapAlone: the marks and the buffer change no match of any
// lexicon at any position of any text.
func TestMatchAsTheMapAlone(t *testing.T) {
	t.Parallel()
	found := 0
	for _, text := range lexiconTexts(t) {
		st := newScanText(text)
		found += checkMatch(t, "partLexicon", partLexicon, st)
		found += checkMatch(t, "labelLexicon", labelLexicon, st)
		found += checkMatch(t, "downLexicon", downLexicon, st)
		for i := -2; i <= st.len()+1; i++ { // fibreWord holds slices: compare its fields
			w, end, ok := fibreLexicon.match(st, i)
			ww, wend, wok := matchByMap(&lexicon[string]{words: fibreNames, lengths: fibreLexicon.lengths}, st, i)
			if end != wend || ok != wok || (ok && strings.Join(w.std, "+") != ww) {
				t.Fatalf("fibreLexicon.match(%q, %d) = %v %d %v; by the map %q %d %v", text, i, w, end, ok, ww, wend, wok)
			}
			if ok {
				found++
			}
		}
	}
	if found < 5000 {
		t.Errorf("%d words found: want more, or this proves little", found)
	}
}

// fibreNames are the fibre words with their standard names, comparable.
var fibreNames = func() map[string]string {
	m := make(map[string]string)
	for w, e := range fibreLexicon.words {
		m[w] = strings.Join(e.std, "+")
	}
	return m
}()

// TestItemStartsMarkEveryStart: the bit tests say what the maps say, for
// every rune.
func TestItemStartsMarkEveryStart(t *testing.T) {
	t.Parallel()
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		if mayStartItem(r) != mayStartAnItem(r) {
			t.Fatalf("mayStartItem(%U) = %v, mayStartAnItem %v", r, mayStartItem(r), mayStartAnItem(r))
		}
		if mayStartAnItem(r) && !itemStarts.MayHave(r) {
			t.Fatalf("%U may start an item and is not marked", r)
		}
		if fibreLexicon.starts(r) != (len(fibreLexicon.lengths[r]) > 0) ||
			downLexicon.starts(r) != (len(downLexicon.lengths[r]) > 0) ||
			partLexicon.starts(r) != (len(partLexicon.lengths[r]) > 0) {
			t.Fatalf("starts(%U) differs from the lengths", r)
		}
	}
}

// TestHasAtAsRanging: hasAt and containsRune, which read their word with
// runes.At, say what ranging over the word says.
func TestHasAtAsRanging(t *testing.T) {
	t.Parallel()
	hasAt := func(st *scanText, i int, word string) bool {
		for _, r := range word {
			if st.at(i) != r || r == 0 {
				return false
			}
			i++
		}
		return true
	}
	contains := func(set string, r rune) bool {
		for _, s := range set {
			if s == r {
				return true
			}
		}
		return false
	}
	words := []string{"", "纯", "百分之百", "(含)", "≥", ">=", "不低于", "\xff", "棉\xff", "\U0001F600", "a\x00", "含\xe6\xa3"}
	for _, text := range []string{"百分之百纯棉(含)≥95%", "不低于>=\U0001F600", "\xff棉\xff", "含\xe6\xa3", "a\x00"} {
		st := newScanText(text)
		for i := -1; i <= st.len(); i++ {
			for _, w := range words {
				if hasAt(st, i, w) != st.hasAt(i, w) {
					t.Fatalf("hasAt(%q, %d, %q) = %v", text, i, w, st.hasAt(i, w))
				}
			}
		}
	}
	for r := rune(-1); r <= utf8.MaxRune+1; r++ {
		for _, set := range []string{pairSeparators, clusterBreaks, "-~至到", "\xff\U0001F600", "套罩单面"} {
			if contains(set, r) != containsRune(set, r) {
				t.Fatalf("containsRune(%q, %U) = %v", set, r, containsRune(set, r))
			}
		}
	}
}

// TestBoundBeforeAsTheNorm: boundBefore compares in place what it compared
// as a string of the normalised text.
func TestBoundBeforeAsTheNorm(t *testing.T) {
	t.Parallel()
	byNorm := func(st *scanText, i int) bool {
		j := st.skipBack(i, " ")
		for _, w := range []string{"≥", ">=", ">", "不低于", "不少于", "大于", "超过"} {
			n := len([]rune(w))
			if st.norm(j-n, j) == w {
				return true
			}
		}
		return false
	}
	bounds := 0
	for _, text := range append(promiseTexts(t), "≥95%", "> 95%", "不低于 95%", "大于95", "超过", "于95", ">=", "=95") {
		st := newScanText(text)
		for i := 0; i <= st.len(); i++ {
			if got := boundBefore(st, i); got != byNorm(st, i) {
				t.Fatalf("boundBefore(%q, %d) = %v", text, i, got)
			} else if got {
				bounds++
			}
		}
	}
	if bounds < 10 {
		t.Errorf("%d bounds: want more, or this proves little", bounds)
	}
}
