package engine

import (
	"reflect"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// The trie finds every word of the text, where it starts, as looking each
// substring up would: for the prefilter's own words over the fixtures'
// and the corpus titles' texts, and for words of one character, of
// characters beyond the plane and of Latin letters.
func TestTextTrieFindsWhatLookingUpFinds(t *testing.T) {
	t.Parallel()
	small := newTextTrie()
	for _, w := range []string{"最", "最好", "最好的", "𠀀", "𠀀好", "好𠀀", "ab", "abc", "全网最低"} {
		small.add(w)
	}
	texts := []string{"", "最", "全网最低价最好的", "𠀀好𠀀𠀀", "xabcab", "好的最好"}
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			texts = append(texts, withoutSpace(facts.Normalize(ft.Text)))
		}
	}
	found := 0
	for name, trie := range map[string]*textTrie{"small": small, "prefilter": checker(t).Engine.gate.pre.words} {
		words := trieWords(trie)
		for _, text := range texts {
			got, want := trieHits(trie, text), lookedUp(words, text)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %q: trie finds %v, looking up %v", name, text, got, want)
			}
			found += len(got)
		}
	}
	if found < 10000 {
		t.Errorf("%d words found: want many more, or this proves little", found)
	}
}

type trieHit struct {
	at int
	w  *gateWord
}

func trieHits(trie *textTrie, text string) []trieHit {
	var out []trieHit
	trie.each((&trieText{}).read(text), func(at, _ int, w *gateWord) { out = append(out, trieHit{at, w}) })
	return out
}

// trieWords are the words of a trie, spelled back from its nodes.
func trieWords(trie *textTrie) map[string]*gateWord {
	spelled := map[int32]string{}
	for r, n := range trie.root {
		if n != 0 {
			spelled[n-1] = string(rune(r))
		}
	}
	for r, n := range trie.rootHigh {
		spelled[n] = string(r)
	}
	for grew := true; grew; {
		grew = false
		trie.edges.each(func(key uint64, n int32) {
			from, r := int32(key>>32), rune(uint32(key))
			if s, ok := spelled[from]; ok && spelled[n] == "" {
				spelled[n], grew = s+string(r), true
			}
		})
	}
	words := map[string]*gateWord{}
	for n, s := range spelled {
		if trie.words[n] != nil {
			words[s] = trie.words[n]
		}
	}
	return words
}

// lookedUp is every substring of text that is a word, by start, shortest
// first.
func lookedUp(words map[string]*gateWord, text string) []trieHit {
	var out []trieHit
	eachStretch(words, text, func(i, _ int, w *gateWord) { out = append(out, trieHit{i, w}) })
	return out
}

// eachStretch calls f with the start, the end and the word of every
// stretch of text that is a word, by start, shortest first.
func eachStretch(words map[string]*gateWord, text string, f func(i, j int, w *gateWord)) {
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := i; j < len(text); {
			_, n := utf8.DecodeRuneInString(text[j:])
			j += n
			if w := words[text[i:j]]; w != nil {
				f(i, j, w)
			}
		}
		i += size
	}
}

// Reading a text through its whitespace finds the words that looking up
// every stretch of the text without its whitespace (withoutSpace) finds,
// in the order, each starting and ending at the same characters and on
// the same side of the first and the last character that can start a
// figure (figureCharsIn): for whitespace and NUL of every kind, other
// controls and broken bytes, and the fixtures' and the corpus titles'
// texts as normalised and cut.
func TestTextTrieReadsThroughWhitespace(t *testing.T) {
	t.Parallel()
	c := checker(t)
	trie := c.Engine.gate.pre.words
	words := trieWords(trie)
	texts := []string{"", " ", "全网 最低", "全网 最低\u3000价", "3 件 最好", "\xff 全网\x00最低 \xe4\xb8",
		"最\u00a0好\u2029的\u0085 1", "全网\x01最低", "全网\u200b最低"}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r == 0 || unicode.IsSpace(r) {
			texts = append(texts, "全网"+string(r)+"最低"+string(r), string(r)+"包 邮 5"+string(r)+string(r)+"天")
		}
	}
	for _, l := range stemListings(t) {
		for _, ft := range facts.FieldTexts(l) {
			norm := facts.Normalize(ft.Text)
			texts = append(texts, norm, c.Engine.gate.dodges.CutText(norm))
		}
	}
	found := 0
	for _, text := range texts {
		got, want := spacedHits(trie, text), stretchHits(words, withoutSpace(text))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: reading through whitespace finds %v, looking up %v", text, got, want)
		}
		found += len(got)
	}
	if found < 10000 {
		t.Errorf("%d words found: want many more, or this proves little", found)
	}
}

// spacedHit is a word found, by the characters (whitespace left out)
// where it starts and ends, and where it stands against the figures.
type spacedHit struct {
	at, end          int
	w                *gateWord
	afterFirst, last bool
}

func spacedHits(trie *textTrie, text string) []spacedHit {
	first, last := figureCharsOfText(text)
	var out []spacedHit
	trie.each((&trieText{}).read(text), func(at, end int, w *gateWord) {
		out = append(out, spacedHit{keptBefore(text, at), keptBefore(text, end), w, at >= first, end <= last})
	})
	return out
}

// stretchHits are the words that are stretches of text, by start,
// shortest first (see lookedUp).
func stretchHits(words map[string]*gateWord, text string) []spacedHit {
	first, last := figureCharsOfText(text)
	var out []spacedHit
	eachStretch(words, text, func(i, j int, w *gateWord) {
		out = append(out, spacedHit{keptBefore(text, i), keptBefore(text, j), w, i >= first, j <= last})
	})
	return out
}

// keptBefore counts the characters before byte i of text that
// withoutSpace keeps.
func keptBefore(text string, i int) int {
	return utf8.RuneCountInString(withoutSpace(text[:i]))
}
