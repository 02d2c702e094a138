# METADATA
# title: ad-medical-claim
# description: |
#   普通商品宣称疾病治疗功能或使用医疗用语（治疗、消炎、降血压、排毒、
#   抗癌……）。药品、医疗器械、兽药、农药由各自的广告规则管理，不在此查；
#   消毒产品可以宣称杀菌、消毒；保健食品不得涉及疾病预防、治疗功能（第十八
#   条）。杀菌、抗菌等卫生宣称只报警告：有检测依据的可以使用。
# custom:
#   severity: error
#   basis: 《广告法》第十七条
#   penalty: 《广告法》第五十八条第一款第二项
#   link: http://www.bjxgfjob.com/changshi/317129.html
package xiaoer.rules.ad_medical_claim

import data.xiaoer.lib
import data.xiaoer.lib.lexicon

meta := {
	"id": "ad-medical-claim",
	"title": "普通商品使用医疗用语",
	"severity": "error",
	"kinds": ["listing"],
	"description": "除医疗、药品、医疗器械广告外，广告不得涉及疾病治疗功能，不得使用医疗用语或者易使推销的商品与药品、医疗器械相混淆的用语（《广告法》第十七条）。",
	"basis": {
		"law": "《广告法》第十七条",
		"penalty": "《广告法》第五十八条第一款第二项：广告费用一倍以上三倍以下罚款，无法计算的处十万元以上二十万元以下罚款",
		"link": "http://www.bjxgfjob.com/changshi/317129.html",
		"confirmed": true,
	},
	"suggestion": "删除疾病、治疗用语，只写商品的实际功能。",
	"exposure": {"punitive": true, "fine": "ad_law_58"},
}

# needs: every finding starts from one of its words; a listing without
# any is skipped by the engine (see main.rego).
needs := {"words": ["ad_medical_claim.words"]}

# regulated holds what kind of regulated product the listing is (drug,
# device, veterinary, pesticide, disinfectant, health_food), from words in
# its text (国药准字, 医疗器械, 消毒液) or its category.
regulated contains kind if {
	some m in lexicon.matches("ad_medical_claim", "regulated", {})
	not marker_qualified(m)
	kind := m.entry.kind
}

regulated contains kind if {
	category := object.get(input, ["listing", "category"], "")
	category != ""
	some word, kind in data.tables.ad_medical_claim.category_kinds
	contains(category, word)
}

# marker_qualified: 医用级硅胶 is a marketing grade, not a medical device;
# 非药品 says the opposite.
marker_qualified(m) if data.tables.ad_medical_claim.not_regulated_after[lexicon.key_at(m.field, m.i + m.n, 1)]

marker_qualified(m) if data.tables.ad_medical_claim.not_regulated_before[lexicon.key_at(m.field, m.i - 1, 1)]

# skipped reports whether a term of this kind is not this rule's business
# for the listing's kind of product.
skipped(entry) if {
	some kind in regulated
	entry.kind in data.tables.ad_medical_claim.regulated_categories[kind].skip
}

candidates contains c if {
	some c in lexicon.matches("ad_medical_claim", "words", {})
	not skipped(c.entry)
}

hits := lexicon.longest(candidates)

exempt(c) if lexicon.registered(c)

exempt(c) if {
	some name in allow_list(c)
	lexicon.in_context("ad_medical_claim", name, c)
}

# exemption names the exemption that lets hit c pass, for explanations.
exemption(c) := "registered_name" if {
	lexicon.registered(c)
} else := names[0] if {
	names := [name | some name in allow_list(c); lexicon.in_context("ad_medical_claim", name, c)]
	count(names) > 0
}

# allow_list: every term passes in a denial (不具有治疗作用), some also in
# their own contexts (减肥秤, 治愈系).
allow_list(c) := array.concat(object.get(c.entry, "allow", []), ["negated"])

exempted contains {"field": c.field, "word": c.word, "s": c.s, "e": c.e, "exemption": exemption(c)} if {
	some c in hits
}

findings contains f if {
	some c in hits
	not exempt(c)
	f := lib.finding(hit_meta, {
		"field": c.field, "s": c.s, "e": c.e,
		"severity": object.get(c.entry, "severity", meta.severity),
		"message": message(c),
		"suggestion": c.entry.suggestion,
		"details": {"kind": c.entry.kind, "word": c.word, "regulated": regulated},
	})
}

message(c) := sprintf("宣称「%s」需有检测依据：普通商品不得使用易与药品、医疗器械混淆的用语", [c.word]) if {
	c.entry.kind == "hygiene"
} else := sprintf("保健食品宣称「%s」：不得涉及疾病预防、治疗功能", [c.word]) if {
	"health_food" in regulated
} else := sprintf("普通商品使用医疗用语「%s」：不得涉及疾病治疗功能", [c.word])

# hit_meta cites 第十八条 for health food.
hit_meta := object.union(meta, {"basis": object.union(meta.basis, {"law": data.tables.ad_medical_claim.regulated_categories.health_food.basis})}) if {
	"health_food" in regulated
} else := meta
