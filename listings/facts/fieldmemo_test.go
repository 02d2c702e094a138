package facts

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings"
)

func memoBuilder() (memo, plain *Builder) {
	d := NewDodges([]string{"最好", "第一"})
	now := func() time.Time { return time.Date(2026, 12, 8, 0, 0, 0, 0, Shanghai) }
	plain = &Builder{Tokenizer: runeTokenizer{}, Dodges: d, Now: now}
	memo = &Builder{Tokenizer: runeTokenizer{}, Dodges: d, Now: now, Memo: NewFieldMemo()}
	return memo, plain
}

func memoListing(i int) *listings.Listing {
	return &listings.Listing{
		ID:          fmt.Sprint(i),
		Title:       "羽绒服 最❤好 ９０％白鸭绒",
		Description: fmt.Sprintf("面料：棉100%%。销量第*一，假一赔十！包邮%d", i%3),
		Attributes:  []listings.Attribute{{Name: "材质成分", Value: "聚酯纤维100%"}, {Name: "颜色", Value: fmt.Sprint(i % 2)}},
	}
}

// A field is kept at its second sight and handed out from then on, equal
// to the field cut afresh; a title is never kept.
func TestFieldMemoKeepsAtSecondSight(t *testing.T) {
	memo, plain := memoBuilder()
	l := memoListing(0)
	desc := func() Field { return memo.Memo.at(l.Description) }
	for sight := 1; sight <= 3; sight++ {
		got, want := memo.Fields(l), plain.Fields(l)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("sight %d: memo's fields %+v, want %+v", sight, got, want)
		}
		kept := desc()
		switch {
		case sight == 1 && kept.Text != "":
			t.Fatalf("the description is kept at its first sight")
		case sight > 1 && kept.Text != l.Description:
			t.Fatalf("sight %d: the description is not kept", sight)
		case sight == 3 && &got[FieldDescription].Tokens[0] != &kept.Tokens[0]:
			t.Errorf("the third sight cut the description again")
		}
	}
	if kept := memo.Memo.at(l.Title); kept.Text != "" {
		t.Errorf("the title is kept")
	}
	want := plain.Fields(l)
	f, a := want[FieldDescription], want[FieldAttributes]
	if n := memo.Memo.kept.Size(); n != f.keptSize()+a.keptSize() {
		t.Errorf("kept %d bytes, want the description's and attributes' %d", n, f.keptSize()+a.keptSize())
	}
}

// at is the field kept for text (none: the zero Field).
func (m *FieldMemo) at(text string) Field {
	if f := m.kept.At(maphash.String(m.seed, text)); f != nil && f.Text == text {
		return *f
	}
	return Field{}
}

// Fields are kept while their bytes stay within the budget, and only
// when their text is short.
func TestFieldMemoKeepsWithinBudget(t *testing.T) {
	memo, plain := memoBuilder()
	texts := make([]string, 40)
	for i := range texts {
		texts[i] = fmt.Sprintf("第%d款：纯棉面料，舒适透气，最好的选择。", i)
	}
	first := plain.cut(texts[0])
	one := first.keptSize()
	memo.Memo.budget = 5 * one
	long := texts[0] + texts[1]
	memo.Memo.maxText = len(long) - 1
	for range 2 {
		for _, text := range append(texts, long) {
			if got, want := memo.Memo.field(memo, text), plain.cut(text); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: memo's field %+v, want %+v", text, got, want)
			}
		}
	}
	if n := memo.Memo.kept.Size(); n > memo.Memo.budget || n < 4*one {
		t.Errorf("kept %d bytes, want at most the budget %d and near it", n, memo.Memo.budget)
	}
	if memo.Memo.at(long).Text != "" {
		t.Errorf("a text longer than maxText is kept")
	}
}

// Workers share a memo: what each gets is what a Builder without one
// makes, fields and the documents built of them, whose facts the memo
// keeps too (go test -race).
func TestFieldMemoConcurrent(t *testing.T) {
	memo, plain := memoBuilder()
	const n = 60
	want := make([]*Document, n)
	for i := range want {
		want[i] = plain.Build(memoListing(i))
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Go(func() {
			for k := range 3 * n {
				i := (k + w*7) % n
				if got := memo.Build(memoListing(i)); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Errorf("listing %d: document %+v, want %+v", i, got.Listing, want[i].Listing)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if memo.Memo.kept.Size() == 0 {
		t.Errorf("nothing kept: the listings repeat their descriptions")
	}
	if n := keptFactCounts(memo.Memo); n[0]*n[1]*n[2]*n[3] == 0 {
		t.Errorf("%v facts kept: want some in each memo (the listings repeat their descriptions and attributes)", n)
	}
}

// A slot holding another text (hashes that meet in a slot) is not
// handed out, and is replaced by the text kept at its second sight.
func TestFieldMemoSlotOfAnotherText(t *testing.T) {
	memo, plain := memoBuilder()
	a, b := "纯棉面料，舒适透气。", "假一赔十，包邮。"
	h := maphash.String(memo.Memo.seed, b)
	other := plain.cut(a)
	memo.Memo.kept.Put(h, nil, &other, 0)
	for range 2 {
		if got, want := memo.Memo.field(memo, b), plain.cut(b); !reflect.DeepEqual(got, want) {
			t.Fatalf("field of %q is %+v, want %+v", b, got, want)
		}
	}
	if memo.Memo.at(b).Text != b {
		t.Errorf("%q is not kept in the slot of %q", b, a)
	}
}
