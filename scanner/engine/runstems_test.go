package engine

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// TestRunStemsChangeNoRun: ending the runs at the first one that is no
// stem (looked up in runKeys) gives the same lexicon facts as looking
// every run of 1 to maxLexiconRun tokens up, over the fixtures (pages,
// listing files, the export) and, when the corpus is there, every real
// title.
func TestRunStemsChangeNoRun(t *testing.T) {
	t.Parallel()
	j := checker(t)
	all := j.Engine.lexicon
	all.stems, all.runs = nil, nil
	runs, longest := 0, 0
	for _, l := range stemListings(t) {
		fields := j.Builder.Build(l).Listing.Fields
		got, want := lexiconFacts(fields, j.Engine.lexicon, nil, allTables).Value, lexiconFacts(fields, all, nil, allTables).Value
		if got.Compare(want) != 0 {
			t.Errorf("%s %s: lexicon facts differ\n with stems: %v\n   without: %v", l.Source, l.ID, got, want)
		}
		n, most := longRuns(want.String())
		runs, longest = runs+n, max(longest, most)
	}
	t.Logf("%d runs of two tokens or more found, the longest of %d", runs, longest)
	if runs < 50 || longest < 3 {
		t.Errorf("%d runs of two tokens or more, the longest of %d: want runs up to 3 tokens or more, or this proves nothing", runs, longest)
	}
}

// longRuns counts the runs of two tokens or more in lexicon facts as
// text, and the most tokens of one.
func longRuns(s string) (int, int) {
	count, most := 0, 0
	for n := 2; n <= maxLexiconRun; n++ {
		if c := strings.Count(s, `"n": `+string(rune('0'+n))); c > 0 {
			count, most = count+c, n
		}
	}
	return count, most
}

// stemListings are the listings of the fixtures, and the corpus titles
// when the corpus is there.
func stemListings(t *testing.T) []*listings.Listing {
	t.Helper()
	var paths []string
	for _, glob := range []string{"pages/*.html", "listings/*", "material/*", "exports/*.csv"} {
		found, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", glob))
		paths = append(paths, found...)
	}
	var out []*listings.Listing
	if dir, err := testcorpus.Find(); err == nil && dir != "" {
		paths = append(paths, filepath.Join(dir, "titles", "taobao_titles_train.txt"))
	} else {
		out = append(out, labelledListings(t)...)
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		parse := listings.Parse
		switch {
		case listings.IsExportFile(p):
			parse = listings.ParseExport
		case strings.HasSuffix(p, ".txt"):
			parse = listings.ParseTitles
		}
		ls, err := parse(p, raw)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		out = append(out, ls...)
	}
	if len(out) < 10 {
		t.Fatalf("%d listings in the fixtures: want more", len(out))
	}
	return out
}

// Every proper prefix of a lexicon key and a context word is a stem the
// lookups go on from: a run that stops short of one of them would leave
// its rules out. (The gate's words, not all the lexicon's, are walked in
// a trie: tokentrie_test.go.)
func TestRunStemsHoldEveryPrefixOfTheKeys(t *testing.T) {
	t.Parallel()
	e := checker(t).Engine
	keys, checked := map[string]string{}, 0
	for k := range e.lexicon.words {
		keys[k] = "lexicon key"
	}
	for k := range e.lexicon.context {
		keys[k] = "context word"
	}
	for k, kind := range keys {
		for i := range k {
			if i == 0 {
				continue
			}
			checked++
			if !e.lexicon.stems.extends([]byte(k[:i])) {
				t.Errorf("%s %q: its prefix %q is no stem", kind, k, k[:i])
			}
		}
	}
	if checked < 1000 {
		t.Errorf("%d prefixes checked: want the library's keys", checked)
	}
}

// labelledListings are the labelled cases' texts as title listings, for
// a run without the shared corpus: as many realistic texts as its titles.
func labelledListings(t *testing.T) []*listings.Listing {
	t.Helper()
	texts, err := testcorpus.LabelledTexts()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("no corpus: the labelled cases' %d texts stand in for its titles", len(texts))
	out := make([]*listings.Listing, len(texts))
	for i, text := range texts {
		out[i] = &listings.Listing{Source: "labelled", ID: strconv.Itoa(i), Title: text}
	}
	return out
}
