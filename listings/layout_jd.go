package listings

import "github.com/PuerkitoBio/goquery"

// isJD recognises the item.jd.com detail page.
func isJD(p *page) bool {
	return p.doc.Find(".sku-name, #J-detail-content, .Ptable").Length() > 0
}

// extractJD reads the JD layout: .sku-name, #p-ad, .p-price .price,
// .p-parameter-list li, .Ptable dl, #choose-attr-N .item, #J-detail-content.
func extractJD(p *page, l *Listing) {
	doc := p.doc
	l.Title = firstText(doc, ".sku-name")
	l.Subtitle = firstText(doc, "#p-ad", ".news .item")
	l.Price, _ = pricedText(doc, ".summary-price .p-price .price", ".p-price .price", ".p-price")
	var set attrSet
	doc.Find(".p-parameter-list li, .parameter2 li").Each(func(_ int, li *goquery.Selection) {
		set.addText(OneLine(li))
	})
	doc.Find(".Ptable dl").Each(func(_ int, dl *goquery.Selection) {
		pairs(dl, &set)
	})
	l.Attributes = set.list
	l.SKUs = jdSKUs(doc)
	l.Description = description(doc, "#J-detail-content", "#detail .detail-content")
	l.Category = breadcrumb(doc)
	if l.DescURL == "" {
		l.DescURL = jdDescURL(p.scripts)
	}
}

// jdSKUs reads the option names of the #choose-attr-N blocks.
func jdSKUs(doc *goquery.Document) []string {
	items := doc.Find(`[id^="choose-attr-"] .item`)
	var out []string
	seen := map[string]bool{}
	items.Each(func(_ int, s *goquery.Selection) {
		name := Clean(attr(s, "data-value"))
		if name == "" {
			name = OneLine(s)
		}
		if name != "" && !seen[name] {
			seen[name] = true
			out = append(out, name)
		}
	})
	return out
}
