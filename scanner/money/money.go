// Package money formats yuan amounts the way reports print them (¥1,234.50,
// ranges with an en dash).
package money

import (
	"math"
	"strconv"
	"strings"
)

// FormatCNY formats yuan as ¥1,234 (whole yuan) or ¥1,234.50.
func FormatCNY(v float64) string {
	neg := v < 0
	v = math.Abs(math.Round(v*100) / 100)
	whole := int64(v)
	cents := int64(math.Round((v - float64(whole)) * 100))
	s := "¥" + thousands(whole)
	if cents > 0 {
		s += "." + strconv.FormatInt(cents+100, 10)[1:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// FormatCNYRange formats a range as ¥200,000–¥1,000,000, one figure when equal.
func FormatCNYRange(lo, hi float64) string {
	if lo == hi {
		return FormatCNY(lo)
	}
	return FormatCNY(lo) + "–" + FormatCNY(hi)
}

func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}
