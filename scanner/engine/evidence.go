package engine

import (
	"strings"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// contextRunes is how much text a report shows on each side of the evidence
// when its sentence is long.
const contextRunes = 30

// sentenceAround returns the sentence holding the span, cut to a window of
// contextRunes on each side so a long description stays readable.
func sentenceAround(field facts.Field, span finding.Span) string {
	s, e := 0, len(field.Text)
	for _, sent := range field.Sentences {
		if sent.S <= span.Start && span.End <= sent.E {
			s, e = sent.S, sent.E
			break
		}
	}
	s = backRunes(field.Text, span.Start, contextRunes, s)
	e = forwardRunes(field.Text, span.End, contextRunes, e)
	return strings.TrimSpace(field.Text[s:e])
}

// backRunes steps n runes back from i, not before floor.
func backRunes(text string, i, n, floor int) int {
	for ; n > 0 && i > floor; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return max(i, floor)
}

// forwardRunes steps n runes forward from i, not past ceil.
func forwardRunes(text string, i, n, ceil int) int {
	for ; n > 0 && i < ceil; n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return min(i, ceil)
}
