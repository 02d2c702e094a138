package facts

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// figureAt is figurePattern anchored at the start of the text: tried only
// where a figure can start.
var figureAt = regexp.MustCompile(`^(?:` + figurePattern.String() + `)`)

// figureMatches is figurePattern.FindAllStringSubmatchIndex(norm, -1),
// found by trying the anchored pattern at each character that can start a
// figure (StartsFigure), from the end of the last match on. A match is
// never empty and starts with such a character, and the pattern reads no
// context around it, so the leftmost match at or after an offset starts at
// the first such character where the anchored pattern matches, and is that
// match. Searching unanchored tried the whole pattern, with its long list
// of units, at every character of the text: most characters of a title
// start no figure.
func figureMatches(norm string) [][]int {
	var out [][]int
	for p := 0; p < len(norm); {
		i := strings.IndexFunc(norm[p:], StartsFigure)
		if i < 0 {
			break
		}
		p += i
		m := figureAt.FindStringSubmatchIndex(norm[p:])
		if m == nil {
			_, size := utf8.DecodeRuneInString(norm[p:])
			p += size
			continue
		}
		for k := range m {
			if m[k] >= 0 {
				m[k] += p
			}
		}
		out = append(out, m)
		p = m[1]
	}
	return out
}

// StartsFigure: r can start a figurePattern match (a digit, 百 of 百分之
// and 百分百, a Chinese numeral). A switch: it is asked of every character
// of the text, here and by the engine's gate.
func StartsFigure(r rune) bool {
	switch r {
	case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9',
		'零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万', '亿':
		return true
	}
	return false
}

// AppendFigureUnits appends to dst the unit of every figure Numbers may
// find in a text, whatever its tokens (norm is the text normalised, as
// Numbers reads it). Numbers keeps a unit only where a token ends with it
// (10万家庭: 家 is no unit), so a match with a unit counts twice: with it,
// and without it where that is still a figure (10万, "" or %). The gate
// reads this before the text is cut: where no figure with a unit a word
// needs can be there, the word counts for nothing.
func AppendFigureUnits(dst []string, norm string) []string {
	for _, m := range figureMatches(norm) {
		if n, ok := figureFrom(norm, m); ok {
			dst = append(dst, n.Unit)
		}
		if m[12] >= 0 {
			if n, ok := figureFrom(norm, withoutUnit(m)); ok {
				dst = append(dst, n.Unit)
			}
		}
	}
	return dst
}
