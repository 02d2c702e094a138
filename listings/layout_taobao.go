package listings

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// isTaobaoClassic recognises the classic item.taobao.com detail page.
func isTaobaoClassic(p *page) bool {
	return p.find(".tb-main-title").Length() > 0
}

// extractTaobaoClassic reads the classic Taobao layout: .tb-main-title,
// .tb-subtitle, #J_StrPrice, ul.attributes-list, .J_TSaleProp, #J_DivItemDesc.
func extractTaobaoClassic(p *page, l *Listing) {
	title := p.find(".tb-main-title").First()
	l.Title = OneLine(title)
	if l.Title == "" {
		l.Title = Clean(attr(title, "data-title"))
	}
	l.Subtitle = firstText(p, ".tb-subtitle")
	l.Price, _ = pricedText(p, "#J_StrPrice .tb-rmb-num", ".tb-rmb-num", "#J_StrPrice")
	var set attrSet
	p.find("ul.attributes-list li").Each(func(_ int, li *goquery.Selection) {
		set.addText(OneLine(li))
	})
	l.Attributes = set.list
	l.SKUs = optionNames(p.find(".J_TSaleProp li span"))
	l.Description = description(p, "#J_DivItemDesc")
	l.Category = breadcrumb(p)
}

// placeholders are what a saved page shows before the description loads.
var placeholders = map[string]bool{"描述加载中": true, "加载中...": true, "正在加载中": true}

// description is the plain text of the first container that has real text.
func description(p *page, selectors ...string) string {
	text := firstBlock(p, selectors...)
	if placeholders[text] {
		return ""
	}
	return text
}

// breadcrumb is the category path a page shows, joined with " > ".
func breadcrumb(p *page) string {
	sel := p.find("#J_Crumbs a, .tb-breadcrumb a, #crumb-wrap .crumb .item > a, .breadcrumb a, nav[aria-label=breadcrumb] a")
	var parts []string
	sel.Each(func(_ int, a *goquery.Selection) {
		if t := OneLine(a); t != "" && t != "首页" {
			parts = append(parts, t)
		}
	})
	return joinCategory(parts)
}

// joinCategory joins category path parts.
func joinCategory(parts []string) string { return strings.Join(parts, " > ") }
