package listings

import "github.com/PuerkitoBio/goquery"

// Class prefixes of the newer, class-hashed Taobao and Tmall DOM
// ("ItemHeader--mainTitle--3CIjqW5"): the part before the hash is stable.
var (
	newTitle      = hashed("ItemHeader--mainTitle--", "MainTitle--mainTitle--", "mainTitle--")
	newSubtitle   = hashed("ItemHeader--subTitle--", "SubTitle--subTitle--", "subTitle--")
	newPrice      = hashed("Price--priceText--", "highlightPrice--", "priceText--")
	newAttr       = hashed("Attrs--attr--", "ItemAttributes--attr--", "ItemAttributes--item--")
	newGeneral    = hashed("generalParamsInfoItem--")
	newEmphasis   = hashed("emphasisParamsInfoItem--")
	newSKU        = hashed("SkuContent--valueItemText--", "valueItemText--", "skuValueName--")
	newDesc       = hashed("DescV2--content--", "desc-root", "descV8-container")
	newCategory   = hashed("Breadcrumb--item--", "breadcrumb--item--")
	newParamTitle = hashed("generalParamsInfoItemTitle--", "emphasisParamsInfoItemTitle--")
	newParamSub   = hashed("generalParamsInfoItemSubTitle--", "emphasisParamsInfoItemSubTitle--")
)

// isTaobaoNew recognises the class-hashed Taobao/Tmall item page.
func isTaobaoNew(p *page) bool {
	return p.find(newTitle).Length() > 0
}

// extractTaobaoNew reads the class-hashed layout. Attributes come either as
// "品牌：X" texts (Attrs--attr) or as title/subtitle pairs
// (generalParamsInfoItem: name then value; emphasisParamsInfoItem: value
// then name).
func extractTaobaoNew(p *page, l *Listing) {
	title := p.find(newTitle).First()
	if l.Title = OneLine(title); l.Title == "" {
		l.Title = Clean(attr(title, "title"))
	}
	l.Subtitle = firstText(p, newSubtitle)
	l.Price, _ = pricedText(p, newPrice)
	var set attrSet
	p.find(newAttr).Each(func(_ int, s *goquery.Selection) {
		if !set.addText(OneLine(s)) {
			set.addText(attr(s, "title"))
		}
	})
	paramPairs(p.find(newGeneral), &set, false)
	paramPairs(p.find(newEmphasis), &set, true)
	l.Attributes = set.list
	l.SKUs = optionNames(p.find(newSKU))
	l.Description = description(p, newDesc, "#description .content")
	var crumbs []string
	p.find(newCategory).Each(func(_ int, s *goquery.Selection) {
		if t := OneLine(s); t != "" {
			crumbs = append(crumbs, t)
		}
	})
	l.Category = joinCategory(crumbs)
}

// paramPairs reads title/subtitle parameter cards; valueFirst is true where
// the big title is the value and the small subtitle the name.
func paramPairs(items *goquery.Selection, set *attrSet, valueFirst bool) {
	items.Each(func(_ int, item *goquery.Selection) {
		title := OneLine(item.Find(newParamTitle).First())
		sub := OneLine(item.Find(newParamSub).First())
		if valueFirst {
			title, sub = sub, title
		}
		set.add(title, sub)
	})
}
