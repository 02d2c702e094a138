package xiaoer.rules.ad_medical_claim_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_medical_claim

findings(segs) := fs if {
	fs := ad_medical_claim.findings with input as t.title(segs)
}

words(segs) := {f.details.word | some f in findings(segs)}

why(segs, word) := e.exemption if {
	es := ad_medical_claim.exempted with input as t.title(segs)
	some e in es
	e.word == word
}

test_disease_term_on_ordinary_goods if {
	fs := findings(["卸妆水", "温和", "消炎"])
	count(fs) == 1
	some f in fs
	f.rule == "ad-medical-claim"
	f.severity == "error"
	f.basis.law == "《广告法》第十七条"
	f.exposure.fine_cny == [100000, 200000]
	f.exposure.punitive_cny == 597
	contains(f.message, "消炎")
}

test_disease_name if words(["泡脚", "粉", "脚气", "糜烂"]) == {"脚气", "糜烂"}

test_split_terms_join if words(["滋", "阴补阳", "茶"]) == {"滋阴补阳"}

test_hygiene_claim_is_a_warning if {
	some f in findings(["蒸汽", "拖把", "高温", "杀菌"])
	f.severity == "warning"
	contains(f.suggestion, "报告编号")
}

test_health_food_cites_article_18 if {
	fs := findings(["保健品", "氨糖", "钙片", "骨质", "疏松"])
	some f in fs
	f.basis.law == "《广告法》第十八条：保健食品广告不得涉及疾病预防、治疗功能"
	contains(f.message, "保健食品")
}

test_drug_listing_is_not_this_rule if count(findings(["国药准字", "关节", "止痛", "膏"])) == 0

test_device_listing_is_not_this_rule if count(findings(["医用", "弹力", "袜", "静脉曲张"])) == 0

test_medical_grade_is_no_device if words(["医用", "级", "硅胶", "消炎"]) == {"消炎"}

test_not_a_drug_says_the_opposite if words(["非", "药品", "治疗", "湿疹"]) == {"湿疹"}

test_disinfectant_may_claim_hygiene if {
	words(["消毒液", "杀菌", "99", "%"]) == set()
	words(["消毒液", "治疗", "脚气"]) == {"治疗", "脚气"}
}

test_book_titles_are_not_claims if count(findings(["眼底病", "诊断", "与", "治疗", "畅销书籍"])) == 0

test_category_marks_regulated if {
	fs := ad_medical_claim.findings with input as t.docc({"title": ["退热", "贴", "消炎"]}, [], "医疗器械>物理退热")
	count(fs) == 0
}

test_purpose_not_effect if {
	why(["智能", "体脂秤", "成人", "减肥"], "减肥") == "purpose"
	why(["防", "紫外线", "墨镜", "可", "配", "近视"], "近视") == "purpose"
	words(["减肥", "茶"]) == {"减肥茶"}
	words(["减肥", "代餐", "粉"]) == {"减肥"}
}

test_healing_style if {
	why(["治愈", "系", "插画", "抱枕"], "治愈") == "healing_style"
	words(["治愈", "失眠"]) == {"治愈", "失眠"}
}

test_denial if why(["本品", "不具有", "治疗", "作用"], "治疗") == "negated"

test_purpose_yields_to_an_efficacy_claim if words(["学生", "眼镜框", "防", "蓝光", "预防", "近视", "眼镜"]) == {"近视"}
