package engine

import (
	"reflect"
	"testing"
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
	trie.each(text, func(at, _ int, w *gateWord) { out = append(out, trieHit{at, w}) })
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
		for key, n := range trie.edges {
			from, r := int32(key>>32), rune(uint32(key))
			if s, ok := spelled[from]; ok && spelled[n] == "" {
				spelled[n], grew = s+string(r), true
			}
		}
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
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		for j := i; j < len(text); {
			_, n := utf8.DecodeRuneInString(text[j:])
			j += n
			if w := words[text[i:j]]; w != nil {
				out = append(out, trieHit{i, w})
			}
		}
		i += size
	}
	return out
}
