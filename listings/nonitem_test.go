package listings

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNotItemPages(t *testing.T) {
	t.Parallel()
	for file, reason := range map[string]string{
		"search.html":    "a search results page",
		"shop-home.html": "a shop's home page",
		"login.html":     "a login page",
		"not-found.html": "an error page",
		"list-page.html": "a page listing 15 items",
	} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			raw, err := os.ReadFile(filepath.Join("testdata", "not-items", file))
			if err != nil {
				t.Fatal(err)
			}
			l, err := ParseHTML(file, raw)
			if !errors.Is(err, ErrNotItemPage) || !strings.Contains(err.Error(), reason) {
				t.Fatalf("ParseHTML = %v, %v; want %s", l, err, reason)
			}
		})
	}
}

// Item pages that link to many other items (recommendations) stay items.
func TestItemPagesAreItems(t *testing.T) {
	t.Parallel()
	page := `<html><head><title>纯棉T恤-淘宝网</title><script type="application/ld+json">{"@type":"Product","name":"纯棉T恤"}</script></head><body><h1>纯棉T恤 男款</h1>`
	for i := range 20 {
		page += fmt.Sprintf(`<a href="https://item.taobao.com/item.htm?id=6401122334%02d">推荐</a>`, i)
	}
	for _, file := range []string{"../fixtures/pages/taobao-classic-keyboard.html", "../fixtures/pages/generic-jsonld-tea.html"} {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseHTML(file, raw); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
	if _, err := ParseHTML("tee.html", []byte(page+"</body></html>")); err != nil {
		t.Errorf("an item page with recommendations: %v", err)
	}
}

// The real search page of the shared corpus is not an item page; the real
// item pages are.
func TestCorpusSearchPageIsNotAnItem(t *testing.T) {
	t.Parallel()
	dir := os.Getenv("XIAOER_CORPUS")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "corpus")
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no corpus at %s (set XIAOER_CORPUS): %v", dir, err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, "search-page", "taobao_search_ipad_2023.html"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseHTML("taobao_search_ipad_2023.html", raw); !errors.Is(err, ErrNotItemPage) || !strings.Contains(err.Error(), "search results") || !strings.Contains(err.Error(), "48 links") {
		t.Errorf("search page: err = %v, want a search results page with 48 links", err)
	}
	for _, page := range corpusPages {
		raw, err := os.ReadFile(filepath.Join(dir, "pages", page))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ParseHTML(page, raw); err != nil {
			t.Errorf("%s: %v", page, err)
		}
	}
}
