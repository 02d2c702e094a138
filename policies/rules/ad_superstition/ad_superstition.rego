# METADATA
# title: ad-superstition
# description: |
#   迷信内容（第九条第八项）：许诺商品灵验、开运、招财、辟邪、招桃花、
#   保平安。商品本身（貔貅、招财猫、转运珠）可以卖，名称里的词不算，许诺
#   的效果才算；否定的说法、只讲寓意或图案、对联福字上印的吉祥话不算。
# custom:
#   severity: error
#   basis: 《中华人民共和国广告法》第九条第八项
#   penalty: 《中华人民共和国广告法》第五十七条第一项
package xiaoer.rules.ad_superstition

import data.xiaoer.lib
import data.xiaoer.lib.wordrule

meta := {
	"id": "ad-superstition",
	"title": "迷信用语",
	"severity": "error",
	"kinds": ["listing"],
	"description": "广告不得含有迷信内容（《中华人民共和国广告法》第九条第八项）：不得许诺商品有开运、招财、辟邪、保佑等超自然效果。",
	"basis": {
		"law": "《中华人民共和国广告法》第九条第八项",
		"penalty": "《中华人民共和国广告法》第五十七条第一项：对广告主处二十万元以上一百万元以下罚款",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "删除许诺超自然效果的用语，只写商品的材质、工艺和寓意来历。",
	"exposure": {"punitive": true, "fine": "ad_law_57"},
}

# needs: every finding starts from one of its words; a listing without
# any is skipped by the engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# unreported_names: wordrule.hits drops the entries marked name (转运珠,
# 护身符), so the engine counts no such word.
# allowed: wordrule.open drops every hit at which one of its entry's allow
# contexts holds, so the engine counts such a word only where none of
# them holds at it.
needs := {"words": ["ad_superstition.words", "ad_superstition.pattern_heads"], "partnered": true, "unreported_names": true, "allowed": true}

skip := {"attributes": true}

hits := wordrule.hits("ad_superstition", skip)

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": wordrule.exemption("ad_superstition", c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	wordrule.open("ad_superstition", c)
	f := lib.finding(object.union(meta, {"basis": wordrule.basis(meta, c)}), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("迷信用语「%s」：广告不得许诺开运、招财、辟邪等超自然效果", [c.word]),
		"suggestion": object.get(c.entry, "suggestion", meta.suggestion),
		"details": {"word": c.word, "law": object.get(c.entry, "law", meta.basis.law)},
	})
}
