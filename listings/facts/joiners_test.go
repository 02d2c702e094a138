package facts

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// runeTokenizer cuts text into single characters, like jieba does with
// words it does not know.
type runeTokenizer struct{}

func (runeTokenizer) Tokenize(text string) []Token {
	var out []Token
	for i, r := range text {
		out = append(out, Token{T: string(r), S: i, E: i + utf8.RuneLen(r)})
	}
	return out
}

func TestTokenizeDropsJoinersInsideWords(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"star inside a ranking", "第*一品质", "第一品质"},
		{"full-width star and a run of them", "销＊＊量第一", "销量第一"},
		{"heart inside a superlative", "最❤好用", "最好用"},
		{"slash keeps its meaning", "男/女", "男/女"},
		{"star between figures is a product", "250ml*24盒", "250ml*24盒"},
		{"star after a word", "好评*", "好评*"},
	} {
		t.Run(c.name, func(t *testing.T) {
			toks := Tokenize(runeTokenizer{}, nil, c.text)
			got := ""
			for _, tk := range toks {
				got += tk.T
			}
			if got != Normalize(c.want) {
				t.Errorf("tokens of %q join to %q, want %q", c.text, got, Normalize(c.want))
			}
			if last := toks[len(toks)-1]; last.E != len(c.text) {
				t.Errorf("last token ends at %d, want the end of the text %d", last.E, len(c.text))
			}
		})
	}
}

// Evidence still quotes what the seller wrote: the word's span covers the
// joiner.
func TestTokenizeKeepsOriginalSpansAcrossJoiners(t *testing.T) {
	text := "纯牛奶 第*一品质"
	toks := Tokenize(runeTokenizer{}, nil, text)
	var first, second Token
	for k, tk := range toks {
		if tk.T == "第" {
			first, second = tk, toks[k+1]
		}
	}
	if second.T != "一" || text[first.S:second.E] != "第*一" {
		t.Fatalf("第 and 一 should be neighbours spanning 第*一, got %q %q (%q)", first.T, second.T, text[first.S:second.E])
	}
}

// isJoiner answers for exactly the characters of joiners, over the whole
// Basic Multilingual Plane.
func TestIsJoinerIsTheJoiners(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		if want := strings.ContainsRune(joiners, r); isJoiner(r) != want {
			t.Errorf("isJoiner(%q) = %v, want %v", r, !want, want)
		}
	}
	if !hasJoiner("销·量第一") || hasJoiner("销量第一 100%") {
		t.Error("hasJoiner does not find the joiner of 销·量第一 alone")
	}
}

// cutSigns, reading bytes, finds a joiner where reading the characters
// does, and a splitter where strings.ContainsAny does: in every text of
// the promise tests (fixtures, corpus titles), in every joiner between
// Chinese characters and beside a splitter, and where a joiner's bytes
// stand after a broken character or are themselves cut short.
func TestCutSignsReadAsTheCharacters(t *testing.T) {
	t.Parallel()
	byRunes := func(s string) bool {
		for _, r := range s {
			if isJoiner(r) {
				return true
			}
		}
		return false
	}
	texts := promiseTexts(t)
	for _, j := range joiners {
		js := string(j)
		texts = append(texts, "第"+js+"一", js, "\xe4"+js, "\xe4\xb8"+js, js[:len(js)-1], "中"+js[:len(js)-1]+"文", "消-炎"+js, js+"1.5米")
	}
	for _, c := range []string{"·", "•", "・", "★", "中", "。", "\u00a0"} {
		for k := 1; k < len(c); k++ {
			texts = append(texts, c[:k], c[:k]+"x", "\xe2"+c[k:], "\xc2"+c[k:], "\xe2"+c[k:]+"-")
		}
	}
	joins, splits := 0, 0
	for _, s := range texts {
		joiner, splitter := cutSigns(s)
		if want := byRunes(s); joiner != want {
			t.Errorf("cutSigns(%q) finds a joiner: %v, reading the characters %v", s, joiner, want)
		}
		if want := strings.ContainsAny(s, splitters); splitter != want {
			t.Errorf("cutSigns(%q) finds a splitter: %v, strings.ContainsAny %v", s, splitter, want)
		}
		if joiner {
			joins++
		}
		if splitter {
			splits++
		}
	}
	if joins < 100 || splits < 100 {
		t.Errorf("%d texts with a joiner, %d with a splitter: want more, or this proves little", joins, splits)
	}
}
