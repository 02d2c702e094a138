package listings

import "github.com/PuerkitoBio/goquery"

// isTmallClassic recognises the classic detail.tmall.com page.
func isTmallClassic(p *page) bool {
	return p.doc.Find(".tb-detail-hd h1").Length() > 0
}

// extractTmallClassic reads the classic Tmall layout: .tb-detail-hd h1,
// p.newp, .tm-price, #J_AttrUL, .tm-tableAttr, .J_TSaleProp,
// #description .content.
func extractTmallClassic(p *page, l *Listing) {
	doc := p.doc
	l.Title = firstText(doc, ".tb-detail-hd h1")
	l.Subtitle = firstText(doc, ".tb-detail-hd p.newp", "p.newp")
	l.Price, _ = pricedText(doc, "#J_PromoPrice .tm-price", "#J_StrPriceModBox .tm-price", ".tm-price")
	var set attrSet
	doc.Find("#J_BrandAttr .name, #J_AttrUL li").Each(func(_ int, s *goquery.Selection) {
		set.addText(OneLine(s))
	})
	doc.Find("table.tm-tableAttr").Each(func(_ int, table *goquery.Selection) {
		if head := OneLine(table.Find("thead")); head == "包装清单" || head == "售后保障" {
			return
		}
		table.Find("tbody tr").Each(func(_ int, tr *goquery.Selection) {
			pairs(tr, &set)
		})
	})
	l.Attributes = set.list
	l.SKUs = optionNames(doc.Find(".J_TSaleProp li span"))
	l.Description = description(doc, "#description .content", "#J_DivItemDesc")
	l.Category = breadcrumb(doc)
}
