package audit

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

//go:embed report.html.tmpl
var reportTemplate string

// page is the parsed template; parsing cannot fail at run time because
// the template is embedded and a test renders it.
var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"money":      Money,
	"moneyRange": MoneyRange,
	"moneyShortRange": func(lo, hi float64) string {
		if lo == hi {
			return MoneyShort(lo)
		}
		return MoneyShort(lo) + "–" + MoneyShort(hi)
	},
	"sevLabel": sevLabel,
	"sevClass": severityClass,
	"platform": platformName,
	"add":      func(a, b int) int { return a + b },
	"sub":      func(a, b int) int { return a - b },
	"pct":      func(a, b int) string { return percent(a, b) },
	"reasons":  func(s Stake) []string { return s.Reasons(pointsTable()) },
	"points":   func(v float64) string { return fmt.Sprintf("%g", v) },
	"mul":      func(a, b int) int { return a * b / 100 },
}).Parse(reportTemplate))

// Render writes the report as one HTML file.
func Render(w io.Writer, r *Report) error {
	if err := page.Execute(w, r); err != nil {
		return fmt.Errorf("render audit: %w", err)
	}
	return nil
}

// Write builds and renders the report.
func Write(w io.Writer, in Input) error { return Render(w, Build(in)) }

func sevLabel(s string) string {
	switch s {
	case "error":
		return "错误"
	case "warning":
		return "警告"
	case "info":
		return "提示"
	}
	return s
}

// platformNames are the platforms' Chinese names.
var platformNames = map[string]string{
	"taobao": "淘宝", "tmall": "天猫", "jd": "京东", "pdd": "拼多多", "douyin": "抖音", "generic": "—", "": "—",
}

func platformName(p string) string {
	if n, ok := platformNames[strings.ToLower(p)]; ok {
		return n
	}
	return p
}

func percent(a, b int) string {
	if b == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", float64(a)*100/float64(b))
}
