package facts

import (
	"iter"
	"strings"

	"github.com/xiaoer-dev/xiaoer/listings"
	"github.com/xiaoer-dev/xiaoer/listings/runes"
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

// valueOffsets gives each attribute's index with the byte offset of its
// value in AttributeText (past "name: "), without joining the text: the
// fibre and down readers want the offsets of the few attributes they read.
func valueOffsets(attrs []listings.Attribute) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		line := 0
		for i, a := range attrs {
			if !yield(i, line+len(a.Name)+len(": ")) {
				return
			}
			line += len(a.Name) + len(": ") + len(a.Value) + len("\n")
		}
	}
}

func joinLines(lines []string) string { return strings.Join(lines, "\n") }

// sentenceEnd holds the marks that close a sentence in listing copy.
const sentenceEnd = "。！？!?；;\n"

// Sentences splits text at sentence marks; each span includes its mark.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	for i := 0; i < len(text); {
		if runes.Han(text, i) {
			i += 3 // a Chinese character, no mark: the most of a text, told here
			continue
		}
		size := sentenceMarkAt(text, i)
		if size == 0 {
			i++ // past the byte, which starts no mark
			continue
		}
		end := i + size
		if !blank(text[start:i]) {
			out = append(out, Span{S: start, E: end})
		}
		start, i = end, end
	}
	if !blank(text[start:]) {
		out = append(out, Span{S: start, E: len(text)})
	}
	return out
}

// sentenceMarkAt is the length of the sentence mark text[i:] starts with
// (sentenceEnd), 0 where it starts with none. The marks are told by their
// bytes, without decoding every character as ranging over the text did: a
// valid mark's lead byte is where ranging would decode it, invalid bytes
// before it or not.
func sentenceMarkAt(text string, i int) int {
	switch c := text[i]; {
	case c == '!' || c == '?' || c == ';' || c == '\n':
		return 1
	case c == 0xE3: // 。 E3 80 82
		if strings.HasPrefix(text[i:], "。") {
			return 3
		}
	case c == 0xEF: // ！ EF BC 81, ？ EF BC 9F, ； EF BC 9B
		if i+2 < len(text) && text[i+1] == 0xBC && (text[i+2] == 0x81 || text[i+2] == 0x9F || text[i+2] == 0x9B) {
			return 3
		}
	}
	return 0
}
