package audit

import (
	"fmt"
	"strings"

	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// findingView splits the evidence out of its sentence: Before, Evidence
// and After, which the template joins with the evidence marked. When the
// sentence does not hold the evidence, the evidence stands alone.
func findingView(f finding.Finding, titles map[string]string) FindingView {
	v := FindingView{Rule: f.Rule, RuleTitle: titles[f.Rule], Severity: f.Severity, Message: f.Message,
		Where: where(f), Evidence: f.Evidence, Basis: f.Basis, Suggestion: f.Suggestion,
		Cost: cost(f.Exposure), Suppressed: f.Suppressed}
	if i := strings.Index(f.Context, f.Evidence); f.Evidence != "" && i >= 0 {
		v.Before, v.After = f.Context[:i], f.Context[i+len(f.Evidence):]
	}
	return v
}

// fieldNames are the Chinese names of the listing fields.
var fieldNames = map[string]string{
	"title": "标题", "subtitle": "副标题", "description": "详情", "attributes": "属性",
	"skus": "SKU", "price": "价格", "promises": "承诺",
}

func where(f finding.Finding) string {
	name := fieldNames[f.Field]
	if name == "" {
		name = f.Field
	}
	if f.Location != nil && f.Location.Line > 0 {
		return fmt.Sprintf("%s · 第%d行第%d列", name, f.Location.Line, f.Location.Column)
	}
	return name
}

// cost says what one finding can cost, in the report's words.
func cost(e finding.Exposure) string { return e.Describe(" · ") }
