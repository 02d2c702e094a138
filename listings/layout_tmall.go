package listings

import "github.com/PuerkitoBio/goquery"

// isTmallClassic recognises the classic detail.tmall.com page.
func isTmallClassic(p *page) bool {
	return p.find(".tb-detail-hd h1").Length() > 0
}

// extractTmallClassic reads the classic Tmall layout: .tb-detail-hd h1,
// p.newp, .tm-price, #J_AttrUL, .tm-tableAttr, .J_TSaleProp,
// #description .content.
func extractTmallClassic(p *page, l *Listing) {
	l.Title = firstText(p, ".tb-detail-hd h1")
	l.Subtitle = firstText(p, ".tb-detail-hd p.newp", "p.newp")
	l.Price, _ = pricedText(p, "#J_PromoPrice .tm-price", "#J_StrPriceModBox .tm-price", ".tm-price")
	var set attrSet
	p.find("#J_BrandAttr .name, #J_AttrUL li").Each(func(_ int, s *goquery.Selection) {
		set.addText(OneLine(s))
	})
	p.find("table.tm-tableAttr").Each(func(_ int, table *goquery.Selection) {
		if head := OneLine(table.Find("thead")); head == "包装清单" || head == "售后保障" {
			return
		}
		table.Find("tbody tr").Each(func(_ int, tr *goquery.Selection) {
			pairs(tr, &set)
		})
	})
	l.Attributes = set.list
	l.SKUs = optionNames(p.find(".J_TSaleProp li span"))
	l.Description = description(p, "#description .content", "#J_DivItemDesc")
	l.Category = breadcrumb(p)
}
