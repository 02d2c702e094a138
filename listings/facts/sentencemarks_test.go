package facts

import (
	"slices"
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

// isSentenceEnd: r is one of sentenceEnd's marks, as Sentences told them
// when it ranged over the text.
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}

// sentencesByRunes is Sentences as it was: ranging over the text.
func sentencesByRunes(text string) []Span {
	var out []Span
	start := 0
	for i, r := range text {
		if isSentenceEnd(r) {
			end := i + len(string(r))
			if strings.TrimSpace(text[start:i]) != "" {
				out = append(out, Span{S: start, E: end})
			}
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, Span{S: start, E: len(text)})
	}
	return out
}

// Sentences tells the marks by their bytes as ranging over the runes
// did, next to Chinese characters, look-alikes (other characters of the
// marks' lead bytes) and invalid bytes.
func TestSentencesByBytesAreByRunes(t *testing.T) {
	t.Parallel()
	parts := []string{"。", "！", "？", "；", "!", "?", ";", "\n", " ", "棉", "、", "＂", "｀", "\xe3", "\xef\xbc", "\xe4\xb8", "\xe4!", "\xbc\x81", "a", "\u3000"}
	spans := 0
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range parts {
				for _, d := range []string{"", "好", "\xe6"} {
					s := a + b + d + c
					got, want := Sentences(s), sentencesByRunes(s)
					if !slices.Equal(got, want) {
						t.Errorf("Sentences(%q) = %v, want %v", s, got, want)
					}
					spans += len(got)
				}
			}
		}
	}
	if spans < 1000 {
		t.Errorf("%d sentences found: the texts hold too few marks", spans)
	}
}
