package audit

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// shanghai is the time zone of the shops the report is for.
var shanghai = time.FixedZone("CST", 8*3600)

// Money formats yuan as ¥1,234 (whole yuan) or ¥1,234.50.
func Money(v float64) string {
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

// MoneyRange formats a range as ¥200,000–¥1,000,000, one figure when equal.
func MoneyRange(lo, hi float64) string {
	if lo == hi {
		return Money(lo)
	}
	return Money(lo) + "–" + Money(hi)
}

// MoneyShort formats large amounts for chart labels: ¥1.2万, ¥20万, ¥860.
func MoneyShort(v float64) string {
	if v < 10000 {
		return Money(math.Round(v))
	}
	w := v / 10000
	s := strconv.FormatFloat(w, 'f', 1, 64)
	return "¥" + strings.TrimSuffix(s, ".0") + "万"
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
