package facts

import (
	"slices"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
)

// AttributeText joins attributes as "name: value" lines: the text of the
// attributes field that tokens and spans refer to.
func AttributeText(attrs []listings.Attribute) string {
	text, _ := AttributeLines(attrs)
	return text
}

// AttributeLines is AttributeText plus the byte offset where each attribute's
// line starts, so a span can be traced back to its attribute.
func AttributeLines(attrs []listings.Attribute) (string, []int) {
	var b strings.Builder
	starts := make([]int, 0, len(attrs))
	for i, a := range attrs {
		if i > 0 {
			b.WriteByte('\n')
		}
		starts = append(starts, b.Len())
		b.WriteString(a.Name)
		b.WriteString(": ")
		b.WriteString(a.Value)
	}
	return b.String(), starts
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }

// sentenceEnd holds the marks that close a sentence in listing copy.
const sentenceEnd = "。！？!?；;\n"

// isSentenceEnd: r is one of sentenceEnd's marks. A switch, not
// strings.ContainsRune, which looked every character of every field up in
// the marks (a third of building a listing's sentences).
func isSentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}

// Sentences splits text at sentence marks; each span includes its mark.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	for i, r := range text {
		if isSentenceEnd(r) {
			end := i + len(string(r))
			if strings.TrimSpace(text[start:i]) != "" {
				out = append(out, Span{S: start, E: end})
			}
			start = end
		}
	}
	if strings.TrimSpace(text[start:]) != "" {
		out = append(out, Span{S: start, E: len(text)})
	}
	return out
}

// fieldNames lists the fields in name order, so facts come out in the same
// order on every run (Go randomises map iteration).
func fieldNames(fields map[string]Field) []string {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
