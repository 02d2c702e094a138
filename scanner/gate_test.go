package scanner

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/engine"
)

// TestGateChangesNoFinding judges every listing of every labelled set
// (scanner/testdata/labelled and fixtures/labelled, wherever they are),
// every fixture and, when the corpus is there, every real title both
// ways: with the rules' needs (a rule skipped where nothing it needs is
// present) and with every rule evaluated. The findings must be the same,
// and the gate must have skipped something, or it proves nothing.
func TestGateChangesNoFinding(t *testing.T) {
	t.Parallel()
	all := newChecker(t, engine.Options{EvaluateAll: true})
	ls := knownListings(t)
	skippedAll, skippedSome, unbuilt := 0, 0, 0
	for _, l := range ls {
		gated := judge(t, checker(t), l)
		if every := judge(t, all, l); gated != every {
			t.Errorf("%s %s: gated findings differ\n gated: %s\n   all: %s", l.Source, l.ID, gated, every)
		}
		skip, none := checker(t).Engine.Skipped(checker(t).Builder.Build(l))
		switch {
		case none:
			skippedAll++
		case len(skip) > 0:
			skippedSome++
		}
		// The prefilter skips building a listing only where the gate
		// would skip every rule of the built document.
		if copied := *l; checker(t).Engine.Unjudged(&copied, func() map[string]facts.Field { return checker(t).Builder.Fields(&copied) }) {
			unbuilt++
			if !none {
				t.Errorf("%s %s: not built, but the gate evaluates rules %v skipped of them", l.Source, l.ID, skip)
			}
		}
	}
	t.Logf("%d listings: %d judged by no rule (%d of them not built), %d by some rules only", len(ls), skippedAll, unbuilt, skippedSome)
	if len(ls) < 500 || skippedAll == 0 || skippedSome == 0 || unbuilt == 0 {
		t.Errorf("%d listings, %d skipped whole (%d not built), %d in part: want hundreds, and every kind of skip", len(ls), skippedAll, unbuilt, skippedSome)
	}
}

func newChecker(t *testing.T, opts engine.Options) *Checker {
	t.Helper()
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	c, err := NewChecker(context.Background(), opts, func() time.Time { return fixed })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// judge is a listing's findings (or error) as JSON.
func judge(t *testing.T, c *Checker, l *listings.Listing) string {
	t.Helper()
	copied := *l // the checker may fill in the platform
	found, _, err := c.CheckListing(context.Background(), &copied)
	return findingsJSON(t, found, err)
}

// knownListings are the listings the both-ways tests judge: every labelled
// set (scanner/testdata/labelled and fixtures/labelled), every fixture and,
// when the corpus is there, every real title.
func knownListings(t *testing.T) []*listings.Listing {
	t.Helper()
	var ls []*listings.Listing
	for _, root := range []string{labelledDir, filepath.Join("..", "fixtures", "labelled")} {
		ls = append(ls, labelledListings(t, root)...)
	}
	ls = append(ls, fixtureListings(t, filepath.Join("..", "fixtures"))...)
	return append(ls, corpusTitleListings(t)...)
}

// labelledListings are the listings of every labelled set under root
// (none when root does not exist).
func labelledListings(t *testing.T, root string) []*listings.Listing {
	t.Helper()
	var out []*listings.Listing
	walkFiles(t, root, func(path string) {
		if filepath.Ext(path) != ".yaml" {
			return
		}
		for i, c := range loadLabelledSet(t, path).Cases {
			out = append(out, c.listings(t, i)...)
		}
	})
	return out
}

// fixtureListings are the listings of every fixture file that holds
// listings (orders, tracking and labelled sets do not).
func fixtureListings(t *testing.T, root string) []*listings.Listing {
	t.Helper()
	var out []*listings.Listing
	walkFiles(t, root, func(path string) {
		if strings.Contains(path, "labelled") || strings.Contains(path, "shipments") {
			return
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if ls, err := ParseInput(path, raw); err == nil {
			out = append(out, ls...)
		}
	})
	return out
}

func walkFiles(t *testing.T, root string, visit func(path string)) {
	t.Helper()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && path == root {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() {
			visit(path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}

// corpusTitleListings are the real titles of the corpus, when it is there
// ($XIAOER_CORPUS, else the shared corpus folder beside the repository).
func corpusTitleListings(t *testing.T) []*listings.Listing {
	t.Helper()
	dir := os.Getenv("XIAOER_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	}
	path := filepath.Join(dir, "titles", "taobao_titles_train.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Logf("no corpus titles (%v): labelled sets and fixtures only", err)
		return nil
	}
	ls, err := listings.ParseTitles(path, raw)
	if err != nil {
		t.Fatal(err)
	}
	return ls
}
