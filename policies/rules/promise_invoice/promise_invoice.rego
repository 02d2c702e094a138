# METADATA
# title: promise-invoice
# description: 拒绝开具发票，或开票另收费用（不开发票、发票另加6%税点）
# custom:
#   severity: error
#   basis: 《电子商务法》第十四条；平台发票规则（天猫售后规则为种子）
package xiaoer.rules.promise_invoice

import data.xiaoer.lib
import data.xiaoer.lib.promises

meta := {
	"id": "promise-invoice",
	"title": "拒开发票或开票加价",
	"severity": "error",
	"kinds": ["listing"],
	"description": "商品页写明不开发票、开票另加税点或加钱、不开票可优惠、价格不含税。电商经营者应当出具发票等购货凭证，买家付款后要求开票的，应按实付金额开具且不另收费用。「可开发票」「发票随货」「开票不加点」不是问题。",
	"basis": {
		"law": "《电子商务法》第十四条（应当依法出具纸质发票或者电子发票等购货凭证）；《税收征收管理法》第二十一条",
		"penalty": "平台按违背承诺处理（A类扣4分，发票情形适用该条的平台原文未核实）",
		"link": "",
		"confirmed": true,
		"note": "平台对拒开发票、加价开票的具体处理（扣分、赔付）未从平台原文核实。",
	},
	"suggestion": "删除拒开或加价开票的表述，写「可开具电子普通发票，按实付金额免费开具」。",
	"exposure": {"points": "breach_promise"},
}

# needs: every finding starts from an invoice promise (the kinds of
# data.tables.promises.invoice.kinds); a listing without one is skipped
# by the engine (see main.rego).
needs := {"promises": ["invoice_refused", "invoice_surcharge"]}

kinds := promises.tables.invoice.kinds

# surcharge_words names the percent asked, when the copy names one.
surcharge_words(p) := sprintf("（另收%v%%）", [p.n]) if {
	object.get(p, "n", 0) > 0
} else := ""

findings contains f if {
	some p in promises.all
	entry := kinds[p.kind]
	f := lib.finding(meta, {
		"field": p.field, "s": p.s, "e": p.e,
		"message": sprintf("%s：%s%s，买家付款后有权要求按实付金额免费开具发票", [promises.quote(p), entry.message, surcharge_words(p)]),
		"suggestion": entry.suggestion,
		"details": {"promise": promises.located(p), "percent": object.get(p, "n", 0)},
		"platform_basis": "拒开或加价开票按违背承诺扣4分：平台原文未核实",
		"platform_confirmed": false,
	})
}
