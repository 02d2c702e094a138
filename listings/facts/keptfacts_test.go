package facts

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// TestKeptFactsAreTheFactsRead: a listing built when its fields' and
// attributes' facts may be kept (at every sight of each) has the facts it
// has when nothing is kept, for the fixtures, the material listing,
// listings that share a text between fields and attributes that join to
// the same text, each built by builders that cut it differently. Not
// parallel: it gives the kept facts fresh lists, which no other test
// reads meanwhile.
func TestKeptFactsAreTheFactsRead(t *testing.T) {
	copies, attrs, promises, figures := keptCopies, keptAttributes, keptPromises, keptFigures
	defer func() { keptCopies, keptAttributes, keptPromises, keptFigures = copies, attrs, promises, figures }()
	fresh := func() {
		keptCopies, keptAttributes = newKeptFacts[keptCopy](), newKeptFacts[keptAttributeList]()
		keptPromises, keptFigures = newKeptFacts[keptFieldPromises](), newKeptFacts[keptFieldFigures]()
	}

	l, _ := materialListing()
	ls := append([]*listings.Listing{l}, fixtureListings(t)...)
	same := "面料：棉95% 氨纶5%，纯棉里布，90%白鸭绒，充绒量200g。24小时发货，假一赔十，不支持7天无理由退货"
	ls = append(ls,
		&listings.Listing{ID: "same", Title: same, Subtitle: same, Description: same, SKUs: []string{same}, Promises: []string{same}},
		&listings.Listing{ID: "same2", Title: "纯棉T恤", Subtitle: same, Description: "100%羊毛 " + same},
		&listings.Listing{ID: "split1", Attributes: []listings.Attribute{{Name: "面料", Value: "棉: 95%"}}},
		&listings.Listing{ID: "split2", Attributes: []listings.Attribute{{Name: "面料: 棉", Value: "95%"}}},
	)
	// Builders cutting differently: a figure's unit is one only where a
	// token ends, and figures are kept with the tokens they were read with.
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, Shanghai)
	now := func() time.Time { return fixed }
	builders := []*Builder{{Now: now}, {Now: now, Tokenizer: runeTokenizer{}}, {Now: now, Tokenizer: wholeTokenizer{}}}
	read := make([][]*ListingFacts, len(builders))
	for k, b := range builders {
		for _, l := range ls {
			fresh() // nothing kept: every fact is read
			read[k] = append(read[k], b.Build(l).Listing)
		}
	}
	fresh()
	for sight := range 3 {
		for k, b := range builders {
			for i, l := range ls {
				if got := b.Build(l).Listing; !reflect.DeepEqual(got, read[k][i]) {
					t.Fatalf("listing %s, builder %d, sight %d: the facts differ from those read", l.ID, k, sight+1)
				}
			}
		}
	}
	if reflect.DeepEqual(read[1], read[2]) {
		t.Errorf("the listings' facts are the same however they are cut: want builders whose figures differ")
	}
	kept := 0
	for k := range keptFactSlots {
		if keptCopies.slots[k].Load() != nil {
			kept++
		}
		if keptAttributes.slots[k].Load() != nil {
			kept++
		}
		if keptPromises.slots[k].Load() != nil {
			kept++
		}
		if keptFigures.slots[k].Load() != nil {
			kept++
		}
	}
	if kept < 40 {
		t.Errorf("%d facts kept: want more, or this proves little", kept)
	}
}

// TestKeptFactsKeepWithinTheBudget: texts are kept at their second sight,
// and not past the budget.
func TestKeptFactsKeepWithinTheBudget(t *testing.T) {
	t.Parallel()
	kf := newKeptFacts[keptCopy]()
	h := kf.hash(FieldDescription, "x")
	if kf.metBefore(h) || !kf.metBefore(h) {
		t.Fatalf("metBefore: want false, then true")
	}
	kf.put(h, nil, &keptCopy{text: "x"}, keptFactBudget+1, 0)
	if kf.at(h) != nil || kf.size.Load() != 0 {
		t.Errorf("a text over the budget was kept")
	}
	e := &keptCopy{text: "x"}
	kf.put(h, nil, e, 1, 0)
	if kf.at(h) != e || kf.size.Load() != 1 {
		t.Errorf("a text within the budget was not kept")
	}
	kf.put(h, nil, &keptCopy{text: "y"}, 1, 0) // the slot no longer holds nil
	if kf.at(h) != e || kf.size.Load() != 1 {
		t.Errorf("a slot another kept was taken over")
	}
	if kf.hash(FieldDescription, "x") == kf.hash(FieldSubtitle, "x") || kf.hash("a", "bc") == kf.hash("ab", "c") {
		t.Errorf("a text of two fields has one hash")
	}
}

// wholeTokenizer cuts a text into one token.
type wholeTokenizer struct{}

func (wholeTokenizer) Tokenize(text string) []Token {
	return []Token{{T: text, S: 0, E: len(text)}}
}

// TestKeptFactsShared: builders on several goroutines keep and read the
// facts of the same fields at once (go test -race checks the slots), and
// every listing has the facts it has built alone.
func TestKeptFactsShared(t *testing.T) {
	t.Parallel()
	l, _ := materialListing()
	ls := append([]*listings.Listing{l}, fixtureListings(t)...)
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, Shanghai)
	b := &Builder{Now: func() time.Time { return fixed }, Tokenizer: runeTokenizer{}}
	want := make([]*ListingFacts, len(ls))
	for i, l := range ls {
		want[i] = b.Build(l).Listing
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				for i, l := range ls {
					if got := b.Build(l).Listing; !reflect.DeepEqual(got, want[i]) {
						t.Errorf("listing %s: the facts differ from those built alone", l.ID)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
