package facts

import (
	"strings"
	"unicode/utf8"
)

// figureHeadAt is figureHead's match anchored at the start of s (groups
// 0 to 5, as FindStringSubmatchIndex gives them) in the 16 places of a
// figurePattern match, the unit's and the floor's -1, or false. Every part
// after the number is optional, so a backtracking match takes each as
// soon as it can (a space, then a multiplier, a space, a plus, a space)
// and never comes back to it; only 百分之 is taken back when no number
// follows it. Read by hand: the backtracker cost a figure about 4k
// instructions, and every title with a digit has some.
func figureHeadAt(s string) (figureLoc, bool) {
	m := figureLoc{0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	j, g := -1, -1
	if strings.HasPrefix(s, "百分之") {
		if j, g = figureNumber(s, len("百分之")); g > 0 {
			m[2], m[3] = 0, len("百分之")
			m[2*g], m[2*g+1] = len("百分之"), j
		}
	}
	if g < 0 {
		if j, g = figureNumber(s, 0); g < 0 {
			return m, false
		}
		m[2*g], m[2*g+1] = 0, j
	}
	j = skipREspace(s, j)
	if w := figureMultiplier(s[j:]); w > 0 {
		m[8], m[9] = j, j+w
		j += w
	}
	j = skipREspace(s, j)
	for _, plus := range []string{"+", "多"} {
		if strings.HasPrefix(s[j:], plus) {
			m[10], m[11] = j, j+len(plus)
			j += len(plus)
			break
		}
	}
	m[1] = skipREspace(s, j)
	return m, true
}

// figureNumber reads the number of a figure at byte i of s: digits with
// an optional decimal part or 百分百 (group 2), else two Chinese numerals
// or more with an optional 点 part (group 3). It gives the end and the
// group, or -1.
func figureNumber(s string, i int) (int, int) {
	if j := skipDigits(s, i); j > i {
		if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
			j = skipDigits(s, j+1)
		}
		return j, 2
	}
	if strings.HasPrefix(s[i:], "百分百") {
		return i + len("百分百"), 2
	}
	j, n := skipRunesIn(s, i, "零一二两三四五六七八九十百千万亿")
	if n < 2 {
		return -1, -1
	}
	if strings.HasPrefix(s[j:], "点") {
		if k, n := skipRunesIn(s, j+len("点"), "零一二三四五六七八九"); n > 0 {
			j = k
		}
	}
	return j, 3
}

// figureMultiplier is the length of the multiplier s starts with (万, 千,
// 亿, or w before a +, a space between them or not), or 0.
func figureMultiplier(s string) int {
	for _, w := range []string{"万", "千", "亿"} {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	if strings.HasPrefix(s, "w") {
		if k := skipREspace(s, 1); k < len(s) && s[k] == '+' {
			return k + 1
		}
	}
	return 0
}

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

// skipREspace steps over one space as the regexp's \s reads it (tab,
// newline, form feed, carriage return, space), if s has one at byte i.
func skipREspace(s string, i int) int {
	if i < len(s) && strings.IndexByte("\t\n\f\r ", s[i]) >= 0 {
		return i + 1
	}
	return i
}

// skipRunesIn steps over the runes of set from byte i of s, giving where
// they end and how many there are.
func skipRunesIn(s string, i int, set string) (int, int) {
	n := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || !strings.ContainsRune(set, r) {
			break
		}
		i, n = i+size, n+1
	}
	return i, n
}
