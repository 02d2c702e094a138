# METADATA
# title: ad-education-guarantee
# description: |
#   教育、培训广告的保证（第二十四条）：包过、不过退款、通过率、包拿证、
#   保录取（第一项）；命题专家、押题、考试机构内部（第二项）；专家、学员
#   名义的推荐（第三项）。泛用的词（专家推荐、包会、原题）只在教育培训
#   语境或押题语境里才算；否定的说法、引用官方公布的全国通过率不算。
# custom:
#   severity: error
#   basis: 《中华人民共和国广告法》第二十四条
#   penalty: 《中华人民共和国广告法》第五十八条第一款
package xiaoer.rules.ad_education_guarantee

import data.xiaoer.lib
import data.xiaoer.lib.lexicon
import data.xiaoer.lib.wordrule

meta := {
	"id": "ad-education-guarantee",
	"title": "教育培训保证性承诺",
	"severity": "error",
	"kinds": ["listing"],
	"description": "教育、培训广告不得对升学、通过考试、获得学位学历或者合格证书，或者对教育、培训的效果作出明示或者暗示的保证性承诺，不得暗示考试机构或命题人员参与，不得利用专家、受益者的名义作推荐（《中华人民共和国广告法》第二十四条）。",
	"basis": {
		"law": "《中华人民共和国广告法》第二十四条",
		"penalty": "《中华人民共和国广告法》第五十八条第一款：广告费用一倍以上三倍以下罚款，无法计算的处十万元以上二十万元以下罚款",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "删除通过、录取、拿证等保证和考试机构、命题人员的暗示，写明课程的真实内容。",
	"exposure": {"punitive": true, "fine": "ad_law_58"},
}

# needs: every finding starts from one of its words (or, for scores, a
# guarantee word before a figure whose unit is a score unit); a listing
# without any is skipped by the engine (see main.rego).
# partnered: every hit of its words passes partnered (an entry naming a
# partner context is kept only beside it), so the engine counts such a
# word only where a word of that context is in the listing.
# allowed: wordrule.open drops every hit at which one of its entry's allow
# contexts holds, so the engine counts such a word only where none of
# them holds at it.
needs := [{"words": ["ad_education_guarantee.words", "ad_education_guarantee.pattern_heads"], "partnered": true, "allowed": true}, {"words": ["ad_education_guarantee.score_leads"], "units": ["ad_education_guarantee.score_units"]}]

skip := {"attributes": true}

hits := wordrule.hits("ad_education_guarantee", skip) | score_hits

# score_hits are scores guaranteed with a figure: a guarantee word, then a
# score (保6.5分, 包提30分, 保证提高20分).
score_hits contains c if {
	some num in object.get(input, ["listing", "numbers"], [])
	not skip[num.field]
	data.tables.ad_education_guarantee.score_units[num.unit]
	first := lexicon.figure_first(num)
	some k in [1, 2, 3]
	# lexicon.key_at is xiaoer.key_at over the field's tokens and nothing
	# more: the builtin is called in place, a function call less a lead.
	lead := xiaoer.key_at(input.listing.fields[num.field].tokens, first - k, k)
	data.tables.ad_education_guarantee.score_leads[lead]
	guarantee_lead(num.field, first - k, lead)
	entry := {"law": "《中华人民共和国广告法》第二十四条第一项", "suggestion": data.tables.ad_education_guarantee.words["保分"].suggestion}
	c := object.union(lexicon.match(num.field, first - k, (lexicon.figure_last(num) - first) + k, lead, entry), {"word": sprintf("%s%v%s", [lead, num.value, num.unit])})
}

# guarantee_lead: 提高, 提升 and 提分 promise a score only after a
# guarantee word (保证提高20分, 不是「平均提高20分」).
guarantee_lead(_, _, lead) if not data.tables.ad_education_guarantee.score_leads_needing_guarantee[lead]

guarantee_lead(name, i, _) if data.tables.ad_education_guarantee.score_leads[xiaoer.key_at(input.listing.fields[name].tokens, i - 1, 1)]

# A stretch of time right before the lead makes the gain a promise of
# results (30天提分50分, 一个月提高20分).
guarantee_lead(name, i, _) if {
	some num in input.listing.numbers
	num.field == name
	lexicon.figure_last(num) == i - 1
	data.tables.ad_education_guarantee.period_units[num.unit]
}

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": wordrule.exemption("ad_education_guarantee", c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	wordrule.open("ad_education_guarantee", c)
	f := lib.finding(object.union(meta, {"basis": wordrule.basis(meta, c)}), {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("教育培训广告「%s」：不得对通过考试、升学、拿证或培训效果作保证，不得暗示考试机构或命题人员参与", [c.word]),
		"suggestion": object.get(c.entry, "suggestion", meta.suggestion),
		"details": {"word": c.word, "law": object.get(c.entry, "law", meta.basis.law)},
	})
}
