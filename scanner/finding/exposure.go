package finding

import (
	"fmt"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner/money"
)

// Describe says in Chinese what a finding can cost, its parts joined by
// sep, marked when any figure rests on an unconfirmed source.
func (e Exposure) Describe(sep string) string {
	var parts []string
	if e.PunitiveCNY > 0 {
		parts = append(parts, "惩罚性赔偿 "+money.FormatCNY(e.PunitiveCNY))
	}
	if e.PlatformCNY > 0 {
		parts = append(parts, "平台赔付 "+money.FormatCNY(e.PlatformCNY))
	}
	if e.FineCNY[1] > 0 {
		parts = append(parts, "罚款 "+money.FormatCNYRange(e.FineCNY[0], e.FineCNY[1]))
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
