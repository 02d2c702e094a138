package scanner

import (
	"fmt"
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

// Describe says in Chinese what a finding can cost, its parts joined by
// sep, marked when any figure rests on an unconfirmed source.
func (e Exposure) Describe(sep string) string {
	var parts []string
	if e.PunitiveCNY > 0 {
		parts = append(parts, "惩罚性赔偿 "+FormatCNY(e.PunitiveCNY))
	}
	if e.PlatformCNY > 0 {
		parts = append(parts, "平台赔付 "+FormatCNY(e.PlatformCNY))
	}
	if e.FineCNY[1] > 0 {
		parts = append(parts, "罚款 "+FormatCNYRange(e.FineCNY[0], e.FineCNY[1]))
	}
	if e.Points > 0 {
		parts = append(parts, fmt.Sprintf("扣%g分", e.Points))
	}
	s := strings.Join(parts, sep)
	if s != "" && !e.Confirmed {
		s += "（含未核实数据）"
	}
	return s
}
