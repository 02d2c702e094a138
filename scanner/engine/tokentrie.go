package engine

import (
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// tokenTrie holds the gate's words (gate.words) for its token stage: the
// runs of tokens from a start are found in one walk, a step per
// character, across the tokens' boundaries. Looking each run up as a
// string cost two hashes of the whole run (the word, then its stem) per
// length, and most tokens start no word: their walk ends at the first
// character, one array read.
type tokenTrie struct {
	t     *textTrie
	empty *gateWord // the entry of "" (a run of empty tokens), if any
}

// newTokenTrie holds words. A key that is not valid UTF-8 is left out:
// the tokens are normalised text, and no run of theirs is such a key.
func newTokenTrie(words map[string]*gateWord) tokenTrie {
	tt := tokenTrie{t: newTextTrie(), empty: words[""]}
	for k, w := range words {
		if k == "" || !utf8.ValidString(k) {
			continue
		}
		node := int32(-1)
		for _, r := range k {
			node = tt.t.child(node, r)
		}
		tt.t.words[node] = w
	}
	return tt
}

// addRuns adds to m every run of 1 to maxLexiconRun tokens of field
// from token i that is a word (marks.addRun).
func (tt tokenTrie) addRuns(m *marks, field string, toks []facts.Token, i int) {
	node := int32(-1) // the root: the run so far is ""
	for last := i; last < i+maxLexiconRun && last < len(toks); last++ {
		s := toks[last].T
		for j := 0; j < len(s); {
			r, size := runes.At(s, j) // see runes
			if size == 0 {
				if r, size = utf8.DecodeRuneInString(s[j:]); r == utf8.RuneError && size == 1 {
					return // no word holds a byte that is not UTF-8
				}
			}
			var ok bool
			if node, ok = tt.t.step(node, r); !ok {
				return // no word goes on so: nor does any longer run
			}
			j += size
		}
		if w := tt.at(node); w != nil {
			m.addRun(w, field, i, last)
		}
	}
}

// mayStart: some word may start with character r (small enough to
// inline).
func (tt tokenTrie) mayStart(r rune) bool {
	return r < 0 || r >= 0x10000 || tt.t.root[r] != 0
}

// at is the entry of the word ending at node (-1: "").
func (tt tokenTrie) at(node int32) *gateWord {
	if node < 0 {
		return tt.empty
	}
	return tt.t.words[node]
}
