package xiaoer.rules.ad_superstition_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_superstition

words(segs) := {f.details.word | some f in ad_superstition.findings with input as t.title(segs)}

# A verb of attracting or turning before luck, love or wealth promises an
# effect, however it is worded (lib/pattern.rego).
test_promised_effect_patterns if {
	words(["貔貅", "手链", "招", "偏", "财"]) == {"招偏财"}
	words(["紫水晶", "旺", "桃花"]) == {"旺桃花"}
	words(["招财", "树", "招来", "好", "财运"]) == {"招来好财运"}
	words(["文昌", "笔", "旺", "事业"]) == {"旺事业"}
}

# Study, career and friendship words after ordinary verbs are no promise
# of luck; the same characters inside other words are no verb.
test_plain_words_stay_silent if {
	words(["台灯", "提升", "学业", "成绩"]) == set()
	words(["书籍", "增强", "人缘"]) == set()
	words(["旺", "仔", "牛奶"]) == set()
	words(["平安夜", "苹果"]) == set()
}

# Sold as the product, a charm is no claim (its name wins).
test_product_names if words(["招财猫", "摆件", "陶瓷"]) == set()

# Ordinary verbs before luck itself (运势, 财运) still promise it.
test_ordinary_verbs_before_luck if {
	words(["黄水晶", "提升", "运势"]) == {"提升运势"}
	words(["增", "财运", "手串"]) == {"增财运"}
}

# Promised effects: warding off sha and petty people, winning love back, a
# placed object making business better; a painting's printed greeting stays
# its content unless a bare promise verb stands beside it.
test_promised_effects if {
	words(["八卦镜", "化解", "路冲", "煞气"]) == {"路冲", "煞气"}
	words(["和合", "摆件", "挽回感情"]) == {"挽回感情"}
	words(["摆上", "它", "生意", "一天比一天好"]) == {"摆上它生意一天比一天好"}
	words(["挂画", "招财", "旺铺"]) == {"招财", "旺铺"}
	words(["招财进宝", "春联", "对联"]) == set()
	words(["职场", "图书", "升职加薪", "技巧"]) == set()
}

# Warding off illness' qi (化解病气) promises a supernatural effect;
# 化解 before ordinary troubles does not.
test_ward_off_ill_qi if {
	words(["挂", "在", "床头", "可", "化解", "病", "气"]) == {"化解病气"}
	words(["化解", "矛盾", "沟通", "技巧"]) == set()
}

# Round nine: wearing or placing an object, then a windfall (戴上就发财); a
# blessing beside a ritual object (文昌塔 逢考必过) promises it; the same words
# printed on stationery as a wish stay silent.
test_worn_then_rich if {
	words(["招财猫", " ", "戴", "上", "就", "发财"]) != set()
	words(["文昌塔", " ", "逢考必过", " ", "书桌"]) == {"逢考必过"}
	words(["逢考必过", " ", "中性笔", " ", "文具", "套装"]) == set()
}

# Round ten (issue 12): 贵人相助, 百邪不侵 are promised effects.
test_round_ten_promises if {
	words(["貔貅", "手链", " ", "贵人相助"]) == {"贵人相助"}
	words(["百", "邪", "不", "侵", " ", "挂件"]) == {"百邪不侵"}
}

# A lucky object named in the title makes the description's promise its own.
test_title_object_partners_description if {
	described(["文昌", "笔", " ", "摆件"], ["摆在", "书桌上", ",", "逢考必过", "。"]) == {"逢考必过"}
	described(["钢笔", " ", "礼盒"], ["祝", "同学", ",", "逢考必过", "。"]) == set()
}

described(title, desc) := {f.details.word | some f in ad_superstition.findings with input as t.doc({"title": title, "description": desc}, [])}

# Round 13: 开光, 镇宅, 化煞 on a painting are claims about the object, not
# a phrase printed on it (deny: decor_text); gambling luck and karma.
test_object_claims_on_art if {
	words(["开光", "黄", "财神", "唐", "卡", "挂画"]) == {"开光"}
	words(["钟馗", "画像", "镇宅", "中堂", "画", "挂画"]) == {"镇宅"}
	words(["招财", "进宝", "春联", "对联"]) == set()
	words(["佛牌", "赌运", "亨通"]) == {"赌运亨通"}
	words(["供", "香", "可", "消除", "业障"]) == {"消除业障"}
	words(["风水", "摆件", "改", "风水"]) == {"改风水"}
}

test_publications_are_content if {
	words(["护体", "神功", "武侠", "小说"]) == set()
	words(["改", "风水", "书籍", "风水学", "入门"]) == set()
}

# Round fourteen: 一摆就发财 (placed + gain); 转运竹 is a plant's name.
test_round_fourteen_placing_and_plant_names if {
	words(["一", "摆", "就", "发财", " ", "聚宝盆"]) == {"一摆就发财"}
	words(["转运竹", " ", "水培", "植物"]) == set()
}

test_round13_mn if {
	words(["开运竹", "水培", "富贵竹"]) == set()
	words(["一摆就发财", "聚宝盆", "摆件"]) == {"一摆就发财"}
}

# round 15: 镇店之宝 is a status claim (ad-absolute), not a promise that the
# goods guard the shop; 镇店 alone still is.
test_round15_shop_treasure_is_no_charm if {
	words(["足金", " ", "镇店", "之宝", " ", "项链"]) == set()
	words(["貔貅", " ", "镇店", " ", "招财"]) != set()
}

# round 15: 反煞 (turning evil back) promises an effect (§9(8)). 只进不出 is
# no word: on a piggy bank it says the coins cannot be taken out.
test_round15_turning_evil_back if {
	words(["八卦镜", " ", "风水", " ", "反煞"]) == {"反煞"}
	words(["存钱罐", " ", "只进不出"]) == set()
}

# round 17: 风水调理 and 增福添寿 promise an effect (§9(8)); 刺绣 is the craft of
# a charm, not text printed on a decoration, so it exempts nothing.
test_round17_fengshui_and_blessings if {
	words(["聚宝盆", " ", "风水", "调理"]) == {"风水调理"}
	words(["手链", " ", "增福", "添寿"]) == {"增福添寿"}
	words(["福袋", " ", "保", "平安", " ", "刺绣"]) == {"保平安"}
	words(["招财进宝", " ", "十字绣"]) == set()
}
