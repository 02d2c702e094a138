package engine

import (
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// TestTokenTrieMarksAsTheMap: the gate's token stage, walking its words
// in the trie, marks what looking every run of 1 to maxLexiconRun tokens
// up in its words marks, over the fixtures and the corpus titles (or the
// labelled texts without the corpus).
func TestTokenTrieMarksAsTheMap(t *testing.T) {
	t.Parallel()
	j := checker(t)
	g := j.Engine.gate
	long := 0
	for _, l := range stemListings(t) {
		for name, f := range j.Builder.Build(l).Listing.Fields {
			got, want := g.newMarks(), g.newMarks()
			g.markWords(name, f.Tokens, got)
			long += g.markWordsByMap(name, f.Tokens, want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s %s %s: gate marks differ\n trie: %+v\n  map: %+v", l.Source, l.ID, name, got, want)
			}
		}
	}
	t.Logf("%d words of two tokens or more found", long)
	if long < 20 {
		t.Errorf("%d words of two tokens or more found: want some, or this proves nothing of the walk across tokens", long)
	}
}

// markWordsByMap is markWords looking every run up in g.words; it
// returns how many runs of two tokens or more it found.
func (g *gate) markWordsByMap(field string, toks []facts.Token, m *marks) int {
	long := 0
	for i, tok := range toks {
		if r, size := utf8.DecodeRuneInString(tok.T); size > 0 && g.prefixStarts.MayHave(r) {
			g.markPrefix(field, tok.T, tok.T[:size], i, m)
		}
		key := ""
		for n := 0; n < maxLexiconRun && i+n < len(toks); n++ {
			if key += toks[i+n].T; g.words[key] != nil {
				m.addRun(g.words[key], field, i, i+n)
				long += min(n, 1)
			}
		}
	}
	return long
}

// TestTokenTrieRuns: the walk finds the words that runs of whole tokens
// spell, across empty tokens, and none through a byte that is not UTF-8
// (a key holding one is left out; U+FFFD itself is a character like any).
func TestTokenTrieRuns(t *testing.T) {
	keys := []string{"", "防", "防水", "防水面料", "\uFFFD", "a\xffb", "水面"}
	words := map[string]*gateWord{}
	for i, k := range keys {
		words[k] = &gateWord{before: []int{i}}
	}
	tt := newTokenTrie(words)
	for _, c := range []struct {
		toks []string
		i    int
		want []pendingBefore // alt: the index of the key; end: its last token
	}{
		{[]string{"防水", "面料"}, 0, []pendingBefore{{2, "f", 0}, {3, "f", 1}}},
		{[]string{"防", "水", "面", "料"}, 0, []pendingBefore{{1, "f", 0}, {2, "f", 1}, {3, "f", 3}}},
		{[]string{"防", "", "水"}, 0, []pendingBefore{{1, "f", 0}, {1, "f", 1}, {2, "f", 2}}},
		{[]string{"", "防"}, 0, []pendingBefore{{0, "f", 0}, {1, "f", 1}}},
		{[]string{"防", "水", "面", "料"}, 1, []pendingBefore{{6, "f", 2}}},
		{[]string{"防", "水", "面", "料"}, 2, []pendingBefore{}},
		{[]string{"水面"}, 0, []pendingBefore{{6, "f", 0}}},
		{[]string{"\uFFFD", "x"}, 0, []pendingBefore{{4, "f", 0}}},
		{[]string{"a\xffb"}, 0, []pendingBefore{}},
		{[]string{"\xff"}, 0, []pendingBefore{}},
		{[]string{"", "", "", "", "防"}, 0, []pendingBefore{{0, "f", 0}, {0, "f", 1}, {0, "f", 2}, {0, "f", 3}}}, // four tokens at most
	} {
		toks := make([]facts.Token, len(c.toks))
		for k, s := range c.toks {
			toks[k] = facts.Token{T: s}
		}
		m := &marks{before: []pendingBefore{}}
		tt.addRuns(m, "f", toks, c.i)
		if !slices.Equal(m.before, c.want) {
			t.Errorf("%q from %d: found %v, want %v", c.toks, c.i, m.before, c.want)
		}
	}
}
