package engine

import (
	"sort"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// TestWordListKeysAreMatchable: a word of a rule's list (data.tables.<t>.words,
// and the words of its word-class patterns, pattern_heads and pattern_words)
// is matched as a run of at most maxLexiconRun whole tokens in its normalised
// form. A key the segmenter cuts into more tokens, or that is not written in
// normalised form (lower case, simplified, half-width), can never match: it
// is a silent hole in the list.
func TestWordListKeysAreMatchable(t *testing.T) {
	t.Parallel()
	b, err := policies.Load(policies.FS(), "xiaoer", false)
	if err != nil {
		t.Fatal(err)
	}
	tk := checker(t).Builder.Tokenizer
	tables, _ := b.Data["tables"].(map[string]any)
	var bad []string
	for name, table := range tables {
		tab, _ := table.(map[string]any)
		for _, lexicon := range []string{"words", "pattern_heads", "pattern_words"} {
			bad = append(bad, unmatchable(tk, name+"."+lexicon, tab[lexicon])...)
		}
	}
	sort.Strings(bad)
	for _, b := range bad {
		t.Error(b)
	}
}

// unmatchable lists the keys of lexicon (an object keyed by word) that can
// never match a run of tokens, named "table.lexicon: key → tokens".
func unmatchable(tk facts.Tokenizer, name string, lexicon any) []string {
	words, _ := lexicon.(map[string]any)
	var bad []string
	for key := range words {
		toks := facts.Tokenize(tk, nil, key)
		joined := make([]string, len(toks))
		for i, tok := range toks {
			joined[i] = tok.T
		}
		if facts.Normalize(key) != key || len(toks) > maxLexiconRun || strings.Join(joined, "") != key {
			bad = append(bad, name+": "+key+" → "+strings.Join(joined, "|"))
		}
	}
	return bad
}
