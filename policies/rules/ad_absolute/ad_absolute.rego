# METADATA
# title: ad-absolute
# description: 绝对化用语（国家级、最高级、最佳等）
package xiaoer.rules.ad_absolute

import data.xiaoer.lib

meta := {
	"id": "ad-absolute",
	"title": "绝对化用语",
	"severity": "error",
	"kinds": ["listing"],
	"description": "广告中使用「国家级」「最高级」「最佳」等绝对化用语。",
	"basis": {"law": "《广告法》第九条第三项", "penalty": "《广告法》第五十七条第一项", "link": "https://www.samr.gov.cn/", "confirmed": true},
	"suggestion": "删除绝对化用语，改为可以证明的具体描述。",
	"exposure": {"punitive": true, "fine": "ad_law_57"},
}

findings contains f if {
	some name, field in input.listing.fields
	name != "attributes"
	some tok in field.tokens
	entry := data.tables.ad_absolute.words[tok.t]
	f := lib.finding(meta, {
		"field": name, "s": tok.s, "e": tok.e,
		"message": sprintf("绝对化用语「%s」", [tok.t]),
		"suggestion": entry.suggestion,
	})
}
