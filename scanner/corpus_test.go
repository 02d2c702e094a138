package scanner

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// A labelled case is a listing snippet and the rules a reviewer says must fire
// on it (and, optionally, the words they must quote). The labelled sets in
// testdata/labelled/{tuning,blind}/*.yaml score the rules' precision and
// recall (see labelled_test.go).
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
	Evidence    evidence             `yaml:"evidence"` // words the expected rules' findings must quote
	Note        string               `yaml:"note"`
}

// evidence is what a case's findings must quote: a list of words (each
// quoted by a finding of one of the case's expected rules) or a map from
// rule to words (each quoted by a finding of that rule).
type evidence struct {
	any    []string
	byRule map[string][]string
}

func (e *evidence) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		return n.Decode(&e.byRule)
	}
	if n.Kind == yaml.ScalarNode {
		e.any = []string{n.Value}
		return nil
	}
	return n.Decode(&e.any)
}

type labelledSet struct {
	Rules []string       `yaml:"rules"` // the rules this set scores
	Cases []labelledCase `yaml:"cases"`
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

// quote is what one finding points at: the words it quotes and its span in
// the text of its field.
type quote struct {
	evidence string
	text     string // the field's text
	s, e     int    // the span, byte offsets into text
}

// covers reports whether the finding points at word: it quotes the word,
// or the word occurs in its field overlapping its span (a finding on 治疗
// points at the reviewer's 治疗腰椎间盘突出).
func (q quote) covers(word string) bool {
	if strings.Contains(q.evidence, word) {
		return true
	}
	for from := 0; from < len(q.text); {
		k := strings.Index(q.text[from:], word)
		if k < 0 {
			return false
		}
		s := from + k
		if s < q.e && q.s < s+len(word) {
			return true
		}
		from = s + 1
	}
	return false
}

func (q quote) String() string { return q.evidence }

// caseFindings runs case i and returns, for every rule of the set that
// fired, what its findings point at.
func caseFindings(t *testing.T, c labelledCase, i int, rules map[string]bool) map[string][]quote {
	t.Helper()
	quoted := map[string][]quote{}
	for _, l := range c.listings(t, i) {
		found, doc, err := checker(t).CheckListing(context.Background(), l)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		for _, f := range found {
			if rules[f.Rule] {
				q := quote{evidence: f.Evidence, s: f.Span.Start, e: f.Span.End}
				if doc != nil && doc.Listing != nil {
					q.text = doc.Listing.Fields[f.Field].Text
				}
				quoted[f.Rule] = append(quoted[f.Rule], q)
			}
		}
	}
	return quoted
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
