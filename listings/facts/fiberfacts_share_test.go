package facts

import (
	"reflect"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// BuildFrom scans each copy field once for the fibres and the down: its
// facts are those FiberFacts and DownFacts find, each scanning for itself,
// for every listing of the fixtures and the material listing, and so are
// those of a Builder whose memo keeps them (at the second sight, read
// at the third).
func TestBuildSharesTheScanTexts(t *testing.T) {
	t.Parallel()
	l, fields := materialListing()
	ls := append([]*listings.Listing{l}, fixtureListings(t)...)
	facts := 0
	plain, memo := &Builder{}, &Builder{Memo: NewFieldMemo()}
	for i, l := range ls {
		if i > 0 {
			fields = map[string]Field{}
			for _, ft := range FieldTexts(l) {
				fields[ft.Name] = Field{Text: ft.Text}
			}
		}
		composition, claims := FiberFacts(l, fields)
		down, downClaims := DownFacts(l, fields)
		for k, b := range []*Builder{plain, memo, memo, memo} {
			got := b.BuildFrom(l, fields).Listing
			if !reflect.DeepEqual(got.Composition, nonNil(composition)) || !reflect.DeepEqual(got.FiberClaims, nonNil(claims)) ||
				!reflect.DeepEqual(got.Down, down) || !reflect.DeepEqual(got.DownClaims, nonNil(downClaims)) {
				t.Fatalf("listing %s, build %d: BuildFrom's material facts differ from FiberFacts' and DownFacts'", l.ID, k)
			}
		}
		facts += len(composition) + len(claims) + len(downClaims)
	}
	if facts < 50 {
		t.Errorf("%d facts in %d listings: want more, or this proves little", facts, len(ls))
	}
}
