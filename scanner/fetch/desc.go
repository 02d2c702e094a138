package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/PuerkitoBio/goquery"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// Description fetches a listing's separately loaded description (Taobao
// and Tmall descUrl, JD's description channel) and returns its visible
// text. descURL may be protocol-relative or relative to base, the page's
// URL. A description made only of images has no text: "" and no error.
func (f *Fetcher) Description(ctx context.Context, descURL, base string) (string, error) {
	u, err := resolve(base, descURL)
	if err != nil {
		return "", fmt.Errorf("description URL %q: %w", descURL, err)
	}
	resp, err := f.Get(ctx, u)
	if err != nil {
		return "", fmt.Errorf("description %s: %w", u, err)
	}
	text, _, err := listings.Decode(resp.Body, resp.ContentType)
	if err != nil {
		return "", fmt.Errorf("description %s: %w", u, err)
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(DescriptionHTML(text)))
	if err != nil {
		return "", fmt.Errorf("description %s: %w", u, err)
	}
	return listings.PlainText(doc.Find("body")), nil
}

// resolve makes ref absolute against base ("//host/x" takes https when base
// is empty).
func resolve(base, ref string) (string, error) {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return "", err
	}
	b, err := url.Parse(base)
	if err != nil || b.Scheme == "" {
		b = &url.URL{Scheme: "https"}
	}
	return b.ResolveReference(r).String(), nil
}

// DescriptionHTML takes the description markup out of the answer a
// description URL gives: a script assigning a string (`var desc='<p>…';`,
// Taobao and Tmall), JSON or JSONP with a "content" member (JD), or the
// markup itself.
func DescriptionHTML(body string) string {
	t := strings.TrimSpace(strings.TrimPrefix(body, "\uFEFF"))
	if strings.HasPrefix(t, "var ") {
		if i := strings.IndexByte(t, '='); i > 0 {
			if s, ok := jsString(strings.TrimSpace(t[i+1:])); ok {
				return s
			}
		}
	}
	if open, end := strings.IndexByte(t, '{'), strings.LastIndexByte(t, '}'); open >= 0 && end > open && open < 64 && !strings.HasPrefix(t, "<") {
		var v struct {
			Content string `json:"content"`
		}
		if json.Unmarshal([]byte(t[open:end+1]), &v) == nil && v.Content != "" {
			return v.Content
		}
	}
	return t
}

// jsString reads the JavaScript string literal s starts with.
func jsString(s string) (string, bool) {
	if s == "" || (s[0] != '\'' && s[0] != '"') {
		return "", false
	}
	quote := s[0]
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == quote:
			return b.String(), true
		case c != '\\' || i+1 == len(s):
			b.WriteByte(c)
		default:
			i += jsEscape(&b, s[i+1:])
		}
	}
	return b.String(), true // unterminated: keep what there is
}

// jsEscape writes the character an escape stands for (rest follows the
// backslash) and returns how many bytes of rest it used.
func jsEscape(b *strings.Builder, rest string) int {
	switch c := rest[0]; c {
	case 'n':
		b.WriteByte('\n')
	case 'r':
		b.WriteByte('\r')
	case 't':
		b.WriteByte('\t')
	case '\n': // line continuation
	case 'x', 'u':
		width := map[byte]int{'x': 2, 'u': 4}[c]
		r, ok := hexRune(rest[1:], width)
		if !ok {
			b.WriteByte(c)
			break
		}
		if utf16.IsSurrogate(r) && len(rest) >= 11 && rest[5:7] == `\u` {
			if low, ok := hexRune(rest[7:], 4); ok {
				b.WriteRune(utf16.DecodeRune(r, low))
				return 11
			}
		}
		b.WriteRune(r)
		return 1 + width
	default:
		b.WriteByte(c) // \' \" \\ \/ and anything else stand for themselves
	}
	return 1
}

// hexRune reads width hex digits at the start of s.
func hexRune(s string, width int) (rune, bool) {
	if len(s) < width {
		return 0, false
	}
	n, err := strconv.ParseUint(s[:width], 16, 32)
	return rune(n), err == nil
}
