package engine

import "github.com/xiaoer-dev/xiaoer/scanner/finding"

// SuppressionWithoutReason is the id of the rule that reports a listing's
// suppression written without a reason (or without a rule).
const SuppressionWithoutReason = "suppression-without-reason"

// ToolRules are rules the scanner itself applies (not Rego); they join the
// engine's catalogue so `xiaoer rules`, `explain` and SARIF describe them.
var ToolRules = []finding.RuleMeta{{
	ID:          SuppressionWithoutReason,
	Title:       "豁免缺少理由",
	Severity:    "warning",
	Kinds:       []string{"listing"},
	Description: "列表或页面中的豁免（HTML <!-- xiaoer:ignore 规则 理由 -->，YAML ignore:）没有写明规则或理由。没有理由的豁免不生效，原发现照常报告。",
	Basis: finding.Basis{Law: "xiaoer 豁免规则：每条豁免必须写明理由", Confirmed: true,
		Note: "tool rule: suppressions always carry a reason, so a reviewer can judge them"},
	Suggestion: "写明规则和理由，如 <!-- xiaoer:ignore ad-absolute 「国家级」为证书原文，证书编号见详情 -->；YAML 写 ignore: [{rule: ad-absolute, reason: ...}]",
}}
