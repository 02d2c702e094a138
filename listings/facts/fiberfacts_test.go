package facts

import (
	"reflect"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/testcorpus"
)

// FiberFacts, reading each field's statements once, gives what
// Composition and FiberClaims give: over the fixtures' listings
// (attributes, exports and pages among them), and the promise tests' texts
// (corpus titles) and the labelled cases' texts each as a title and as a
// description.
func TestFiberFactsAreCompositionAndClaims(t *testing.T) {
	t.Parallel()
	ls := fixtureListings(t)
	texts := promiseTexts(t)
	labelled, err := testcorpus.LabelledTexts()
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range append(texts, labelled...) {
		ls = append(ls, &listings.Listing{Title: text}, &listings.Listing{Title: "纯棉T恤", Description: text})
	}
	comps, claims := 0, 0
	for _, l := range ls {
		fields := map[string]Field{}
		for _, ft := range FieldTexts(l) {
			fields[ft.Name] = Field{Text: ft.Text}
		}
		gotComp, gotClaims := FiberFacts(l, fields)
		wantComp, wantClaims := Composition(l, fields), FiberClaims(fields)
		if !reflect.DeepEqual(gotComp, wantComp) || !reflect.DeepEqual(gotClaims, wantClaims) {
			t.Errorf("%q %q: FiberFacts %v %v, Composition and FiberClaims %v %v", l.Title, l.Description, gotComp, gotClaims, wantComp, wantClaims)
		}
		if len(wantComp) > 0 {
			comps++
		}
		if len(wantClaims) > 0 {
			claims++
		}
	}
	if comps < 100 || claims < 100 {
		t.Errorf("%d listings with a composition, %d with a claim: want more, or this proves little", comps, claims)
	}
}
