package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// A labelled case is a listing snippet and the rules a reviewer says must fire
// on it (and, optionally, the words they must quote). The labelled sets in
// fixtures/labelled/*.yaml score the rules' precision and recall.
type labelledCase struct {
	Name        string               `yaml:"name"`
	Title       string               `yaml:"title"`
	Subtitle    string               `yaml:"subtitle"`
	Description string               `yaml:"description"`
	Category    string               `yaml:"category"`
	Price       float64              `yaml:"price"`
	Attributes  map[string]string    `yaml:"attributes"`
	AttrList    []listings.Attribute `yaml:"attribute_list"`
	SKUs        []string             `yaml:"skus"`
	Promises    []string             `yaml:"promises"`
	File        string               `yaml:"file"`     // a fixture page or listing file instead of inline fields
	Expect      []string             `yaml:"expect"`   // rules (of the set's rules) that must fire
	Evidence    []string             `yaml:"evidence"` // words that must be quoted by those findings
	Note        string               `yaml:"note"`
}

type labelledSet struct {
	Rules []string       `yaml:"rules"` // the rules this set scores
	Cases []labelledCase `yaml:"cases"`
}

// score is a rule's confusion counts over a labelled set.
type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func loadLabelledSet(t *testing.T, path string) labelledSet {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var set labelledSet
	if err := yaml.Unmarshal(raw, &set); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return set
}

func (c labelledCase) listings(t *testing.T, i int) []*listings.Listing {
	t.Helper()
	if c.File != "" {
		return parseFixture(t, filepath.Join("..", c.File))
	}
	l := &listings.Listing{
		ID: fmt.Sprintf("case-%d", i), Source: "labelled", Platform: "taobao",
		Title: c.Title, Subtitle: c.Subtitle, Description: c.Description, Category: c.Category,
		Price: listings.Price{Min: c.Price, Currency: "CNY"}, SKUs: c.SKUs, Promises: c.Promises,
		Attributes: c.AttrList,
	}
	keys := make([]string, 0, len(c.Attributes))
	for k := range c.Attributes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		l.Attributes = append(l.Attributes, listings.Attribute{Name: k, Value: c.Attributes[k]})
	}
	return []*listings.Listing{l}
}

// runLabelledSet checks every case and returns the scores per rule,
// reporting each miss and each false alarm.
func runLabelledSet(t *testing.T, path string) map[string]*score {
	t.Helper()
	set := loadLabelledSet(t, path)
	scores := make(map[string]*score, len(set.Rules))
	for _, r := range set.Rules {
		scores[r] = &score{}
	}
	for i, c := range set.Cases {
		var fired []string
		var quoted []string
		for _, l := range c.listings(t, i) {
			found, _, err := checker(t).CheckListing(context.Background(), l)
			if err != nil {
				t.Fatalf("case %d: %v", i, err)
			}
			for _, f := range found {
				if scores[f.Rule] != nil {
					fired = append(fired, f.Rule)
					quoted = append(quoted, f.Evidence)
				}
			}
		}
		tally(t, scores, c, i, fired, quoted)
	}
	return scores
}

func tally(t *testing.T, scores map[string]*score, c labelledCase, i int, fired, quoted []string) {
	t.Helper()
	label := c.Name
	if label == "" {
		label = firstNonEmpty(c.Title, c.Description, c.Subtitle, c.File)
	}
	for rule, s := range scores {
		want, got := slices.Contains(c.Expect, rule), slices.Contains(fired, rule)
		switch {
		case want && got:
			s.tp++
		case got:
			s.fp++
			t.Logf("false alarm %s on case %d %q (quoted %q)", rule, i, label, quoted)
		case want:
			s.fn++
			t.Logf("missed %s on case %d %q", rule, i, label)
		}
	}
	for _, w := range c.Evidence {
		if !slices.ContainsFunc(quoted, func(q string) bool { return strings.Contains(q, w) }) {
			t.Errorf("case %d %q: no finding quotes %q (quoted %q)", i, label, w, quoted)
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// TestLabelledSets scores every fixtures/labelled/*.yaml set: precision and
// recall of each rule must be at least 0.95. Run with -v to see the table.
func TestLabelledSets(t *testing.T) {
	t.Parallel()
	paths, _ := filepath.Glob(filepath.Join("..", "fixtures", "labelled", "*.yaml"))
	if len(paths) == 0 {
		t.Skip("no labelled sets yet")
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			set := loadLabelledSet(t, path)
			scores := runLabelledSet(t, path)
			t.Logf("%s: %d cases", filepath.Base(path), len(set.Cases))
			for _, rule := range set.Rules {
				s := scores[rule]
				t.Logf("  %-20s tp=%-4d fp=%-3d fn=%-3d precision=%.3f recall=%.3f", rule, s.tp, s.fp, s.fn, s.precision(), s.recall())
				if s.precision() < 0.95 || s.recall() < 0.95 {
					t.Errorf("%s: precision %.3f recall %.3f, want both ≥ 0.95", rule, s.precision(), s.recall())
				}
			}
		})
	}
}
