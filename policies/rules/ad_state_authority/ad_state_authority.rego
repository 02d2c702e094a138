# METADATA
# title: ad-state-authority
# description: |
#   国家机关名义（第九条第二项）：特供、专供国家机关，国宴、国宾馆、
#   人民大会堂，政府或国家机关推荐、指定，领导人推荐，免检。特供、专供、
#   指定、推荐只在国家机关的名称旁才算（京东特供、出口专供不算）；否定的
#   说法、推荐性国家标准、机动车免检不算。
# custom:
#   severity: error
#   basis: 《中华人民共和国广告法》第九条第二项
#   penalty: 《中华人民共和国广告法》第五十七条第一项
package xiaoer.rules.ad_state_authority

import data.xiaoer.lib
import data.xiaoer.lib.wordrule

meta := {
	"id": "ad-state-authority",
	"title": "使用国家机关名义",
	"severity": "error",
	"kinds": ["listing"],
	"description": "广告不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象（《中华人民共和国广告法》第九条第二项）。",
	"basis": {
		"law": "《中华人民共和国广告法》第九条第二项",
		"penalty": "《中华人民共和国广告法》第五十七条第一项：对广告主处二十万元以上一百万元以下罚款",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "删除国家机关、国家机关工作人员的名义或形象，只写商品自身的情况。",
	"exposure": {"punitive": true, "fine": "ad_law_57"},
}

# needs: every finding starts from one of its words; a listing without
# any is skipped by the engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# allowed: wordrule.open drops every hit at which one of its entry's allow
# contexts holds, so the engine counts such a word only where none of
# them holds at it.
needs := {"words": ["ad_state_authority.words", "ad_state_authority.pattern_heads"], "partnered": true, "allowed": true}

skip := {"attributes": true}

hits := wordrule.hits("ad_state_authority", skip)

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": wordrule.exemption("ad_state_authority", c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	wordrule.open("ad_state_authority", c)
	f := lib.finding(object.union(meta, {"basis": wordrule.basis(meta, c)}), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("「%s」：广告不得使用或者变相使用国家机关、国家机关工作人员的名义或者形象", [c.word]),
		"suggestion": object.get(c.entry, "suggestion", meta.suggestion),
		"details": {"word": c.word, "law": object.get(c.entry, "law", meta.basis.law)},
	})
}
