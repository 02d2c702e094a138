package engine

import (
	"context"
	"strconv"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// medicalCategories are categories each listing is judged with besides
// its own: kinds from the category, plain goods filed under devices.
var medicalCategories = []string{"", "医疗器械", "保健食品", "美妆护肤", "图书音像", "零食/茶/酒"}

// TestMedicalKindsAsRego: on the engine's documents of every fixture,
// corpus title (or labelled text without the corpus) and labelled text,
// each with several categories, xiaoer.medical_kinds answers, and answers
// ad_medical_claim's regulated_kinds: the kinds judged_as takes from it.
func TestMedicalKindsAsRego(t *testing.T) {
	ctx := context.Background()
	pq := packQuery(t, `x := [xiaoer.medical_kinds(object.get(input.listing.lexicon.found, "ad_medical_claim", {}), data.tables.ad_medical_claim,
		input.listing.fields, object.get(input.listing, "category", "")), data.xiaoer.rules.ad_medical_claim.regulated_kinds]`)
	kinded := 0
	eachMedicalDocument(t, func(l *listings.Listing, in ast.Value) {
		rs, err := pq.Eval(ctx, rego.EvalParsedInput(in))
		if err != nil || len(rs) != 1 {
			t.Fatalf("%s: %v, %d answers", l.Title, err, len(rs))
		}
		pair := rs[0].Bindings["x"].([]any)
		got, want := ast.MustInterfaceToValue(pair[0]), ast.MustInterfaceToValue(pair[1])
		if got.Compare(want) != 0 {
			t.Errorf("%s (category %q): xiaoer.medical_kinds %v, regulated_kinds %v", l.Title, l.Category, got, want)
		}
		if want.(*ast.Array).Len() > 0 {
			kinded++
		}
	})
	if kinded < 100 {
		t.Errorf("%d documents judged some kind: want more", kinded)
	}
	t.Logf("%d documents with kinds", kinded)
}

// packQuery is query prepared over the embedded policies.
func packQuery(t *testing.T, query string) rego.PreparedEvalQuery {
	t.Helper()
	emb, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pq, err := rego.New(append([]func(*rego.Rego){rego.Query(query)}, withBundle(emb, SafeCapabilities())...)...).PrepareForEval(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return pq
}

// eachMedicalDocument calls each with the engine's document of every
// fixture, corpus title (or labelled text without the corpus) and
// labelled text, and of every seventh of them with each of
// medicalCategories.
func eachMedicalDocument(t *testing.T, each func(l *listings.Listing, in ast.Value)) {
	t.Helper()
	c := checker(t)
	texts, err := testcorpus.LabelledTexts()
	if err != nil {
		t.Fatal(err)
	}
	ls := stemListings(t)
	for i, text := range texts {
		ls = append(ls, &listings.Listing{Source: "labelled", ID: strconv.Itoa(i), Title: text})
	}
	for k, l := range ls {
		for _, cat := range medicalCategories {
			if cat != "" && k%7 != 0 {
				continue // every seventh listing with each category
			}
			lc := *l
			if cat != "" {
				lc.Category = cat
			}
			in, err := c.Engine.input(c.Builder.Build(&lc), nil)
			if err != nil {
				t.Fatal(err)
			}
			each(&lc, in)
		}
	}
}
