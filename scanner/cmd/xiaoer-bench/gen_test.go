package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xiaoer-dev/xiaoer/listings"
)

func TestGenerateIsRepeatableAndVaried(t *testing.T) {
	t.Parallel()
	templates, err := loadTemplates(filepath.Join("..", "..", "..", "fixtures", "pages"))
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := generate(templates, 40, 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(a)
	b, size, err := generate(templates, 40, 7, 32)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(b)
	files, _ := pageFiles(a)
	padded, _ := pageFiles(b)
	if len(files) != 40 || len(padded) != 40 || size < 40*30<<10 {
		t.Fatalf("%d and %d pages, %d bytes padded", len(files), len(padded), size)
	}
	titles, ids := map[string]bool{}, map[string]bool{}
	for i, f := range files {
		raw, _ := os.ReadFile(f)
		l, err := listings.ParseHTML(f, raw)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		titles[l.Title], ids[l.ID] = true, true
		// The padding adds page chrome only: the listing is the same.
		rawPadded, _ := os.ReadFile(padded[i])
		lp, err := listings.ParseHTML(padded[i], rawPadded)
		if err != nil || lp.Title != l.Title || lp.Description != l.Description || lp.Encoding != l.Encoding ||
			!reflect.DeepEqual(lp.Attributes, l.Attributes) || lp.Price != l.Price || lp.ID != l.ID || !reflect.DeepEqual(lp.SKUs, l.SKUs) {
			t.Errorf("%s: padded page differs: %v", padded[i], err)
		}
	}
	if len(titles) < 35 || len(ids) < 35 {
		t.Errorf("%d distinct titles and %d ids in 40 pages", len(titles), len(ids))
	}
	again, _, err := generate(templates, 40, 7, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(again)
	second, _ := pageFiles(again)
	for i := range files {
		x, _ := os.ReadFile(files[i])
		y, _ := os.ReadFile(second[i])
		if filepath.Base(files[i]) != filepath.Base(second[i]) || !bytes.Equal(x, y) {
			t.Fatalf("page %d differs between two runs with the same seed", i)
		}
	}
}

func TestListsAreTheCorpusTitlesCycled(t *testing.T) {
	t.Parallel()
	titles := []string{"纯棉短袖T恤男 全网最低价", "三只松鼠花草茶, \"枸杞\"茶包邮", "飞利浦 理发器 配件"}
	dir := t.TempDir()
	list, err := writeTitles(dir, titles, 7)
	if err != nil {
		t.Fatal(err)
	}
	export, err := writeExport(dir, titles, 5, 1)
	if err != nil {
		t.Fatal(err)
	}
	for path, n := range map[string]int{list: 7, export: 5} {
		ls, _, err := readList(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(ls) != n {
			t.Fatalf("%s: %d listings, want %d", path, len(ls), n)
		}
		for i, l := range ls {
			if l.Title != titles[i%len(titles)] {
				t.Errorf("%s row %d: title %q, want %q", path, i, l.Title, titles[i%len(titles)])
			}
		}
	}
	words, err := writeWords(dir)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(words)
	if !bytes.Contains(raw, []byte("\n最佳\n")) || bytes.Count(raw, []byte("\n")) < 200 {
		t.Errorf("word list lacks the lexicon words: %d lines", bytes.Count(raw, []byte("\n")))
	}
}
