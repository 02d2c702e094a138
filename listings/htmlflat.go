package listings

import (
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An export's description cell is a little HTML for every row
// (<p>…</p><p>…</p><img …>), and parsing it into a document to take its
// text was 2% of the CPU of a 5,000-row export's scan (issue 13). For
// markup whose tags can only close where they are written, the parser's
// tree holds the same text in the same order, with blocks at the same
// places, as the tags do: flatText reads the text off the tokens and
// leaves the rest to the parser.
//
// It answers only when every tag is one of flatBlocks, flatInline or
// flatVoid, an end tag closes the element last opened and not closed, a
// block opens only among blocks, and only void elements are written
// self-closed. The parser then neither moves text (no table, no head
// element, no formatting element misnested) nor closes a block anywhere
// but where another opens (a <p> closed by a <p> or a <div>), and
// PlainText's lines are the same.
var (
	flatBlocks = map[atom.Atom]bool{atom.P: true, atom.Div: true}
	flatInline = map[atom.Atom]bool{atom.Span: true, atom.B: true, atom.Strong: true, atom.I: true,
		atom.Em: true, atom.U: true, atom.Font: true, atom.Small: true}
	flatVoid = map[atom.Atom]bool{atom.Br: true, atom.Img: true}
)

// flatText is htmlToText's answer for HTML s read from its tokens, and
// false when s has markup the parser may rearrange.
func flatText(s string) (string, bool) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", false // the parser drops or replaces NUL by context
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	b.Grow(len(s))
	var open []atom.Atom
	for {
		switch tt := z.Next(); tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return "", false
			}
			b.WriteByte('\n') // PlainText's, after the body
			return cleanLines(b.String()), true
		case html.TextToken:
			b.Write(z.Text())
		case html.CommentToken:
		case html.StartTagToken, html.SelfClosingTagToken:
			a := tagAtom(z)
			if !flatOpens(a, open) || tt == html.SelfClosingTagToken && !flatVoid[a] {
				return "", false
			}
			if flatBlocks[a] || a == atom.Br {
				b.WriteByte('\n')
			}
			if !flatVoid[a] {
				open = append(open, a)
			}
		case html.EndTagToken:
			a := tagAtom(z)
			if len(open) == 0 || open[len(open)-1] != a {
				return "", false
			}
			open = open[:len(open)-1]
			if flatBlocks[a] {
				b.WriteByte('\n')
			}
		default: // a doctype
			return "", false
		}
	}
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

func tagAtom(z *html.Tokenizer) atom.Atom {
	name, _ := z.TagName()
	return atom.Lookup(name)
}
