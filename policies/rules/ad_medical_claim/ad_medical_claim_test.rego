package xiaoer.rules.ad_medical_claim_test

import data.xiaoer.lib.lexicon
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

# law_meta of the rule's own law is meta itself, as the union gives it;
# of another law (a health food's), meta with that law.
test_law_meta_of_own_law_is_the_union if {
	own := ad_medical_claim.meta.basis.law
	ad_medical_claim.law_meta(own) == object.union(ad_medical_claim.meta, {"basis": object.union(ad_medical_claim.meta.basis, {"law": own})})
	other := "《中华人民共和国广告法》第十八条"
	ad_medical_claim.law_meta(other).basis.law == other
	ad_medical_claim.law_meta(other) == object.union(ad_medical_claim.meta, {"basis": object.union(ad_medical_claim.meta.basis, {"law": other})})
}

test_disease_term_on_ordinary_goods if {
	fs := findings(["纯棉", "毛巾", "温和", "消炎"])
	count(fs) == 1
	some f in fs
	f.rule == "ad-medical-claim"
	f.severity == "error"
	f.basis.law == "《中华人民共和国广告法》第十七条"
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
	startswith(f.basis.law, "《中华人民共和国广告法》第十八条")
	contains(f.message, "保健食品")
}

test_drug_listing_is_not_this_rule if count(findings(["国药准字", "关节", "止痛", "膏"])) == 0

test_device_listing_is_not_this_rule if count(findings(["医用", "弹力", "袜", "静脉曲张"])) == 0

test_medical_grade_is_no_device if words(["医用", "级", "硅胶", "消炎"]) == {"消炎"}

# A treatment verb before a disease is one claim (lib/pattern.rego).
test_not_a_drug_says_the_opposite if words(["非", "药品", "治疗", "湿疹"]) == {"治疗湿疹"}

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
	words(["治愈", "失眠"]) == {"治愈失眠"}
}

test_denial if why(["本品", "不具有", "治疗", "作用"], "治疗") == "negated"

test_purpose_yields_to_an_efficacy_claim if words(["学生", "眼镜框", "防", "蓝光", "预防", "近视", "眼镜"]) == {"近视"}

test_cosmetics_cite_their_regulation if {
	some f in findings(["卸妆水", "温和", "消炎"])
	startswith(f.basis.law, "《化妆品监督管理条例》第三十七条")
	contains(f.message, "化妆品")
}

test_food_cites_food_safety_law if {
	some f in findings(["婴儿", "奶粉", "防", "便秘"])
	startswith(f.basis.law, "《中华人民共和国食品安全法》第七十三条")
}

# A drug named by its dosage form may state its indication, not guarantee it.
test_drug_guarantee_under_article_16 if {
	fs := findings(["感冒灵", "颗粒剂", "治疗", "感冒", "药到病除", "无副作用"])
	{f.details.word | some f in fs} == {"药到病除", "无副作用"}
	some f in fs
	startswith(f.basis.law, "《中华人民共和国广告法》第十六条")
}

test_endorsement_on_regulated_goods if {
	words(["医生推荐", "护腰", "带"]) == set()
	words(["医生推荐", "保健品", "鱼油"]) == {"医生推荐"}
}

test_body_system_terms if words(["泡脚", "包", "补肾壮阳", "改善", "失眠", "降血压"]) == {"补肾壮阳", "改善失眠", "降血压"}

# 感冒 alone names a season's goods (感冒 时 喝); claimed, it is a hit.
test_ambiguous_term_needs_a_claim if {
	words(["感冒", "时", "穿", "的", "睡衣"]) == set()
	words(["预防", "感冒", "睡衣"]) == {"感冒"}
}

test_misspelled_glasses_frame_keeps_its_purpose if words(["近视", "眼睛", "框", "超轻"]) == set()

test_safety_guarantee_only_on_regulated_goods if {
	words(["积木", "玩具", "安全无毒"]) == set()
	words(["保健品", "安全无毒"]) == {"安全无毒"}
}

# 清肺抑火片 is an OTC drug: its indication is no claim, a guarantee is.
# The dosage form may follow the term at once, whatever its length
# (止咳颗粒).
test_drug_named_by_dosage_form if {
	words(["修正", "清肺", "抑", "火", "片", "24", "片", "清肺", "止嗽", "咳嗽"]) == set()
	words(["止咳", "颗粒", "止咳", "化痰"]) == set()
	words(["止咳", "颗粒", "药到病除"]) == {"药到病除"}
	words(["清肺", "抑", "火", "片", "药到病除"]) == {"药到病除"}
	words(["降糖", " ", "苦瓜", "片", "糖尿病"]) == {"降糖", "糖尿病"}
}

# A treatment verb before a word ending in a disease suffix is a claim
# without a lexicon entry for the disease; the verb on anything else is not.
test_treatment_of_an_unlisted_condition if {
	words(["热敷", "腰带", "缓解", "腹", "痛"]) == {"缓解腹痛"}
	words(["鞋垫", "缓解", "足底", "筋膜炎"]) == {"缓解足底筋膜炎"}
	words(["按摩椅", "缓解", "疲劳"]) == set()
	words(["计划本", "告别", "拖延症"]) == set()
}

# Replacing medicine, clearing vessels, doctors vouching for a health claim.
test_replacing_medicine_and_vessels if {
	words(["苦瓜茶", "可", "代替", "降糖药"]) == {"代替降糖药"}
	words(["吃", "它", "就", "不用再", "吃", "药"]) == {"不用再吃药"}
	words(["保健食品", "本品", "不能", "代替", "药物"]) == set()
	words(["纳豆", "通", "血管", "清", "血脂"]) == {"通血管", "清血脂"}
	words(["下水道", "疏通", "管道"]) == set()
	words(["颈椎", "枕头", "老中医", "推荐"]) == {"老中医推荐"}
	words(["医生", "推荐", "孕妇枕"]) == set()
}

test_better_than_medicine if {
	words(["艾草", "贴", "胜过吃药"]) == {"胜过吃药"}
	words(["苦瓜", "片", "告别", "胰岛素"]) == {"告别胰岛素"}
	words(["不能", "替代", "药物", "治疗", "鱼油"]) == set()
}

# 100%有效 is an efficacy guarantee beside a treatment word only.
test_percent_efficacy_guarantee if {
	"100%有效" in words(["防", "脱", " ", "精华液", " ", "100", "%", "有效"])
	words(["杀", "蟑", "胶饵", " ", "100", "%", "有效"]) == set()
}

# Round nine: repairing an organ or a body function, weight or height
# changed by a figure, cure on one application, medical grades.
test_repair_an_organ if {
	words(["叶黄素", " ", "修复", "视力"]) == {"修复视力"}
	words(["修复", "毛囊", " ", "生发"]) != set()
	words(["屏幕", " ", "修复", "膜"]) == set()
}

test_body_change_by_a_figure if {
	segs := ["酵素", " ", "一周", "瘦", "10", "斤"]
	fs := ad_medical_claim.findings with input as t.doc({"title": segs}, [t.num("title", segs, 4, 5, 10, "斤")])
	{f.details.word | some f in fs} == {"瘦10斤"}
	slim := ["显", "瘦", "200", "斤", " ", "连衣裙"]
	count(ad_medical_claim.findings) == 0 with input as t.doc({"title": slim}, [t.num("title", slim, 2, 3, 200, "斤")])
}

test_cure_on_one_application if {
	words(["湿疹", "膏", " ", "一抹", "就", "好"]) != set()
	words(["皮鞋油", " ", "一抹", "就", "亮"]) == set()
}

test_medical_grade_words if {
	words(["医学", "级", " ", "面膜"]) == {"医学级"}
	words(["医用", "级", "硅胶", " ", "奶嘴"]) == set()
	why(["医用", "级", "硅胶", " ", "奶嘴"], "医用级") != ""
}

test_adjust_and_delay_body_functions if {
	words(["调整", "人体", "内分泌", " ", "茶"]) != set()
	words(["延缓", "更年期", " ", "胶原蛋白"]) != set()
	words(["延缓", "老化", " ", "橡胶", "保护剂"]) == set()
}

# Correcting the spine is a repair claim; glasses correct vision by what they
# are (the purpose exemption).
test_correcting_the_spine_and_glasses if {
	words(["矫正", "颈椎", " ", "枕头"]) != set()
	words(["近视", "眼镜", " ", "矫正", "视力", " ", "镜片"]) == set()
}

# In food 秘方 is a recipe (秘方发酵 馒头); on a plaster it promises a cure.
test_secret_recipe_in_food if {
	words(["馒头", " ", "独家", "秘方", "发酵"]) == set()
	why(["馒头", " ", "独家", "秘方", "发酵"], "秘方") != ""
	words(["秘方", " ", "膏", " ", "腰痛"]) != set()
}

# Round ten (issue 12): an approved health-food function (辅助降血脂) on a
# health food is its function; on other goods it is a disease claim.
test_approved_function_on_health_food if words(["鱼油", "软胶囊", "辅助", "降血脂", "保健食品", "蓝", "帽"]) == set()

test_approved_function_on_tea_is_a_claim if words(["辅助", "降血脂", "茶"]) == {"辅助降血脂"}

# An antibacterial claim tested to a national or trade standard has its
# basis stated (GB/T 20944.3, FZ/T 73023).
test_antibacterial_with_a_standard if {
	words(["抗菌", "毛巾", " ", "按", "gb", "/", "t", " ", "20944.3", "检测"]) == set()
	words(["抗菌", "毛巾", " ", "洗脸"]) == {"抗菌"}
}

# Round ten: 排X毒 by the suffix, a drug one may stop, 神药 on a drug.
test_round_ten_claims if {
	words(["排", "肝", "毒", " ", "蒲公英", "茶"]) == {"排肝毒"}
	words(["降压药", "可以", "停", "了"]) == {"降压药可以停了"}
	words(["口腔溃疡", "贴", " ", "国药准字", " ", "神", "药"]) == {"神药"}
	words(["酒精", "消毒", "液"]) != {"消毒液"}
}

# Pet diseases are disease claims on ordinary goods, but name the target of
# a test kit (猫瘟试纸).
test_pet_diseases if {
	words(["猫瘟", "恢复期", "的", "猫", "吃", "了", "有", "精神"]) == {"猫瘟"}
	words(["猫瘟", "试纸", "检测卡"]) == set()
	words(["效果", "优于", "同类", "药品"]) == {"效果优于同类"}
}

# How the buyer disinfects the product (配件可煮沸消毒) is a care step, not
# a hygiene claim; the same word as the product's own effect still is.
test_cleaning_method_is_no_claim if {
	words(["配件", "可", "煮沸", "消毒"]) == set()
	why(["奶嘴", "沸水", "消毒", "5", "分钟"], "消毒") == "cleaning_method"
	words(["蒸汽", "消毒", "拖把"]) == {"消毒"}
	words(["除螨", "喷雾", "消毒", "杀菌", "床上"]) == {"消毒", "杀菌"}
}

# Round 13: a baby's head shape is a body part a pillow may not 矫正.
test_round13_head_shape if {
	words(["婴儿", "枕头", "矫正", "偏头"]) == {"矫正偏头"}
	words(["婴儿", "枕头", "透气", "头型", "好看"]) == set()
}

# 医院级 on ordinary goods is a medical term (§17); 医院同款 stays an
# endorsement judged only on drugs, devices and treatments.
test_round13_hospital_words if {
	words(["枕头", "医院级", "记忆棉"]) == {"医院级"}
	words(["枕头", "医院同款", "记忆棉"]) == set()
}

# Round fourteen: 安神助眠 as jieba cuts it, slimming by eating, 治白发; an
# approved health-food function (对化学性肝损伤有辅助保护功能) is no claim there.
test_round_fourteen_words if {
	words(["安", "神助", "眠", " ", "香薰", "精油"]) == {"安神助眠"}
	words(["荷叶茶", " ", "吃", "了", "就", "瘦"]) == {"吃了就瘦"}
	words(["可", "治", "白发"]) == {"治白发"}
	words(["护肝片", " ", "国食健注", " ", "对", "化学性", "肝损伤", "有", "辅助", "保护", "功能", " ", "保健食品"]) == set()
}

# A plaster (膏药) with no approval word is ordinary goods: its disease words
# are §17 claims; with 国药准字 it is a drug and may name its indication.
test_plaster_without_approval_is_ordinary_goods if {
	words(["远红外", "膏药", "贴", " ", "腰椎间盘突出", " ", "专用"]) == {"腰椎间盘突出"}
	words(["膏药", " ", "国药准字", " ", "腰椎间盘突出"]) == set()
}

# 抗菌 in the title is sourced when the description restates it with its test
# standard; another standard elsewhere (a food-contact GB) is no basis.
in_fields(fs) := {f.details.word | some f in ad_medical_claim.findings with input as t.doc(fs, [])}

test_tested_claim_restated_in_the_description if {
	title := ["抗菌", "砧板", " ", "实木"]
	in_fields({"title": title}) == {"抗菌"}
	in_fields({"title": title, "description": ["抗菌", "性能", "按", "gb", " ", "21551.2", "检测", "。"]}) == set()
	in_fields({"title": title, "description": ["执行", "标准", "gb", " ", "4806", "。"]}) == {"抗菌"}
}

# round 14b: cure within hours, like cure within days.
test_cure_in_hours if {
	"小时见效" in words(["退热", "贴", "2", "小时", "见效"])
	words(["充电", "2", "小时", "续航"]) == set()
}

# round 17 (12v): ordinary goods filed under a medical category (护膝 in
# 医疗器械) are judged as ordinary goods; a device word still makes a device.
test_plain_goods_in_a_medical_category if {
	fs := ad_medical_claim.findings with input as t.docc({"title": ["远红外", "护膝", "老寒腿", "关节炎", "专用"]}, [], "医疗器械")
	{f.details.word | some f in fs} == {"关节炎"}
	device := ad_medical_claim.findings with input as t.docc({"title": ["医用", "护膝", "关节炎"]}, [], "医疗器械")
	count(device) == 0
}

test_spoken_drop_of_a_vital_sign if {
	"血压就降下来了" in words(["吃", "了", "血压", "就", "降下来", "了", "黑蒜"])
	words(["血压计", "家用"]) == set()
}

# round 17: a department head's recommendation of a device (§16(1)(4)); a
# device compared with taking drugs (§16(1)(3)), which books may discuss.
test_round17_head_doctor_and_drug_comparison if {
	fs := ad_medical_claim.findings with input as t.docc({"title": ["颈椎", "牵引器"], "description": ["骨科", "主任", "推荐"]}, [], "医疗器械")
	{f.details.word | some f in fs} == {"骨科主任推荐"}
	gs := ad_medical_claim.findings with input as t.docc({"title": ["退热", "贴"], "description": ["比", "吃药", "还", "快"]}, [], "医疗器械")
	{f.details.word | some f in gs} == {"比吃药还快"}
	some g in gs
	contains(g.message, "不得与药品、医疗器械比较")
	count(ad_medical_claim.findings) == 0 with input as t.docc({"title": ["食疗", "图书", " ", "比", "吃药", "还", "管用"]}, [], "图书")
}

# round 17 step 3: a body part and the pain gone (腰就不疼了) is a cure; a
# drug's name (关节止痛膏) is no sentence about pain going.
test_body_part_pain_gone if {
	"腰就不疼了" in words(["贴", "三天", "腰", "就", "不", "疼", "了"])
	words(["腰带", "就", "不", "松", "了"]) == set()
}

# wordless, which rules reading these findings ask first, holds only where
# the listing has neither a word of the rule nor a pattern head (改善 is a
# head and no word).
test_wordless_only_without_words_or_heads if {
	ad_medical_claim.wordless with input as t.title(["纯棉", "毛巾"])
	not ad_medical_claim.wordless with input as t.title(["纯棉", "毛巾", "消炎"])
	not ad_medical_claim.wordless with input as t.title(["睡眠", "改善"])
	not data.tables.ad_medical_claim.words["改善"]
	data.tables.ad_medical_claim.pattern_heads["改善"]
}

# judged_as reads the engine's found list first: on a document shaped as
# the engine's (found lists the lexicons the listing has runs of), it
# answers as regulated_kinds, the kinds worked out, with or without a
# regulated word, a dosage form or a category.
test_judged_as_with_found_is_regulated_kinds if {
	docs := [
		t.title(["纯棉", "毛巾", "消炎"]),
		t.title(["药品", "消炎"]),
		t.title(["清肺", "抑", "火", "片"]),
		t.docc({"title": ["纯棉", "消炎"]}, [], "药品"),
	]
	every doc in docs {
		listed := with_found(doc)
		kinds := ad_medical_claim.judged_as with input as listed
		kinds == ad_medical_claim.regulated_kinds with input as listed
	}
	ad_medical_claim.judged_as == set() with input as with_found(docs[0])
	ad_medical_claim.judged_as == {"drug"} with input as with_found(docs[1])
}

# with_found is doc with the engine's found list of this rule's lexicons:
# those the listing has runs of.
with_found(doc) := object.union(doc, {"listing": {"lexicon": {"found": {"ad_medical_claim": {lex: runs |
	some lex in ["words", "pattern_heads", "regulated", "dosage_suffixes", "not_regulated_after", "not_regulated_before"]
	runs := lexicon.found("ad_medical_claim", lex) with input as doc
	count(runs) > 0
}}}}})

# regulated_by_words takes every run's kind at once where the engine's
# found list has no marker word; with one (医用|级, 非|药品) or without the
# list it asks each run, and the answer is unqualified_kinds either way.
test_regulated_by_words_with_found_is_unqualified_kinds if {
	docs := [
		t.title(["药品", "消炎"]),
		t.title(["医用", "级", "硅胶", "消炎"]),
		t.title(["非", "药品", "治疗", "湿疹"]),
		t.title(["医用", "硅胶", " ", "咖啡", "杯"]),
	]
	every doc in docs {
		listed := with_found(doc)
		kinds := ad_medical_claim.regulated_by_words with input as listed
		kinds == ad_medical_claim.unqualified_kinds with input as listed
		kinds == ad_medical_claim.regulated_by_words with input as doc
	}
	ad_medical_claim.regulated_by_words == {"drug"} with input as with_found(docs[0])
	ad_medical_claim.regulated_by_words == set() with input as with_found(docs[1])
	ad_medical_claim.regulated_by_words == set() with input as with_found(docs[2])
}

# xiaoer.medical_kinds (policies/medicalbuiltin.go), which judged_as asks
# on the engine's documents, answers regulated_kinds (kinds_agree, below).
test_medical_kinds_plain if {
	kinds_agree(t.title(["纯棉", "毛巾", "消炎"]), set())
	kinds_agree(t.title(["药品", "治疗", "湿疹"]), {"drug"})
}

# A marker either side of a run: 医用|级 is a grade, 非|药品 a denial.
test_medical_kinds_markers if {
	kinds_agree(t.title(["医用", "级", "硅胶", "消炎"]), set())
	kinds_agree(t.title(["医用", "硅胶", "消炎"]), {"device"})
	kinds_agree(t.title(["非", "药品", "治疗", "湿疹"]), set())
}

# The category's kinds (医疗器械 holds 医疗 too), but not a device where
# the words name plain goods (护膝).
test_medical_kinds_category if {
	kinds_agree(t.docc({"title": ["护膝", "消炎"]}, [], "医疗器械"), {"plain_goods"})
	kinds_agree(t.docc({"title": ["毛巾", "消炎"]}, [], "医疗器械"), {"device", "treatment"})
}

# A dosage form glued to a term, at once (止咳|片, 止咳|颗粒) or after one or
# two tokens of one character (清肺|抑|火|片); not after three, not after a
# longer token, not apart.
test_medical_kinds_drug_names if {
	kinds_agree(t.title(["清肺", "抑", "火", "片"]), {"drug"})
	kinds_agree(t.title(["清肺", "抑", "火", "火", "片"]), set())
	kinds_agree(t.title(["止", "咳", "片"]), {"drug"})
	kinds_agree(t.title(["止咳", "片"]), {"drug"})
	kinds_agree(t.title(["止咳", "颗粒"]), {"drug"})
	kinds_agree(t.title(["清肺", "抑火", "片"]), set())
}

test_medical_kinds_drug_names_apart if {
	kinds_agree(t.title(["清肺", " ", "片"]), set())
	kinds_agree(t.title(["止", "咳", " ", "片"]), set())
}

# A dosage form yields to a food (胶囊 奶粉).
test_medical_kinds_yields if {
	kinds_agree(t.title(["胶囊", "奶粉"]), {"food"})
	kinds_agree(t.title(["胶囊", "消炎"]), {"drug_form"})
}

# kinds_agree: on doc with the engine's found list, xiaoer.medical_kinds
# is want, regulated_kinds with and without the list, and judged_as.
kinds_agree(doc, want) if {
	listed := with_found(doc)
	kinds := xiaoer.medical_kinds(
		object.get(listed.listing.lexicon.found, "ad_medical_claim", {}), data.tables.ad_medical_claim,
		listed.listing.fields, listed.listing.category,
	)
	kinds == want
	kinds == ad_medical_claim.regulated_kinds with input as listed
	kinds == ad_medical_claim.regulated_kinds with input as doc
	kinds == ad_medical_claim.judged_as with input as listed
}

# judged_as takes the engine's documents' kinds from the builtin where
# it answers, from regulated_kinds where it does not.
test_judged_as_asks_medical_kinds if {
	listed := with_found(t.title(["药品", "治疗", "湿疹"]))
	ad_medical_claim.judged_as == {"asked"} with input as listed with xiaoer.medical_kinds as {"asked"}
	ad_medical_claim.judged_as == {"drug"} with input as listed with xiaoer.medical_kinds as undefined_kinds
}

undefined_kinds(_, _, _, _) := x if {
	x := 1
	false
}

# The builtin is undefined where a run is not well formed: judged_as
# works the kinds out in Rego there.
test_medical_kinds_undefined_on_malformed_runs if {
	not xiaoer.medical_kinds({"regulated": [{"field": "title", "i": "0", "n": 1, "key": "药品"}]}, data.tables.ad_medical_claim, {}, "")
	not xiaoer.medical_kinds({}, data.tables.ad_medical_claim, {}, 1)
	xiaoer.medical_kinds({}, data.tables.ad_medical_claim, {}, "") == set()
}

# exempt picks the held allow names itself: it answers as the bodies it
# replaced (old_exempt) on every hit, with held and without.
test_exempt_is_old_exempt if {
	docs := [
		t.title(["减肥", "秤"]),
		t.title(["成人", "减肥"]),
		t.title(["不", "能", "治疗", "湿疹"]),
		t.title(["本品", "不具有", "治疗", "作用"]),
		t.title(["非", "治疗", "作用", "近视", "眼镜"]),
		t.title(["消毒", "杀菌", "湿巾"]),
	]
	helds := [
		{},
		{"ad_medical_claim": {}},
		{"ad_medical_claim": {"purpose": {"after": {"title": {1: true}}}}},
		{"ad_medical_claim": {"negated": {"before": {"title": {2: true}}}}, "negation": {"negated_scope": {"before": {"title": {2: true}}}}},
	]
	every doc in docs {
		hits := ad_medical_claim.hits with input as doc
		count(hits) > 0
		every c in hits {
			exempt_agrees(c, doc)
			every held in helds {
				exempt_agrees(c, object.union(doc, {"listing": {"lexicon": {"found": {}, "held": held}}}))
			}
		}
	}
	hits := ad_medical_claim.hits with input as docs[0]
	some c in hits
	ad_medical_claim.exempt(c) with input as object.union(docs[0], {"listing": {"lexicon": {"found": {}, "held": helds[2]}}})
	not ad_medical_claim.exempt(c) with input as object.union(docs[0], {"listing": {"lexicon": {"found": {}, "held": helds[1]}}})
}

exempt_agrees(c, doc) if {
	now := ad_medical_claim.exempt(c) with input as doc
	now == old_exempt(c) with input as doc
} else if {
	not ad_medical_claim.exempt(c) with input as doc
	not old_exempt(c) with input as doc
}

old_exempt(c) if lexicon.registered(c)

old_exempt(c) if {
	some name in lexicon.may_hold("ad_medical_claim", ad_medical_claim.allow_list(c))
	lexicon.in_context("ad_medical_claim", name, c)
}

# kind_keeps answers as `not skipped(entry); applies(entry)` on every
# entry of the words, whatever kinds the listing is judged as.
test_kind_keeps_is_not_skipped_and_applies if {
	kind_sets := [set(), {"drug"}, {"drug_form"}, {"disinfectant"}, {"health_food", "food"}, {"cosmetics"}, {"publication", "device"}]
	every kinds in kind_sets {
		every _, entry in data.tables.ad_medical_claim.words {
			keeps := ad_medical_claim.kind_keeps(entry) with ad_medical_claim.judged_as as kinds
			was := old_keeps(entry) with ad_medical_claim.judged_as as kinds
			keeps == was
		}
	}
}

old_keeps(entry) := true if {
	not ad_medical_claim.skipped(entry)
	ad_medical_claim.applies(entry)
} else := false
