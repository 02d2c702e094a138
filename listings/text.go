package listings

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// skipped elements hold no seller-visible text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Svg: true, atom.Object: true, atom.Head: true,
}

// blocks are elements that start a new line in plain text.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Table: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Form: true, atom.Center: true,
}

// PlainText is the visible text of a selection: scripts and styles dropped,
// block elements on their own lines, runs of spaces collapsed, blank lines
// removed.
func PlainText(sel *goquery.Selection) string {
	var b strings.Builder
	for _, n := range sel.Nodes {
		writeText(&b, n)
		b.WriteByte('\n')
	}
	return cleanLines(b.String())
}

// OneLine is the visible text of a selection on one line.
func OneLine(sel *goquery.Selection) string {
	return strings.Join(strings.Split(PlainText(sel), "\n"), " ")
}

// writeText appends the text under n, with newlines around blocks.
func writeText(b *strings.Builder, n *html.Node) {
	switch n.Type {
	case html.TextNode:
		b.WriteString(n.Data)
		return
	case html.CommentNode:
		return
	case html.ElementNode:
		if skipped[n.DataAtom] {
			return
		}
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
	if block {
		b.WriteByte('\n')
	} else if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		b.WriteByte(' ')
	}
}

// cleanLines collapses white space inside lines, trims them and drops the
// empty ones. Text flattened from HTML mostly has nothing to change but
// its empty lines (the one after the last block at least): its lines are
// then joined as they are, or s is returned when none is empty.
func cleanLines(s string) string {
	if linesClean(s) {
		return withoutEmptyLines(s)
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, line := range lines {
		if line = Clean(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

// linesClean reports whether Clean leaves every line of s as it is
// (an empty line too).
func linesClean(s string) bool {
	for {
		line, rest, more := strings.Cut(s, "\n")
		if !isClean(line) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// withoutEmptyLines is s less its empty lines.
func withoutEmptyLines(s string) string {
	if !strings.Contains(s, "\n\n") && !strings.HasPrefix(s, "\n") && !strings.HasSuffix(s, "\n") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for line := range strings.SplitSeq(s, "\n") {
		if line == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

// Clean trims a string and collapses its white space (including no-break
// and full-width spaces) to single ASCII spaces. Most strings (every cell
// of an export row, most attribute names and values) are clean already:
// they are returned as they are, not copied (issue 13: an export row).
func Clean(s string) string {
	if isClean(s) {
		return s
	}
	return cleanCopy(s)
}

// isClean reports whether Clean would return s unchanged: valid UTF-8
// without invisible characters, white space other than single ASCII
// spaces, or a space at either end.
func isClean(s string) bool {
	space := true // a leading space is trimmed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' && space || c != ' ' && asciiSpace(c) {
				return false
			}
			space = c == ' '
			i++
			continue
		}
		if runes.Han(s, i) {
			// A Chinese character (U+4000 to U+9FFF): neither space nor
			// invisible, not decoded.
			space = false
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || invisible(r) || unicode.IsSpace(r) || r == '\u3000' {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}

// asciiSpace is unicode.IsSpace for a byte below utf8.RuneSelf.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// cleanCopy is Clean of a string that changes.
func cleanCopy(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if invisible(r) {
			continue
		}
		if unicode.IsSpace(r) || r == '\u00A0' || r == '\u3000' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports zero-width characters, which are dropped: "最\u200b佳" is
// still 最佳 to a reader.
func invisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD':
		return true
	}
	return false
}

// htmlToText returns the plain text of s when it looks like HTML, else s
// unchanged (so that offsets into it still match its source lines).
func htmlToText(s string) string {
	if !looksLikeHTML(s) {
		return s
	}
	if text, ok := flatText(s); ok {
		return text // htmlflat.go
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		return s
	}
	return PlainText(doc.Find("body"))
}

// looksLikeHTML reports whether s holds a tag or an entity.
func looksLikeHTML(s string) bool {
	if strings.Contains(s, "&nbsp;") || strings.Contains(s, "&lt;") || strings.Contains(s, "&amp;") {
		return true
	}
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || (c|0x20 >= 'a' && c|0x20 <= 'z') {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}
