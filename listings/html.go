package listings

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// Platform names used in Listing.Platform.
const (
	PlatformTaobao  = "taobao"
	PlatformTmall   = "tmall"
	PlatformJD      = "jd"
	PlatformPDD     = "pdd"
	PlatformDouyin  = "douyin"
	PlatformGeneric = "generic"
)

// page is one parsed HTML document and what several extractors share.
type page struct {
	doc     *goquery.Document
	idx     *domIndex // for find
	source  string
	scripts []string // inline script texts, in page order
}

// layout is one platform's page structure.
type layout struct {
	name    string
	detect  func(*page) bool
	extract func(*page, *Listing)
}

// layouts are tried in order; the generic extractor runs when none matches.
var layouts = []layout{
	{PlatformTmall, isTmallClassic, extractTmallClassic},
	{PlatformTaobao, isTaobaoClassic, extractTaobaoClassic},
	{PlatformJD, isJD, extractJD},
	{PlatformTaobao, isTaobaoNew, extractTaobaoNew},
}

// ParseHTML decodes an item page (see Decode) and extracts its listing.
func ParseHTML(source string, raw []byte) (*Listing, error) {
	text, enc, err := Decode(raw, "")
	if err != nil {
		return nil, err
	}
	return ParseHTMLText(source, text, enc)
}

// ParseHTMLText extracts the listing from an already decoded page; enc is
// the encoding Decode reported (a fetcher decodes with the Content-Type
// header, then calls this).
func ParseHTMLText(source, text, enc string) (*Listing, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	p := &page{doc: doc, source: source, idx: newDOMIndex(doc.Nodes[0], strings.Count(text, "<"))}
	p.scripts = inlineScripts(p)
	l := &Listing{Source: source, Encoding: enc, Raw: text, Platform: PlatformGeneric}
	l.Ignores = IgnoreComments(text)
	l.URL = pageURL(p)
	matched := false
	for _, lay := range layouts {
		if lay.detect(p) {
			l.Platform = lay.name
			lay.extract(p, l)
			matched = true
			break
		}
	}
	if !matched {
		if reason := notItemPage(p, l); reason != "" {
			return nil, fmt.Errorf("%w: %s", ErrNotItemPage, reason)
		}
	}
	extractGeneric(p, l)
	finishListing(p, l)
	if l.Title == "" && len(l.Attributes) == 0 && l.Description == "" {
		return nil, ErrNoListing
	}
	return l, nil
}

// finishListing fills what every layout shares: platform from the URL,
// item id, description URL.
func finishListing(p *page, l *Listing) {
	if l.Platform == PlatformGeneric {
		l.Platform = platformFromURL(l.URL)
	}
	if l.Platform == PlatformTaobao && strings.Contains(l.URL, "tmall.com") {
		l.Platform = PlatformTmall
	}
	if l.DescURL == "" {
		l.DescURL = scriptDescURL(p.scripts)
	}
	if l.ID == "" {
		l.ID = itemID(p, l.URL)
	}
}

// inlineScripts returns the text of every <script> without src. A script's
// text is the one text node the parser gives it, taken as it is: item pages
// carry hundreds of KB of script data, not worth copying.
func inlineScripts(p *page) []string {
	var out []string
	p.find("script").Each(func(_ int, s *goquery.Selection) {
		if _, ok := s.Attr("src"); ok {
			return
		}
		for c := s.Nodes[0].FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
				out = append(out, c.Data)
			}
		}
	})
	return out
}

// pageURL is the canonical URL of the page, or its og:url.
func pageURL(p *page) string {
	u := attr(p.find(`link[rel="canonical"]`), "href")
	if u == "" {
		u = metaContent(p, "og:url")
	}
	return absoluteURL(u)
}

// absoluteURL gives protocol-relative URLs ("//item.taobao.com/...") https.
func absoluteURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(u, "//") {
		return "https:" + u
	}
	return u
}

// platformFromURL names the platform a URL belongs to.
func platformFromURL(u string) string {
	parsed, err := url.Parse(u)
	if err != nil || parsed.Host == "" {
		return PlatformGeneric
	}
	host := strings.ToLower(parsed.Host)
	switch {
	case strings.HasSuffix(host, "tmall.com"), strings.HasSuffix(host, "tmall.hk"):
		return PlatformTmall
	case strings.HasSuffix(host, "taobao.com"):
		return PlatformTaobao
	case strings.HasSuffix(host, "jd.com"), strings.HasSuffix(host, "jd.hk"):
		return PlatformJD
	case strings.HasSuffix(host, "yangkeduo.com"), strings.Contains(host, "pinduoduo"):
		return PlatformPDD
	case strings.Contains(host, "douyin"), strings.Contains(host, "jinritemai"):
		return PlatformDouyin
	}
	return PlatformGeneric
}

// fileStem is a file name without directory and extensions
// ("pages/tee.gbk.html" -> "tee"), the id of last resort.
func fileStem(source string) string {
	base := filepath.Base(source)
	if source == "" || source == "-" || base == "." {
		return ""
	}
	for {
		ext := strings.ToLower(filepath.Ext(base))
		if !stemExtensions[ext] || ext == strings.ToLower(base) {
			return base
		}
		base = base[:len(base)-len(ext)]
	}
}

// stemExtensions are the extensions fileStem strips.
var stemExtensions = map[string]bool{
	".html": true, ".htm": true, ".xhtml": true, ".shtml": true, ".yaml": true, ".yml": true,
	".json": true, ".txt": true, ".gbk": true, ".gb18030": true, ".gb2312": true, ".utf8": true,
}
