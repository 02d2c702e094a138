package listings

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// trickyMarkup is appended to every page of TestFindMatchesGoquery: what
// real pages hold around the item (recommendations reusing the layouts'
// class names, class lists split by tabs and newlines, repeated classes,
// nested breadcrumbs, SVG, ids shared by two elements).
const trickyMarkup = `<div class="tb-recommend"><ul>
<li class="item	price"><a href="//item.taobao.com/item.htm?id=1">x</a><p class="price"><span>¥19.00</span></p></li>
<li class=" item item
news"><a class="a b">y</a><span class="sku-name-x">z</span></li>
<li id="choose-attr-9"><div class="item" data-value="红色">红</div><div class="item"><span>蓝</span></div></li>
<li><nav aria-label="breadcrumb"><a href="/">首页</a><a>女装</a></nav></li>
<li class="breadcrumb"><div><a>深处</a></div></li>
<li id="dup">1</li><li id="dup" class="ItemHeader--mainTitle--x2 other">2</li>
<li class="x MainTitle--mainTitle--q">3</li><li class="xMainTitle--mainTitle--q">not a prefix</li>
</ul><svg><title>icon</title><foreignObject><p class="price">5</p></foreignObject></svg>
<table><tr><th>产地</th><td>浙江</td></tr></table><dl><dt>材质</dt><dd>棉</dd></dl></div>`

// extraSelectors are forms the extractors do not use today, to show that
// find agrees with goquery beyond them (or falls back to the whole walk).
var extraSelectors = []string{
	"li", "LI", "*", "div.item", ".item.price", "li#dup.other", "ul > li", "li + li", "li ~ li",
	"li:first-child", "li:not(.item)", `[class^="ItemHeader--mainTitle--"]`, `[class*=" MainTitle--"]`,
	`[class*="MainTitle--"]`, `[class^="item"]`, `[id^="choose-attr-"] .item`, `[id^="dup"]`, "#dup",
	"svg title", "title", "foreignObject p", "foreignobject", ".tb-recommend .price span", "dl dt + dd",
	`a[href]`, `nav[aria-label=breadcrumb] a`, `[data-value]`, ".a\\.b", "..bad", "", "td, th",
	`[class^="item" i]`, ".news, .sku-name-x, #dup", ".missing a, .breadcrumb a",
}

// TestFindMatchesGoquery compares page.find with goquery's Find on every
// fixture and not-item page, plain and with trickyMarkup, for every
// selector the extractors asked and the extra ones: same nodes, same order.
func TestFindMatchesGoquery(t *testing.T) {
	var files []string
	fixtures := filepath.Join("..", "fixtures")
	for _, pattern := range []string{"pages/*.html", "../listings/testdata/not-items/*.html"} {
		found, err := filepath.Glob(filepath.Join(fixtures, pattern))
		if err != nil || len(found) == 0 {
			t.Fatalf("no pages at %s: %v", pattern, err)
		}
		for _, f := range found {
			rel, _ := filepath.Rel(fixtures, f)
			files = append(files, rel)
		}
	}
	var pages []*page
	for _, f := range files {
		text, enc, err := Decode(fixture(t, f), "")
		if err != nil {
			t.Fatal(err)
		}
		_, _ = ParseHTMLText(f, text, enc) // registers the extractors' selectors
		padded := string(bytes.Replace([]byte(text), []byte("</body>"), []byte(trickyMarkup+"</body>"), 1))
		for _, body := range []string{text, padded} {
			pages = append(pages, testPage(t, body))
		}
	}
	selectors := slices.Clone(extraSelectors)
	plans.Range(func(k, _ any) bool {
		selectors = append(selectors, k.(string))
		return true
	})
	if len(selectors) < len(extraSelectors)+25 {
		t.Fatalf("only %d selectors registered by the extractors", len(selectors)-len(extraSelectors))
	}
	matched := 0
	for _, sel := range selectors {
		for i, p := range pages {
			want, got := p.doc.Find(sel).Nodes, p.find(sel).Nodes
			if !slices.Equal(want, got) {
				t.Errorf("%s (page %d): find gives %d nodes, goquery %d", sel, i, len(got), len(want))
			}
			matched += len(want)
		}
	}
	if matched == 0 {
		t.Fatal("no selector matched anything")
	}
}

func testPage(t *testing.T, text string) *page {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewBufferString(text))
	if err != nil {
		t.Fatal(err)
	}
	return &page{doc: doc, idx: newDOMIndex(doc.Nodes[0], 0)}
}

// TestPlanReadsKeys checks the keys plans read from the layouts' kinds of
// selector, and that what they cannot read goes to the whole walk.
func TestPlanReadsKeys(t *testing.T) {
	cases := map[string]selKey{
		".sku-name":                        {keyClass, "sku-name"},
		"#J_Crumbs a":                      {keyTag, "a"},
		"ul.attributes-list li":            {keyTag, "li"},
		"table.tm-tableAttr":               {keyClass, "tm-tableAttr"},
		`meta[property="og:url"]`:          {keyTag, "meta"},
		`[class*=" desc-root"]`:            {keyClassPrefix, "desc-root"},
		`div[id^="choose-attr-"]#x`:        {keyID, "x"},
		`[id^="choose-attr-"]`:             {keyIDPrefix, "choose-attr-"},
		"#crumb-wrap .crumb .item > a":     {keyTag, "a"},
		"li:not(.x)":                       {keyTag, "li"},
		`[class^="ItemHeader--mainTitle"]`: {keyClassPrefix, "ItemHeader--mainTitle"},
	}
	for sel, want := range cases {
		pl := makePlan(sel)
		if pl.walk || len(pl.alts) != 1 {
			t.Errorf("%s: walk %v, %d alternatives", sel, pl.walk, len(pl.alts))
			continue
		}
		keys := pl.alts[0].keys
		if got := keys[len(keys)-1]; got != want {
			t.Errorf("%s: key %+v, want %+v", sel, got, want)
		}
	}
	for _, sel := range []string{`[data-item-id]`, "*", `[class^="x" i]`, ".a\\.b", "..bad", "", ":root"} {
		if !makePlan(sel).walk {
			t.Errorf("%s: planned a key, want the whole walk", sel)
		}
	}
	if pl := makePlan("li + li, ul > li"); pl.alts[0].nested || !pl.alts[1].nested {
		t.Errorf("sibling combinator: nested %v, %v", pl.alts[0].nested, pl.alts[1].nested)
	}
}

// FuzzFindMatchesGoquery: on any markup, find and goquery's Find give the
// same nodes for the extractors' selectors and the extra ones.
func FuzzFindMatchesGoquery(f *testing.F) {
	f.Add(trickyMarkup)
	f.Add(`<div id="J_Crumbs"><a>女装</a><div id="J_Crumbs" class="breadcrumb"><a>连衣裙</a></div></div>`)
	f.Add(`<ul class="p-parameter-list"><li class="parameter2"><ul class="parameter2"><li>品牌：X</li></ul></li></ul>`)
	f.Add("<div class=\"ItemHeader--mainTitle--a\fSubTitle--subTitle--b\"><h1 class=\"tb-detail-hd\">t</h1></div>")
	selectors := slices.Clone(extraSelectors)
	for _, name := range []string{"taobao-new-dress.html", "jd-sweater.html", "tmall-down-jacket.gbk.html", "taobao-classic-keyboard.html", "generic-jsonld-tea.html"} {
		l, err := ParseHTML(name, fixture(f, "pages", name))
		if err != nil || l.Title == "" {
			f.Fatalf("%s: %v", name, err)
		}
	}
	plans.Range(func(k, _ any) bool {
		selectors = append(selectors, k.(string))
		return true
	})
	f.Fuzz(func(t *testing.T, markup string) {
		p := testPage(t, markup)
		for _, sel := range selectors {
			if want, got := p.doc.Find(sel).Nodes, p.find(sel).Nodes; !slices.Equal(want, got) {
				t.Fatalf("%s: find gives %d nodes, goquery %d", sel, len(got), len(want))
			}
		}
	})
}
