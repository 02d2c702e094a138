package listings

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
)

// headScanLimit bounds the search for a <meta> charset declaration. Saved
// Taobao and Tmall pages put ~150 KB of inline script before their <meta
// charset>, far past the 1024 bytes the HTML prescan looks at.
const headScanLimit = 1 << 20

// declaredCharset returns the charset label the input declares: the
// charset parameter of contentType, else a <meta charset> or <meta
// http-equiv="Content-Type"> before <body>, else an XML declaration's
// encoding. It returns "" when nothing is declared.
func declaredCharset(raw []byte, contentType string) string {
	if label := contentTypeCharset(contentType); label != "" {
		return label
	}
	if label := xmlDeclCharset(raw); label != "" {
		return label
	}
	return metaCharset(raw[:min(len(raw), headScanLimit)])
}

// contentTypeCharset reads the charset parameter of a media type.
func contentTypeCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return strings.TrimSpace(params["charset"])
	}
	// Malformed media types ("charset=gbk" alone) still name a charset.
	lower := strings.ToLower(contentType)
	i := strings.Index(lower, "charset=")
	if i < 0 {
		return ""
	}
	label, _, _ := strings.Cut(lower[i+len("charset="):], ";")
	return strings.Trim(label, `"' `)
}

// xmlDeclCharset reads encoding="..." from a leading <?xml ...?> declaration.
func xmlDeclCharset(raw []byte) string {
	if !bytes.HasPrefix(raw, []byte("<?xml")) {
		return ""
	}
	end := bytes.Index(raw, []byte("?>"))
	if end < 0 {
		return ""
	}
	decl := string(raw[:end])
	i := strings.Index(decl, "encoding=")
	if i < 0 {
		return ""
	}
	return strings.Trim(decl[i+len("encoding="):], `"' `)
}

// metaCharset tokenizes the head and returns the first declared charset.
func metaCharset(head []byte) string {
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if label := metaTagCharset(z, hasAttr); label != "" {
					return label
				}
			}
		}
	}
}

// metaTagCharset reads charset or http-equiv content from one <meta> tag.
func metaTagCharset(z *html.Tokenizer, hasAttr bool) string {
	var content string
	httpEquiv := false
	for hasAttr {
		var key, val []byte
		key, val, hasAttr = z.TagAttr()
		switch strings.ToLower(string(key)) {
		case "charset":
			return strings.TrimSpace(string(val))
		case "http-equiv":
			httpEquiv = strings.EqualFold(strings.TrimSpace(string(val)), "content-type")
		case "content":
			content = string(val)
		}
	}
	if httpEquiv {
		return contentTypeCharset(content)
	}
	return ""
}
