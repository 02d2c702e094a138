package facts

import (
	"reflect"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// AppendFieldTexts appends what FieldTexts gives (allFieldTexts, each
// text there is), after what dst holds: for the fixtures' listings, a
// title alone, and a listing with each field that joins set alone.
func TestAppendFieldTextsAreFieldTexts(t *testing.T) {
	t.Parallel()
	ls := fixtureListings(t)
	ls = append(ls, &listings.Listing{Title: "纯棉T恤"}, &listings.Listing{Subtitle: "包邮", Description: "七天无理由"},
		&listings.Listing{Title: "t", Attributes: []listings.Attribute{{Name: "材质", Value: "棉"}}},
		&listings.Listing{Title: "t", SKUs: []string{"红", "蓝"}}, &listings.Listing{Promises: []string{"48小时发货"}},
		&listings.Listing{})
	kept := []FieldText{{"x", "kept"}}
	for _, l := range ls {
		got := AppendFieldTexts(kept[:1:1], l)
		want := append(kept[:1:1], appendWithText(nil, allFieldTexts(l))...)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v: %q, want %q", l, got, want)
		}
	}
	if len(ls) < 20 {
		t.Errorf("%d listings: want the fixtures too, or this proves little", len(ls))
	}
}
