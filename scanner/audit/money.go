package audit

import (
	"github.com/xiaoer-dev/xiaoer/scanner/money"
	"math"
	"strconv"
	"strings"
)

// Money formats yuan as ¥1,234 (whole yuan) or ¥1,234.50.
func Money(v float64) string { return money.FormatCNY(v) }

// MoneyRange formats a range as ¥200,000–¥1,000,000, one figure when equal.
func MoneyRange(lo, hi float64) string { return money.FormatCNYRange(lo, hi) }

// MoneyShort formats large amounts for chart labels: ¥1.2万, ¥20万, ¥860.
func MoneyShort(v float64) string {
	if v < 10000 {
		return Money(math.Round(v))
	}
	w := v / 10000
	s := strconv.FormatFloat(w, 'f', 1, 64)
	return "¥" + strings.TrimSuffix(s, ".0") + "万"
}
