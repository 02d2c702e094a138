package listings

import (
	"errors"
	"reflect"
	"testing"
)

func TestParseTitles(t *testing.T) {
	t.Parallel()
	// Leading full-width spaces count one column each; trailing tabs,
	// spaces and CR are no part of a title; the last line has no newline.
	raw := []byte("纯棉T恤 全网最低\r\n\n  #网红同款 连衣裙\n最近上新 羽绒服\n\u3000\u3000夏季 新款\t \r\n\r\n\t真丝 衬衫")
	ls, err := ParseTitles("batch/titles.txt", raw)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		id, title string
		line, col int
	}{
		{"titles.txt:1", "纯棉T恤 全网最低", 1, 1},
		{"titles.txt:3", "#网红同款 连衣裙", 3, 3},
		{"titles.txt:4", "最近上新 羽绒服", 4, 1},
		{"titles.txt:5", "夏季 新款", 5, 3},
		{"titles.txt:7", "真丝 衬衫", 7, 2},
	}
	if len(ls) != len(want) {
		t.Fatalf("got %d listings, want %d", len(ls), len(want))
	}
	for i, w := range want {
		l := ls[i]
		pos, _ := l.Positions.Get("title")
		if l.ID != w.id || l.Title != w.title || pos.Line != w.line || pos.Column != w.col {
			t.Errorf("listing %d = %s %q %d:%d, want %s %q %d:%d", i, l.ID, l.Title, pos.Line, pos.Column, w.id, w.title, w.line, w.col)
		}
	}
}

func TestParseTitlesEmpty(t *testing.T) {
	t.Parallel()
	if _, err := ParseTitles("x.txt", []byte("\n \n")); !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrNoListing) {
		t.Errorf("err = %v, want ErrEmpty or ErrNoListing", err)
	}
}

// ListingInto, reusing one Listing, gives each title what Listing gives it,
// keeping nothing of the listing before (a platform set, a position more).
func TestListingIntoReusesOne(t *testing.T) {
	t.Parallel()
	tl, err := ReadTitles("titles.txt", []byte("纯棉T恤 全网最低\n\n  连衣裙 网红同款\n"))
	if err != nil {
		t.Fatal(err)
	}
	l := Listing{Platform: "taobao", Description: "上一个", Attributes: []Attribute{{Name: "材质", Value: "棉"}}}
	l.Positions.Set("description", Position{Line: 9, Column: 9})
	for i := range tl.Len() {
		tl.ListingInto(i, &l)
		want, _ := tl.Listing(i)
		if !reflect.DeepEqual(&l, want) {
			t.Errorf("title %d: ListingInto gives %+v, Listing %+v", i, l, *want)
		}
	}
}
