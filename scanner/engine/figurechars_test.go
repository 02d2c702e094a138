package engine

import (
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// firstFigureChar and figureCharsIn (of the characters the trie reads), find the
// characters strings.IndexFunc and strings.LastIndexFunc find: over the
// fixtures and corpus titles, normalised, and every character that can
// start a figure among Chinese characters, digits and broken bytes.
func TestFigureCharsReadAsIndexFunc(t *testing.T) {
	t.Parallel()
	var texts []string
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, facts.Normalize(ft.Text))
		}
	}
	for _, r := range "0123456789零一二两三四五六七八九十百千万亿" {
		c := string(r)
		for _, around := range []string{"", "包", "\xe4", "\xe4\xb8", "\xb8", "a", "\xf0\x9f"} {
			texts = append(texts, around+c, c+around, around+c+"件"+around+c+around, "新款"+around+c[:len(c)-1]+"码")
		}
	}
	found := 0
	for _, s := range texts {
		want := strings.IndexFunc(s, facts.StartsFigure)
		wantLast := strings.LastIndexFunc(s, facts.StartsFigure)
		if want < 0 {
			want = len(s)
		} else {
			found++
		}
		first, last := figureCharsOfText(s)
		if first != want || last != wantLast || firstFigureChar(s) != want {
			t.Errorf("%q: figure characters from %d (first alone %d) to %d, by IndexFunc %d to %d", s, first, firstFigureChar(s), last, want, wantLast)
		}
	}
	if found < 1000 {
		t.Errorf("%d texts with a figure character: want more, or this proves little", found)
	}
}

// figureCharsOfText is figureCharsIn of text's characters as the trie
// reads them.
func figureCharsOfText(text string) (first, last int) {
	return figureCharsIn((&trieText{}).read(text), len(text))
}
