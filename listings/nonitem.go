package listings

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// ErrNotItemPage: an HTML page that is not one item's page (search
// results, a shop's home page, a login wall, an error page). Scanning it
// as a listing would judge the platform's own words, so it is reported
// with the reason instead.
var ErrNotItemPage = errors.New("not an item page")

// minItemLinks is how many distinct item links make a page a list of
// items rather than one item with a few recommendations.
const minItemLinks = 12

// itemLink matches links to item pages on the platforms read.
var itemLink = regexp.MustCompile(`(?:item\.taobao\.com/item\.htm\?(?:[^"'\s]*&)?id=|detail\.tmall\.(?:com|hk)/item\.htm\?(?:[^"'\s]*&)?id=|item\.jd\.com/)(\d+)`)

// errorTitle matches the titles and headings of error pages.
var errorTitle = regexp.MustCompile(`(?i)404|not found|页面不存在|页面找不到|找不到页面|页面走丢|宝贝不存在|商品不存在|宝贝已下架|商品已下架|已被删除|出错啦`)

// notItemPage says why a page matched by no item layout is not an item
// page, "" when it may be one.
func notItemPage(p *page, l *Listing) string {
	title := strings.TrimSpace(p.find("title").First().Text())
	host, path := pageHost(l.URL, p.source)
	links := distinctItemLinks(p)
	switch {
	case p.find(`input[type="password"]`).Length() > 0 || strings.Contains(title, "登录") || loginHosts[host]:
		return fmt.Sprintf("a login page (title %q): the item is behind a login wall; save the page while logged in", title)
	case errorTitle.MatchString(title) || errorTitle.MatchString(p.find("h1").First().Text()):
		return fmt.Sprintf("an error page (title %q): the item does not exist or was removed", title)
	case strings.Contains(title, "搜索") || searchHosts[host] || strings.Contains(path, "/search"):
		return fmt.Sprintf("a search results page (title %q, %d links to item pages)", title, links)
	case shopHome(host, title):
		return fmt.Sprintf("a shop's home page (title %q, %d links to item pages)", title, links)
	case links >= minItemLinks && !hasProductData(p):
		return fmt.Sprintf("a page listing %d items (title %q), not one item", links, title)
	}
	return ""
}

var (
	loginHosts  = map[string]bool{"login.taobao.com": true, "login.tmall.com": true, "passport.jd.com": true, "login.m.taobao.com": true}
	searchHosts = map[string]bool{"s.taobao.com": true, "list.tmall.com": true, "search.jd.com": true, "uland.taobao.com": true}
	shopHost    = regexp.MustCompile(`^(shop\d+\.taobao\.com|[a-z0-9-]+\.(taobao|tmall)\.com|mall\.jd\.com)$`)
	itemHosts   = map[string]bool{"item.taobao.com": true, "detail.tmall.com": true, "item.jd.com": true, "detail.tmall.hk": true}
)

// shopHome: a shop's own host, or a title such as 首页-木槿生活-淘宝网.
func shopHome(host, title string) bool {
	if host != "" && !itemHosts[host] && shopHost.MatchString(host) && !strings.HasPrefix(host, "www.") {
		return true
	}
	return strings.HasPrefix(title, "首页") && (strings.Contains(title, "淘宝") || strings.Contains(title, "天猫") || strings.Contains(title, "京东"))
}

// pageHost is the host and path of the page's URL, else of its source
// when that is a URL.
func pageHost(pageURL, source string) (string, string) {
	for _, u := range []string{pageURL, source} {
		if parsed, err := url.Parse(u); err == nil && parsed.Host != "" {
			return strings.ToLower(parsed.Host), parsed.Path
		}
	}
	return "", ""
}

func distinctItemLinks(p *page) int {
	ids := map[string]bool{}
	p.find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if m := itemLink.FindStringSubmatch(a.AttrOr("href", "")); m != nil {
			ids[m[1]] = true
		}
	})
	return len(ids)
}

// hasProductData reports JSON-LD or OpenGraph that declares one product.
func hasProductData(p *page) bool {
	if strings.EqualFold(metaContent(p, "og:type"), "product") {
		return true
	}
	found := false
	p.find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		found = strings.Contains(s.Text(), `"Product"`)
		return !found
	})
	return found
}
