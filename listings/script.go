package listings

import (
	"net/url"
	"regexp"
	"strings"
)

// scriptDescURL finds the description URL Taobao and Tmall pages carry in
// inline script: `descUrl : location.protocol==='http:' ? '//a' : '//b'`
// (classic Taobao; the https one, last, wins) or `"httpsDescUrl":"//..."`
// and `"descUrl":"//..."` (Tmall's JSON config; https first).
func scriptDescURL(scripts []string) string {
	if u := scriptURL(scripts, "httpsDescUrl"); u != "" {
		return u
	}
	return scriptURL(scripts, "descUrl")
}

// jdDescURL finds `desc: '//cd.jd.com/description/channel?...'` in JD's
// pageConfig.
func jdDescURL(scripts []string) string {
	return scriptURL(scripts, "desc")
}

// scriptURL returns the URL assigned to key in the first script that
// assigns one: `key: '...'`, `"key":"..."` or `key = ...`.
func scriptURL(scripts []string, key string) string {
	for _, s := range scripts {
		for rest := s; ; {
			i := strings.Index(rest, key)
			if i < 0 {
				break
			}
			rest = rest[i+len(key):]
			value, ok := assigned(rest)
			if !ok {
				continue
			}
			if u := lastQuotedURL(statementAfter(value)); u != "" {
				return absoluteURL(u)
			}
		}
	}
	return ""
}

// assigned returns what follows a key's colon or equals sign; it reports
// false when the key is not being assigned (a use, or a longer name).
func assigned(rest string) (string, bool) {
	rest = strings.TrimLeft(rest, ` "'`+"\t")
	if rest == "" || (rest[0] != ':' && rest[0] != '=') {
		return "", false
	}
	return strings.TrimLeft(rest[1:], " \t"), true
}

// statementAfter is the text up to the end of the property or statement that
// starts s: the first comma, semicolon, newline or brace outside quotes.
func statementAfter(s string) string {
	var quote byte
	for i := 0; i < len(s) && i < 2048; i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == ',' || c == ';' || c == '\n' || c == '}':
			return s[:i]
		}
	}
	return s[:min(len(s), 2048)]
}

// lastQuotedURL is the last quoted string in s that looks like a URL.
func lastQuotedURL(s string) string {
	found := ""
	for {
		i := strings.IndexAny(s, `'"`)
		if i < 0 {
			return found
		}
		end := strings.IndexByte(s[i+1:], s[i])
		if end < 0 {
			return found
		}
		v := strings.ReplaceAll(s[i+1:i+1+end], `\/`, "/")
		if strings.HasPrefix(v, "//") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://") {
			found = v
		}
		s = s[i+2+end:]
	}
}

// jdItemPath matches JD item URLs: item.jd.com/100012043978.html.
var jdItemPath = regexp.MustCompile(`/(\d{5,})\.html`)

// urlItemID reads the item id from an item URL (?id= or JD's path).
func urlItemID(u string) string {
	parsed, err := url.Parse(u)
	if err != nil {
		return ""
	}
	for _, key := range []string{"id", "itemId", "item_id", "goods_id"} {
		if v := parsed.Query().Get(key); digitsOnly(v) {
			return v
		}
	}
	if m := jdItemPath.FindStringSubmatch(parsed.Path); m != nil {
		return m[1]
	}
	return ""
}

// scriptItemID reads `itemId : '562283240178'`, `itemId:"605258110430"` or
// JD's `skuid: 100012043978` from inline scripts.
func scriptItemID(scripts []string) string {
	for _, s := range scripts {
		for _, key := range []string{"itemId", "skuid"} {
			if id := valueDigits(s, key); id != "" {
				return id
			}
		}
	}
	return ""
}

// valueDigits returns the digits that follow key and a colon or equals sign.
func valueDigits(s, key string) string {
	for {
		i := strings.Index(s, key)
		if i < 0 {
			return ""
		}
		s = s[i+len(key):]
		rest, ok := assigned(s)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, `"'`)
		j := 0
		for j < len(rest) && isDigit(rest[j]) {
			j++
		}
		if j >= 5 {
			return rest[:j]
		}
	}
}

// digitsOnly reports whether s is a non-empty run of ASCII digits.
func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// itemID picks the item id: from the URL, the page scripts, a data-item-id
// attribute, or else the file name.
func itemID(p *page, pageURL string) string {
	if id := urlItemID(pageURL); id != "" {
		return id
	}
	if id := scriptItemID(p.scripts); id != "" {
		return id
	}
	if id := attr(p.find("[data-item-id]"), "data-item-id"); digitsOnly(id) {
		return id
	}
	return fileStem(p.source)
}
