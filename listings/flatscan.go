package listings

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// markup is a tag or a comment of flat HTML (htmlflat.go), s[start:end].
type markup struct {
	kind markupKind
	tag  atom.Atom // a tag's element (0: one flatText knows no atom of)
	end  int
}

type markupKind uint8

const (
	markupStart markupKind = iota
	markupSelfClosing
	markupEnd
	markupComment
)

// scanMarkup reads the markup at s[i] == '<' as the tokenizer of
// golang.org/x/net/html does, for the plain forms only: a start tag with
// attributes quoted or not, an end tag without any, or a comment that
// ends at its first -->. At a '<' the tokenizer reads as text (not
// followed by a letter, '/', '!' or '?'), end is i. False where the
// tokenizer might read the markup otherwise, or where the parser takes
// what follows as raw text: flatText then leaves s to the parser.
func scanMarkup(s string, i int) (markup, bool) {
	if i+1 >= len(s) {
		return markup{end: i}, true
	}
	switch c := s[i+1]; {
	case isASCIILetter(c):
		return scanStartTag(s, i+1)
	case c == '/':
		return scanEndTag(s, i+2)
	case c == '!':
		return scanComment(s, i)
	case c == '?':
		return markup{}, false // a bogus comment
	}
	return markup{end: i}, true
}

// scanStartTag reads a start tag whose name begins at s[i].
func scanStartTag(s string, i int) (markup, bool) {
	tag, i, ok := scanTagName(s, i)
	for ok {
		i = skipTagSpace(s, i)
		switch {
		case i >= len(s):
			return markup{}, false
		case s[i] == '>':
			return markup{kind: markupStart, tag: tag, end: i + 1}, true
		case s[i] == '/':
			if i+1 < len(s) && s[i+1] == '>' {
				return markup{kind: markupSelfClosing, tag: tag, end: i + 2}, true
			}
			return markup{}, false
		}
		i, ok = scanAttribute(s, i)
	}
	return markup{}, false
}

// scanEndTag reads an end tag whose name begins at s[i].
func scanEndTag(s string, i int) (markup, bool) {
	if i >= len(s) || !isASCIILetter(s[i]) {
		return markup{}, false // </> or a bogus comment
	}
	tag, i, ok := scanTagName(s, i)
	if i = skipTagSpace(s, i); !ok || i >= len(s) || s[i] != '>' {
		return markup{}, false
	}
	return markup{kind: markupEnd, tag: tag, end: i + 1}, true
}

// scanComment reads a comment at s[i]: <!-- up to the first -->, not one
// the tokenizer closes early (<!-->, <!--->, --!>).
func scanComment(s string, i int) (markup, bool) {
	if !strings.HasPrefix(s[i:], "<!--") {
		return markup{}, false // a doctype, CDATA or a bogus comment
	}
	body := s[i+4:]
	end := strings.Index(body, "-->")
	if end < 0 || strings.HasPrefix(body, ">") || strings.HasPrefix(body, "->") ||
		strings.Contains(body[:end], "--!") {
		return markup{}, false
	}
	return markup{kind: markupComment, end: i + 4 + end + 3}, true
}

// scanTagName reads a tag name of ASCII letters and digits at s[i], ended
// by a space, '/' or '>', and its element.
func scanTagName(s string, i int) (atom.Atom, int, bool) {
	var buf [16]byte
	name := buf[:0]
	for ; i < len(s) && !isTagSpace(s[i]) && s[i] != '/' && s[i] != '>'; i++ {
		c := s[i]
		if !isASCIILetter(c) && (c < '0' || c > '9') || len(name) == len(buf) {
			return 0, i, false
		}
		if c <= 'Z' && c >= 'A' {
			c += 'a' - 'A' // the tokenizer's lower case
		}
		name = append(name, c)
	}
	return atom.Lookup(name), i, true
}

// scanAttribute reads an attribute at s[i]: a name, then = and a value
// quoted or not, or nothing more.
func scanAttribute(s string, i int) (int, bool) {
	start := i
	for i < len(s) && !isTagSpace(s[i]) && !strings.ContainsRune("/>=\"'<", rune(s[i])) {
		i++
	}
	if i == start {
		return i, false
	}
	j := skipTagSpace(s, i)
	if j >= len(s) || s[j] != '=' {
		return i, true // no value
	}
	j = skipTagSpace(s, j+1)
	if j >= len(s) {
		return j, false
	}
	if q := s[j]; q == '"' || q == '\'' {
		k := strings.IndexByte(s[j+1:], q)
		if k < 0 {
			return j, false
		}
		// Another attribute written right after the quote: refused.
		end := j + 1 + k + 1
		return end, end < len(s) && (isTagSpace(s[end]) || s[end] == '/' || s[end] == '>')
	}
	k := j
	for k < len(s) && !isTagSpace(s[k]) && s[k] != '>' {
		if strings.IndexByte("\"'<=`/", s[k]) >= 0 {
			return k, false
		}
		k++
	}
	return k, k > j
}

// skipTagSpace skips the tokenizer's white space in a tag.
func skipTagSpace(s string, i int) int {
	for i < len(s) && isTagSpace(s[i]) {
		i++
	}
	return i
}

func isTagSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
