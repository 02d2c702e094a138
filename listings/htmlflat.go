package listings

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An export's description cell is a little HTML for every row
// (<p>…</p><p>…</p><img …>), and parsing it into a document to take its
// text was 2% of the CPU of a 5,000-row export's scan (issue 13). For
// markup whose tags can only close where they are written, the parser's
// tree holds the same text in the same order, with blocks at the same
// places, as the tags do: flatText reads the text off the markup itself
// and leaves the rest to the parser.
//
// It answers only when every tag is one of flatBlocks, flatInline or
// flatVoid, an end tag closes the element last opened and not closed, a
// block opens only among blocks, and only void elements are written
// self-closed. The parser then neither moves text (no table, no head
// element, no formatting element misnested) nor closes a block anywhere
// but where another opens (a <p> closed by a <p> or a <div>), and
// PlainText's lines are the same. It reads tags, comments and text as
// the parser's tokenizer does, and declines the markup where the two
// might part (flatscan.go), so it needs no tokenizer of its own: one
// allocates a 4 kB buffer, more than the rest of a row's text.
var (
	flatBlocks = map[atom.Atom]bool{atom.P: true, atom.Div: true}
	flatInline = map[atom.Atom]bool{atom.Span: true, atom.B: true, atom.Strong: true, atom.I: true,
		atom.Em: true, atom.U: true, atom.Font: true, atom.Small: true}
	flatVoid = map[atom.Atom]bool{atom.Br: true, atom.Img: true}
)

// flatText is htmlToText's answer for HTML s, and false when s has markup
// the parser may rearrange.
func flatText(s string) (string, bool) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", false // the parser drops or replaces NUL by context
	}
	var b strings.Builder
	b.Grow(len(s))
	var open []atom.Atom
	text := 0 // where the text not written yet starts
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		m, ok := scanMarkup(s, i)
		switch {
		case !ok:
			return "", false
		case m.end == i: // a '<' that is text
			i++
			continue
		}
		writeFlatText(&b, s[text:i])
		if !flatTag(&b, m, &open) {
			return "", false
		}
		i, text = m.end, m.end
	}
	writeFlatText(&b, s[text:])
	b.WriteByte('\n') // PlainText's, after the body
	return cleanLines(b.String()), true
}

// flatTag writes what tag m gives the text, its block's line break, and
// keeps open the elements not closed; false when m is no flat markup.
func flatTag(b *strings.Builder, m markup, open *[]atom.Atom) bool {
	switch m.kind {
	case markupComment:
		return true
	case markupStart, markupSelfClosing:
		if !flatOpens(m.tag, *open) || m.kind == markupSelfClosing && !flatVoid[m.tag] {
			return false
		}
		if flatBlocks[m.tag] || m.tag == atom.Br {
			b.WriteByte('\n')
		}
		if !flatVoid[m.tag] {
			*open = append(*open, m.tag)
		}
		return true
	}
	o := *open // an end tag
	if len(o) == 0 || o[len(o)-1] != m.tag {
		return false
	}
	*open = o[:len(o)-1]
	if flatBlocks[m.tag] {
		b.WriteByte('\n')
	}
	return true
}

// writeFlatText writes text as the tokenizer gives it: line ends made
// \n, then character references replaced (by the tokenizer's own
// unescaping, not the standard library's).
func writeFlatText(b *strings.Builder, text string) {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(text, "\r\n", "\n")
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	b.WriteString(html.UnescapeString(text))
}

// flatOpens: start tag a may open in flat markup, the elements of open
// not yet closed.
func flatOpens(a atom.Atom, open []atom.Atom) bool {
	switch {
	case flatInline[a], flatVoid[a]:
		return true
	case !flatBlocks[a]:
		return false
	}
	for _, o := range open {
		if !flatBlocks[o] {
			return false // a block in a formatting element: the parser may reopen it
		}
	}
	return true
}
