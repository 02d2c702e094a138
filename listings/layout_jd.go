package listings

import "github.com/PuerkitoBio/goquery"

// isJD recognises the item.jd.com detail page.
func isJD(p *page) bool {
	return p.find(".sku-name, #J-detail-content, .Ptable").Length() > 0
}

// extractJD reads the JD layout: .sku-name, #p-ad, .p-price .price,
// .p-parameter-list li, .Ptable dl, #choose-attr-N .item, #J-detail-content.
func extractJD(p *page, l *Listing) {
	l.Title = firstText(p, ".sku-name")
	l.Subtitle = firstText(p, "#p-ad", ".news .item")
	l.Price, _ = pricedText(p, ".summary-price .p-price .price", ".p-price .price", ".p-price")
	var set attrSet
	p.find(".p-parameter-list li, .parameter2 li").Each(func(_ int, li *goquery.Selection) {
		set.addText(OneLine(li))
	})
	p.find(".Ptable dl").Each(func(_ int, dl *goquery.Selection) {
		pairs(dl, &set)
	})
	l.Attributes = set.list
	l.SKUs = jdSKUs(p)
	l.Description = description(p, "#J-detail-content", "#detail .detail-content")
	l.Category = breadcrumb(p)
	if l.DescURL == "" {
		l.DescURL = jdDescURL(p.scripts)
	}
}

// jdSKUs reads the option names of the #choose-attr-N blocks.
func jdSKUs(p *page) []string {
	items := p.find(`[id^="choose-attr-"] .item`)
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
