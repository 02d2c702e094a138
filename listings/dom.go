package listings

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// attr is the trimmed value of an attribute of the first node, or "".
func attr(sel *goquery.Selection, name string) string {
	v, _ := sel.First().Attr(name)
	return strings.TrimSpace(v)
}

// metaContent is the content of <meta property=NAME> or <meta name=NAME>.
func metaContent(p *page, name string) string {
	sel := p.find(`meta[property="` + name + `"]`)
	if sel.Length() == 0 {
		sel = p.find(`meta[name="` + name + `"]`)
	}
	return Clean(attr(sel, "content"))
}

// firstText is the one-line text of the first selector that has any.
func firstText(p *page, selectors ...string) string {
	for _, s := range selectors {
		var found string
		p.find(s).EachWithBreak(func(_ int, sel *goquery.Selection) bool {
			found = OneLine(sel)
			return found == ""
		})
		if found != "" {
			return found
		}
	}
	return ""
}

// firstBlock is the multi-line text of the first selector that has any.
func firstBlock(p *page, selectors ...string) string {
	for _, s := range selectors {
		if t := PlainText(p.find(s).First()); t != "" {
			return t
		}
	}
	return ""
}

// hashed matches elements with a class that starts with prefix, as the
// class names of the newer Taobao DOM carry a build hash
// ("ItemHeader--mainTitle--3CIjqW5").
func hashed(prefixes ...string) string {
	parts := make([]string, 0, 2*len(prefixes))
	for _, p := range prefixes {
		parts = append(parts, `[class^="`+p+`"]`, `[class*=" `+p+`"]`)
	}
	return strings.Join(parts, ", ")
}

// optionNames collects the texts of the selected nodes, trimmed and
// without duplicates: the SKU options of a page.
func optionNames(sel *goquery.Selection) []string {
	var out []string
	seen := map[string]bool{}
	sel.Each(func(_ int, s *goquery.Selection) {
		name := OneLine(s)
		if name == "" {
			name = Clean(attr(s, "data-value"))
		}
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	})
	return out
}

// pricedText parses the first price in the given selectors.
func pricedText(p *page, selectors ...string) (Price, bool) {
	for _, s := range selectors {
		var price Price
		var ok bool
		p.find(s).EachWithBreak(func(_ int, sel *goquery.Selection) bool {
			price, ok = ParsePrice(OneLine(sel))
			return !ok
		})
		if ok {
			return price, true
		}
	}
	return Price{}, false
}

// pairs reads dt/dd pairs of a <dl>, and th/td or td/td pairs of a table row.
func pairs(sel *goquery.Selection, set *attrSet) {
	var name string
	sel.Children().Each(func(_ int, c *goquery.Selection) {
		switch goquery.NodeName(c) {
		case "dt", "th":
			name = OneLine(c)
		case "dd", "td":
			if c.HasClass("Ptable-tips") || name == "" {
				if name == "" && goquery.NodeName(c) == "td" {
					name = OneLine(c)
				}
				return
			}
			set.add(name, OneLine(c))
			name = ""
		}
	})
}
