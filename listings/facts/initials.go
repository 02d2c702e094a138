package facts

import "strings"

// Initials are the first letters of the toneless pinyin readings of r (普
// → "p", 行 → "hx"), or "" for a character the readings table lacks:
// sellers write a brand's character as its initial to dodge a brand
// filter (P拉达 for 普拉达).
func Initials(r rune) string {
	var b strings.Builder
	for _, syl := range strings.Fields(readings[r]) {
		if c := syl[0]; strings.IndexByte(b.String(), c) < 0 {
			b.WriteByte(c)
		}
	}
	return b.String()
}
