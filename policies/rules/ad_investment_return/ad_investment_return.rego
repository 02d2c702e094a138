# METADATA
# title: ad-investment-return
# description: |
#   有投资回报预期的商品（收藏品、贵金属、茶叶、邮票钱币）的收益保证
#   （第二十五条）：保值增值、升值空间、稳赚、保本、零风险、收益率、保价
#   回购。泛用的词（翻倍、零风险、升值）只在投资收藏语境里才算；否定和风险
#   提示、增值税、增值服务不算。
# custom:
#   severity: error
#   basis: 《中华人民共和国广告法》第二十五条
#   penalty: 《中华人民共和国广告法》第五十八条第一款
package xiaoer.rules.ad_investment_return

import data.xiaoer.lib
import data.xiaoer.lib.wordrule

meta := {
	"id": "ad-investment-return",
	"title": "投资回报保证",
	"severity": "error",
	"kinds": ["listing"],
	"description": "有投资回报预期的商品或者服务广告，不得对未来效果、收益或者与其相关的情况作出保证性承诺，不得明示或者暗示保本、无风险或者保收益（《中华人民共和国广告法》第二十五条）。",
	"basis": {
		"law": "《中华人民共和国广告法》第二十五条",
		"penalty": "《中华人民共和国广告法》第五十八条第一款：广告费用一倍以上三倍以下罚款，无法计算的处十万元以上二十万元以下罚款",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "删除收益、保值、升值的保证，如实提示风险。",
	"exposure": {"punitive": true, "fine": "ad_law_58"},
}

# needs: every finding starts from one of its words; a listing without
# any is skipped by the engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# allowed: wordrule.open drops every hit at which one of its entry's allow
# contexts holds, so the engine counts such a word only where none of
# them holds at it.
needs := {"words": ["ad_investment_return.words", "ad_investment_return.pattern_heads"], "partnered": true, "allowed": true}

skip := {"attributes": true}

hits := wordrule.hits("ad_investment_return", skip)

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": wordrule.exemption("ad_investment_return", c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	wordrule.open("ad_investment_return", c)
	f := lib.finding(object.union(meta, {"basis": wordrule.basis(meta, c)}), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("投资回报保证「%s」：不得对收益、保值、升值作保证性承诺，不得明示或者暗示保本、无风险", [c.word]),
		"suggestion": object.get(c.entry, "suggestion", meta.suggestion),
		"details": {"word": c.word, "law": object.get(c.entry, "law", meta.basis.law)},
	})
}
