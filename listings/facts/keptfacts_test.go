package facts

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// keptFactCounts are the entries each of m's facts memos holds: copies,
// attributes, promises, figures.
func keptFactCounts(m *FieldMemo) [4]int {
	var n [4]int
	for range m.copies.All() {
		n[0]++
	}
	for range m.attributes.All() {
		n[1]++
	}
	for range m.promises.All() {
		n[2]++
	}
	for range m.figures.All() {
		n[3]++
	}
	return n
}

// TestKeptFactsAreTheFactsRead: a listing built when its fields' and
// attributes' facts may be kept (at every sight of each) has the facts a
// Builder without a memo reads, for the fixtures, the material listing,
// listings that share a text between fields and attributes that join to
// the same text, each built by builders that cut it differently and
// share one memo's facts.
func TestKeptFactsAreTheFactsRead(t *testing.T) {
	t.Parallel()
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
	// token ends, and figures are kept with the tokens they were read
	// with. Each cuts its own fields (a memo's cutting serves one
	// tokenizer); the facts memos take any.
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, Shanghai)
	now := func() time.Time { return fixed }
	plain := []*Builder{{Now: now}, {Now: now, Tokenizer: runeTokenizer{}}, {Now: now, Tokenizer: wholeTokenizer{}}}
	read := make([][]*ListingFacts, len(plain))
	for k, b := range plain {
		for _, l := range ls {
			read[k] = append(read[k], b.Build(l).Listing)
		}
	}
	memo := NewFieldMemo()
	for sight := range 3 {
		for k, p := range plain {
			b := &Builder{Now: now, Tokenizer: p.Tokenizer, Memo: memo}
			for i, l := range ls {
				if got := b.BuildFrom(l, p.Fields(l)).Listing; !reflect.DeepEqual(got, read[k][i]) {
					t.Fatalf("listing %s, builder %d, sight %d: the facts differ from those read", l.ID, k, sight+1)
				}
			}
		}
	}
	if reflect.DeepEqual(read[1], read[2]) {
		t.Errorf("the listings' facts are the same however they are cut: want builders whose figures differ")
	}
	if n := keptFactCounts(memo); n[0]+n[1]+n[2]+n[3] < 40 || n[0]*n[1]*n[2]*n[3] == 0 {
		t.Errorf("%v facts kept: want more in each memo, or this proves little", n)
	}
}

// TestKeptFactsAtSecondSight: each facts memo keeps a field's facts at
// their second sight, and hands them out from then on.
func TestKeptFactsAtSecondSight(t *testing.T) {
	t.Parallel()
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, Shanghai)
	b := &Builder{Tokenizer: runeTokenizer{}, Now: func() time.Time { return fixed }, Memo: NewFieldMemo()}
	l := &listings.Listing{
		ID: "1", Title: "羽绒服 纯棉", Description: "面料：棉95% 氨纶5%，纯棉里布，24小时发货，充绒量200g",
		Attributes: []listings.Attribute{{Name: "面料", Value: "棉100%"}},
	}
	m := b.Memo
	b.Build(l)
	if n := keptFactCounts(m); n != [4]int{} {
		t.Fatalf("%v facts kept at their first sight", n)
	}
	b.Build(l)
	// The description's copy facts, the attribute list, and the promises
	// and figures of the description and attributes fields.
	if n := keptFactCounts(m); n != [4]int{1, 1, 2, 2} {
		t.Fatalf("%v facts kept at their second sight, want [1 1 2 2]", n)
	}
	// Marked, the kept facts show in the third sight's document.
	for e := range m.copies.All() {
		e.facts = copyFacts{claims: []FiberClaim{{Fiber: "kept", Field: e.field}}}
	}
	for e := range m.attributes.All() {
		e.statements = []compStatement{{fibres: []Fiber{{Fiber: "kept"}}}}
	}
	for e := range m.promises.All() {
		e.promises = []Promise{{Kind: "kept", Field: e.field}}
	}
	for e := range m.figures.All() {
		e.figures = []Number{{Unit: "kept", Field: e.field}}
	}
	lf := b.Build(l).Listing
	marked := 0
	for _, c := range lf.FiberClaims {
		marked += countIf(c.Fiber == "kept")
	}
	for _, f := range lf.Composition {
		marked += countIf(f.Fiber == "kept")
	}
	for _, p := range lf.Promises {
		marked += countIf(p.Kind == "kept")
	}
	for _, n := range lf.Numbers {
		marked += countIf(n.Unit == "kept")
	}
	if marked != 6 {
		t.Errorf("%d kept facts in the third sight's document, want 6", marked)
	}
}

func countIf(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestKeptFactsKeepWithinTheBudget: texts are kept at their second sight,
// and not past the budget.
func TestKeptFactsKeepWithinTheBudget(t *testing.T) {
	t.Parallel()
	m := NewFieldMemo()
	kf := &m.copies
	h := m.textHash(FieldDescription, "x")
	if kf.MetBefore(h) || !kf.MetBefore(h) {
		t.Fatalf("MetBefore: want false, then true")
	}
	kf.keep(h, nil, &keptCopy{text: "x"}, keptFactBudget+1, 0)
	if kf.At(h) != nil || kf.Size() != 0 {
		t.Errorf("a text over the budget was kept")
	}
	e := &keptCopy{text: "x"}
	kf.keep(h, nil, e, 1, 0)
	if kf.At(h) != e || kf.Size() != 1 {
		t.Errorf("a text within the budget was not kept")
	}
	kf.keep(h, nil, &keptCopy{text: "y"}, 1, 0) // the slot no longer holds nil
	if kf.At(h) != e || kf.Size() != 1 {
		t.Errorf("a slot another kept was taken over")
	}
	if m.textHash(FieldDescription, "x") == m.textHash(FieldSubtitle, "x") || m.textHash("a", "bc") == m.textHash("ab", "c") {
		t.Errorf("a text of two fields has one hash")
	}
}

// wholeTokenizer cuts a text into one token.
type wholeTokenizer struct{}

func (wholeTokenizer) Tokenize(text string) []Token {
	return []Token{{T: text, S: 0, E: len(text)}}
}

// TestKeptFactsShared: builders on several goroutines keep and read the
// facts of the same fields in one memo at once (go test -race checks the
// slots), and every listing has the facts a Builder without a memo reads.
func TestKeptFactsShared(t *testing.T) {
	t.Parallel()
	l, _ := materialListing()
	ls := append([]*listings.Listing{l}, fixtureListings(t)...)
	fixed := time.Date(2026, 11, 23, 10, 0, 0, 0, Shanghai)
	plain := &Builder{Now: func() time.Time { return fixed }, Tokenizer: runeTokenizer{}}
	b := &Builder{Now: plain.Now, Tokenizer: plain.Tokenizer, Memo: NewFieldMemo()}
	want := make([]*ListingFacts, len(ls))
	for i, l := range ls {
		want[i] = plain.Build(l).Listing
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				for i, l := range ls {
					if got := b.Build(l).Listing; !reflect.DeepEqual(got, want[i]) {
						t.Errorf("listing %s: the facts differ from those read without a memo", l.ID)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	if n := keptFactCounts(b.Memo); n[0]*n[1]*n[2]*n[3] == 0 {
		t.Errorf("%v facts kept: want some in each memo", n)
	}
}
