package facts

import (
	"strings"
	"unicode/utf8"

	"github.com/xiaoer-dev/xiaoer/listings/runes"
)

// figureLoc is one figurePattern match as FindStringSubmatchIndex gives
// it (the whole match and groups 1 to 7, -1 for a group not taken), held
// in place: a figure found is read and dropped, and a slice a figure was
// an allocation for every figure of every field.
type figureLoc [16]int

// figureScan finds figurePattern's matches in norm one after another, as
// FindAllStringSubmatchIndex(norm, -1) lists them, by trying the anchored
// pattern at each character that can start a figure (StartsFigure), from
// the end of the last match on. A match is never empty and starts with
// such a character, and the pattern reads no context around it, so the
// leftmost match at or after an offset starts at the first such character
// where the anchored pattern matches, and is that match. Searching
// unanchored tried the whole pattern, with its long list of units, at
// every character of the text: most characters of a title start no figure.
type figureScan struct {
	norm string
	p    int // where the next search starts
}

// next is the next match, or false when there is none.
func (sc *figureScan) next() (figureLoc, bool) {
	for sc.p < len(sc.norm) {
		i := figureStartIn(sc.norm[sc.p:])
		if i < 0 {
			break
		}
		sc.p += i
		m, ok := figureAt(sc.norm[sc.p:])
		if !ok {
			_, size := utf8.DecodeRuneInString(sc.norm[sc.p:])
			sc.p += size
			continue
		}
		shiftLoc(m[:], sc.p)
		sc.p = m[1]
		return m, true
	}
	sc.p = len(sc.norm)
	return figureLoc{}, false
}

// figureStartIn is strings.IndexFunc(s, StartsFigure), reading characters
// inline (see runes) and asking a bit set first: Numbers reads every
// character of every field, and IndexFunc decodes and calls for each.
func figureStartIn(s string) int {
	for i := 0; i < len(s); {
		r, size := runes.At(s, i) // see runes
		if size == 0 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if figureStartKeys.MayHave(r) && StartsFigure(r) {
			return i
		}
		i += size
	}
	return -1
}

// figureStartKeys marks the characters StartsFigure takes.
var figureStartKeys = func() *RuneKeys {
	keys := &RuneKeys{}
	for _, r := range "0123456789零一二两三四五六七八九十百千万亿" {
		keys.Add(r)
	}
	return keys
}()

// figureAt is figurePattern's match anchored at the start of s, as
// FindStringSubmatchIndex gives it, or false. The pattern is its head
// (figureHeadAt), then an optional unit and an optional floor: both
// optional, so the head's match is the pattern's (a backtracking match
// takes the first head that matches, and nothing after it can fail), and
// each of the two is the first alternative that s goes on with, or none.
// Trying the hundred units one by one in the backtracker cost most of the
// search.
func figureAt(s string) (figureLoc, bool) {
	m, ok := figureHeadAt(s)
	if !ok {
		return m, false
	}
	for g, alts := range []*byFirstByte{unitsByFirst, floorsByFirst} {
		if w := alts.firstPrefix(s[m[1]:]); w != "" {
			m[12+2*g], m[13+2*g] = m[1], m[1]+len(w)
			m[1] += len(w)
		}
	}
	return m, true
}

// byFirstByte are the alternatives of a group by their first byte, each
// list in the group's order: most figures are followed by none, and the
// others by one of a few.
type byFirstByte [256][]string

func newByFirstByte(alts []string) *byFirstByte {
	var b byFirstByte
	for _, w := range alts {
		b[w[0]] = append(b[w[0]], w)
	}
	return &b
}

// firstPrefix is the first alternative s starts with, or "".
func (b *byFirstByte) firstPrefix(s string) string {
	if s == "" {
		return ""
	}
	for _, w := range b[s[0]] {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

var (
	unitsByFirst = newByFirstByte(figureUnits)
	// floorsByFirst are the floor markers after a unit, in
	// figurePattern's order.
	floorsByFirst = newByFirstByte([]string{"+", "以上", "多"})
)

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
	sc := figureScan{norm: norm}
	for m, more := sc.next(); more; m, more = sc.next() {
		if n, ok := figureFrom(norm, &m); ok {
			dst = append(dst, n.Unit)
		}
		if m[12] >= 0 {
			m = withoutUnit(m)
			if n, ok := figureFrom(norm, &m); ok {
				dst = append(dst, n.Unit)
			}
		}
	}
	return dst
}
