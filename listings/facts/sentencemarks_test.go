package facts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestIsSentenceEndIsTheMarks: the switch answers as sentenceEnd does,
// for every character and for a byte that is not UTF-8.
func TestIsSentenceEndIsTheMarks(t *testing.T) {
	t.Parallel()
	marks := 0
	for r := rune(0); r <= utf8.MaxRune; r++ {
		want := strings.ContainsRune(sentenceEnd, r)
		if got := isSentenceEnd(r); got != want {
			t.Errorf("isSentenceEnd(%U) = %v, sentenceEnd holds it: %v", r, got, want)
		}
		if want {
			marks++
		}
	}
	if marks != utf8.RuneCountInString(sentenceEnd) {
		t.Errorf("%d marks found, sentenceEnd has %d", marks, utf8.RuneCountInString(sentenceEnd))
	}
}
