package listings

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, source, src string
		count             int
		title             string
	}{
		{"html by extension", "a.htm", "<h1>纯棉T恤</h1>", 1, "纯棉T恤"},
		{"yaml by extension", "a.yml", "title: 纯棉T恤\n", 1, "纯棉T恤"},
		{"json by extension", "a.JSON", `{"title": "纯棉T恤"}`, 1, "纯棉T恤"},
		{"stdin html", "-", "\n  <!DOCTYPE html><html><body><h1>纯棉T恤</h1></body></html>", 1, "纯棉T恤"},
		{"stdin json", "-", `[{"title": "纯棉T恤"}, {"title": "b"}]`, 2, "纯棉T恤"},
		{"stdin yaml with comment", "-", "# 导出\n---\n- title: 纯棉T恤\n", 1, "纯棉T恤"},
		{"unknown extension yaml", "listing.txt", "title: 纯棉T恤\nprice: 99\n", 1, "纯棉T恤"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			ls, err := Parse(tt.source, []byte(tt.src))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if len(ls) != tt.count || ls[0].Title != tt.title || ls[0].Source != tt.source {
				t.Errorf("got %d listings, first %+v", len(ls), ls[0])
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, source string
		raw          []byte
		want         error
		prefix       string
	}{
		{"empty stdin", "-", nil, ErrEmpty, "<stdin>: empty input"},
		{"empty file", "a.html", []byte("\n\n"), ErrEmpty, "a.html: empty input"},
		{"binary", "photo.html", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), ErrBinary, "photo.html: binary input"},
		{"prose", "notes.txt", []byte("这是一段说明文字，不是商品。"), ErrUnknownFormat, "notes.txt: unknown input format"},
		{"no listing", "empty.html", []byte("<html><body></body></html>"), ErrNoListing, "empty.html: no listing found"},
		{"unknown key", "l.yaml", []byte("title: a\nfoo: b\n"), ErrUnknownKey, `l.yaml: line 2, column 1: unknown key "foo"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Parse(tt.source, tt.raw)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.prefix) {
				t.Errorf("err = %q, want prefix %q", err, tt.prefix)
			}
		})
	}
}

func TestParseFixtures(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"pages/taobao-classic-tshirt.gbk.html", "listings/spring-collection.yaml", "listings/kids-pajamas.json"} {
		ls, err := Parse(name, fixture(t, strings.Split(name, "/")...))
		if err != nil || len(ls) == 0 {
			t.Errorf("%s: %d listings, %v", name, len(ls), err)
		}
	}
}
