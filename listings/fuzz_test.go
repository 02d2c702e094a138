package listings

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParseHTML(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input, which stalls on
	// whole pages.
	f.Add([]byte(`<html><head><meta charset="gbk"><link rel="canonical" href="//item.taobao.com/item.htm?id=1234567"></head>` +
		`<body><h1 class="ItemHeader--mainTitle--3CIjqW5">连衣裙</h1><span class="Price--priceText--2nLbVda">169</span>` +
		`<span class="Attrs--attr--33ShB6X">品牌：小雏菊</span></body></html>`))
	f.Add([]byte(`<script type="application/ld+json">{"@type":"Product","name":"龙井","offers":{"price":"368"}}</script>` +
		`<dl><dt>产地</dt><dd>杭州</dd></dl><table><tr><th>等级</th><td>特级</td></tr></table>`))
	f.Add([]byte(`<div class="sku-name">羊毛衫</div><div class="Ptable"><dl><dt>材质</dt><dd class="Ptable-tips">?</dd><dd>羊毛70%</dd></dl></div>`))
	f.Add([]byte(`<h3 class="tb-main-title">纯棉</h3><ul class="attributes-list"><li>材质:棉</li></ul><!-- xiaoer:ignore`))
	f.Add([]byte("<script>descUrl : '//a' : '"))
	f.Add([]byte{0xA4, 0x5B, 0x81, 0x30, 0x81, '<', 'h', '1', '>'})
	f.Fuzz(func(t *testing.T, raw []byte) {
		l, err := ParseHTML("fuzz.html", raw)
		if err != nil {
			return
		}
		for _, s := range []string{l.Title, l.Subtitle, l.Description, l.Encoding} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in %q", s)
			}
		}
		if strings.Contains(l.Title, "\n") {
			t.Fatalf("title spans lines: %q", l.Title)
		}
		if l.Price.Max < l.Price.Min {
			t.Fatalf("price range reversed: %+v", l.Price)
		}
	})
}

func FuzzParseListingFile(f *testing.F) {
	f.Add([]byte("- id: a\n  price: \"1 - 2\"\n  attributes: {品牌: X}\n  description: |\n    文字\n  ignore: [{rule: r, reason: y}]\n"))
	f.Add([]byte(`{"title": "t", "price": {"min": 1, "max": 2}, "attributes": [{"name": "a", "value": "b"}, "c: d"], "skus": ["x"]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		ls, err := ParseListingFile("fuzz.yaml", raw)
		if err == nil && len(ls) == 0 {
			t.Fatal("no error and no listing")
		}
	})
}
