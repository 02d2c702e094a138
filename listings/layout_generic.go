package listings

import (
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
)

// maxAttributeLine bounds a list item read as "name: value" on generic pages.
const maxAttributeLine = 120

// extractGeneric fills what a platform layout left empty, from JSON-LD
// Product, OpenGraph, <h1> and <title>. On pages no layout recognised it
// also reads the description and the attributes ("key: value" list items,
// dt/dd pairs, two-column table rows).
func extractGeneric(p *page, l *Listing) {
	generic := l.Platform == PlatformGeneric
	prod := jsonLDProduct(p)
	if prod != nil {
		fillFromProduct(l, prod, generic)
	}
	if l.Title == "" {
		l.Title = firstNonEmpty(metaContent(p, "og:title"), firstText(p, "h1", "title"))
	}
	if l.Price.Min == 0 && l.Price.Max == 0 {
		l.Price = genericPrice(p)
	}
	if !generic {
		return
	}
	if l.Description == "" {
		l.Description = firstNonEmpty(
			description(p, `[itemprop="description"]`, "#description", ".product-description", ".description", "article"),
			productDescription(prod), metaContent(p, "og:description"), metaContent(p, "description"))
	}
	var set attrSet
	for _, a := range l.Attributes {
		set.add(a.Name, a.Value)
	}
	genericAttributes(p, &set)
	l.Attributes = set.list
}

// fillFromProduct copies JSON-LD Product fields into empty listing fields.
func fillFromProduct(l *Listing, prod *product, generic bool) {
	if l.Title == "" {
		l.Title = Clean(prod.Name)
	}
	if l.Price.Min == 0 && l.Price.Max == 0 {
		l.Price, _ = prod.price()
	}
	if l.ID == "" {
		l.ID = firstNonEmpty(jsonText(prod.SKU), jsonText(prod.ProductID))
	}
	if l.URL == "" {
		l.URL = absoluteURL(prod.URL)
	}
	if l.Category == "" {
		l.Category = jsonText(prod.Category)
	}
	if !generic {
		return
	}
	var set attrSet
	prod.attributes(&set)
	l.Attributes = set.list
	if len(l.SKUs) == 0 {
		l.SKUs = prod.skus()
	}
}

// productDescription is the plain text of a JSON-LD description, if any.
func productDescription(prod *product) string {
	if prod == nil {
		return ""
	}
	return cleanLines(htmlToText(prod.Description))
}

// genericPrice reads OpenGraph/product meta, itemprop=price or a .price.
func genericPrice(p *page) Price {
	for _, name := range []string{"product:price:amount", "og:price:amount"} {
		if price, ok := ParsePrice(metaContent(p, name)); ok {
			if c := metaContent(p, "product:price:currency"); c != "" {
				price.Currency = currencyCode(c)
			}
			return price
		}
	}
	if price, ok := ParsePrice(attr(p.find(`[itemprop="price"]`), "content")); ok {
		return price
	}
	price, _ := pricedText(p, `[itemprop="price"]`, ".price")
	return price
}

// listItem and pageChrome are compiled once: genericAttributes asks them
// of every list item, and a page may have hundreds.
var (
	listItem   = cascadia.MustCompile("li")
	pageChrome = cascadia.MustCompile("nav, header, footer")
)

// genericAttributes reads name/value pairs a product page shows.
func genericAttributes(p *page, set *attrSet) {
	p.find("dl").Each(func(_ int, dl *goquery.Selection) {
		pairs(dl, set)
	})
	p.find("tr").Each(func(_ int, tr *goquery.Selection) {
		if tr.Children().Filter("td, th").Length() == 2 {
			pairs(tr, set)
		}
	})
	p.find("li").Each(func(_ int, li *goquery.Selection) {
		if li.FindMatcher(listItem).Length() > 0 || li.ClosestMatcher(pageChrome).Length() > 0 {
			return
		}
		if text := OneLine(li); utf8.RuneCountInString(text) <= maxAttributeLine {
			set.addText(text)
		}
	})
}

// firstNonEmpty returns the first argument that is not "".
func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
