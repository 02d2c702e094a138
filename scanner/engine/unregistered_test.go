package engine

import (
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// unregisteredRules are the rules whose unregistered hits
// xiaoer.unregistered_hits gives.
var unregisteredRules = []string{"ad_unsourced_claim", "ad_pressure", "ad_absolute"}

// TestUnregisteredHitsAsRego: on every engine document of the fixtures,
// the corpus (or labelled) titles, the labelled texts and brand
// listings, xiaoer.unregistered_hits gives each rule's hits that
// lexicon.registered does not exempt, in the Rego's order, wherever it
// answers (the rare restated negation it leaves to the Rego), and a
// document built by hand to the Rego.
func TestUnregisteredHitsAsRego(t *testing.T) {
	t.Parallel()
	c := checker(t)
	builtin, walked, all := map[string]rego.PreparedEvalQuery{}, map[string]rego.PreparedEvalQuery{}, map[string]rego.PreparedEvalQuery{}
	for _, r := range unregisteredRules {
		hits := "data.xiaoer.rules." + r + ".hits"
		all[r] = packQuery(t, "x := "+hits)
		builtin[r] = packQuery(t, `x := xiaoer.unregistered_hits(input.listing, `+hits+`, data.xiaoer.lib.lexicon.registered_names, data.xiaoer.lib.lexicon.brand_names, data.tables.negation)`)
		walked[r] = packQuery(t, `x := [c | some c in `+hits+`; not data.xiaoer.lib.lexicon.registered(c)]`)
	}
	answered, exempted, left := 0, 0, 0
	for _, l := range unregisteredListings(t) {
		in, err := c.Engine.input(c.Builder.Build(l), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range unregisteredRules {
			b, w := brandAnswer(t, builtin[r], in), brandAnswer(t, walked[r], in)
			switch {
			case b == nil:
				left++
			case w == nil || ast.Compare(b, w) != 0:
				t.Errorf("%s %s %q, %s: builtin %v, Rego %v", l.Source, l.ID, l.Title, r, b, w)
			default:
				answered++
				if hs := brandAnswer(t, all[r], in); hs != nil && lenOf(hs) > b.(*ast.Array).Len() {
					exempted++
				}
			}
		}
	}
	t.Logf("%d answers, %d of them with a hit exempted; %d left to the Rego", answered, exempted, left)
	if answered < 100 || exempted < 10 {
		t.Errorf("%d answers, %d with a hit exempted: want more", answered, exempted)
	}
	direct := packQuery(t, `x := xiaoer.unregistered_hits(input.listing, [{"field": "title", "i": 0, "n": 1, "key": "最"}], {}, {}, {})`)
	if b := brandAnswer(t, direct, ast.MustParseTerm(`{"listing": {"fields": {}, "lexicon": {"held": {}}}}`).Value); b != nil {
		t.Errorf("document built by hand (no found list): builtin %v; want undefined", b)
	}
}

// lenOf is the number of hits, a set or an array.
func lenOf(v ast.Value) int {
	switch c := v.(type) {
	case *ast.Array:
		return c.Len()
	case ast.Set:
		return c.Len()
	}
	return 0
}

// unregisteredListings are the fixture and corpus (or labelled)
// listings, the labelled texts, the brand listings, and every fifth
// title and labelled text again with a 品牌 attribute of its first four
// characters, a name its hits may lie inside.
func unregisteredListings(t *testing.T) []*listings.Listing {
	t.Helper()
	texts, err := testcorpus.LabelledTexts()
	if err != nil {
		t.Fatal(err)
	}
	ls := append(brandListings(), stemListings(t)...)
	for i, text := range texts {
		ls = append(ls, &listings.Listing{Source: "labelled", ID: strconv.Itoa(i), Title: text})
	}
	for k, l := range ls {
		if r := []rune(l.Title); k%5 == 0 && len(r) >= 4 {
			lc := *l
			lc.Attributes = append([]listings.Attribute{{Name: "品牌", Value: string(r[:4])}}, l.Attributes...)
			ls = append(ls, &lc)
		}
	}
	return ls
}
