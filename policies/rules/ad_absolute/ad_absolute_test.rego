package xiaoer.rules.ad_absolute_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.lib.lexicon
import data.xiaoer.rules.ad_absolute

words(segs) := ws if {
	fs := ad_absolute.findings with input as t.title(segs)
	ws := {f.details.word | some f in fs}
}

# why is the exemption that let word pass in a title made of segs.
why(segs, word) := e.exemption if {
	es := ad_absolute.exempted with input as t.title(segs)
	some e in es
	e.word == word
}

# ---- hits: one per lexicon category, plus the generic 最 + word ----

test_zui_word if {
	fs := ad_absolute.findings with input as t.title(["最好", "的", "t恤"])
	count(fs) == 1
	some f in fs
	f.rule == "ad-absolute"
	f.severity == "error"
	f.span == {"start": 0, "end": 6}
	f.basis.law == "《中华人民共和国广告法》第九条第三项"
	f.exposure.fine_cny == [200000, 1000000]
	f.exposure.punitive_cny == 597
	f.details.category == "zui"
	contains(f.suggestion, "具体")
}

test_zui_plus_adjective if {
	fs := ad_absolute.findings with input as t.title(["冬季", "最", "保暖", "的", "羽绒服"])
	some f in fs
	f.details.word == "最保暖"
	f.span == {"start": 6, "end": 15}
}

test_zui_token_not_in_lexicon if words(["全", "淘宝", "最", "静音"]) == {"最静音"}

test_diyi_ranking if words(["全网", "销量", "第一", "的", "面膜"]) == {"销量第一"}

test_diyi_first_and_only if words(["全球", "首款", "唯一", "专利"]) == {"全球首款", "唯一"}

test_ji_level if words(["国家级", "工艺", "顶级", "面料"]) == {"国家级", "顶级"}

# A grade is a claim only when it grades quality in general (一级棒,
# AAA级做工); beside goods it grades them (AAA级珍珠, 特级紫泥).
test_ji_grade_of_quality if {
	words(["一级", "棒", "的", "口感"]) == {"一级"}
	words(["aaa级", "做工", "手表"]) == {"aaa级"}
	words(["aaa级", "珍珠", "项链"]) == set()
	words(["原矿", "特级", "紫泥"]) == set()
}

test_status_word if words(["王牌", "产品", "遥遥领先"]) == {"王牌", "遥遥领先"}

# 国家机关名义 moved to ad-state-authority (第九条第二项).
test_state_organ_is_not_this_rule if words(["国家机关", "特供", "白酒"]) == set()

test_non_zui_superlatives if words(["碾压同级", "殿堂", "级", "音质", "行业天花板"]) == {"碾压同级", "殿堂级", "行业天花板"}

test_product_name_is_no_claim if words(["万能胶", "强力", "粘"]) == set()

test_promotion_mechanics_are_facts if words(["每单", "最多", "减", "30"]) == set()

test_comparison_makes_spec_a_claim if {
	words(["最大", "功率", "2000", "w"]) == set()
	words(["同价位", "最大", "功率"]) == {"最大"}
}

test_brand_attribute_is_a_name if {
	doc := object.union(t.title(["最", "生活", "毛巾", "纯棉"]), {"listing": {"attributes": [{"name": "品牌", "value": "最生活/Z.SHENGHUO"}]}})
	fs := ad_absolute.findings with input as doc
	count(fs) == 0
	some e in ad_absolute.exempted with input as doc
	e.exemption == "brand_attribute"
}

test_work_title_is_data if words(["《", "最", "好", "的", "我们", "》", "小说"]) == set()

test_authority_famous_mark_cites_trademark_law if {
	fs := ad_absolute.findings with input as t.title(["中国", "驰名商标", "产品"])
	some f in fs
	startswith(f.basis.law, "《中华人民共和国商标法》第十四条")
	f.exposure.fine_cny == [0, 0]
}

test_guarantee_figure if {
	segs := ["100", "%", "正品", "保证"]
	fs := ad_absolute.findings with input as t.doc({"title": segs}, [t.num("title", segs, 0, 1, 100, "%")])
	some f in fs
	f.details.word == "100%正品"
	f.span == {"start": 0, "end": 10}
}

# The same guarantee in the attributes is a label: its figure is not read.
test_guarantee_figure_in_attributes if {
	segs := ["100", "%", "正品", "保证"]
	fs := ad_absolute.findings with input as t.doc({"attributes": segs}, [t.num("attributes", segs, 0, 1, 100, "%")])
	count(fs) == 0
}

test_fullwidth_ranking_token if words(["品质", "no.1"]) == {"no.1"}

# ---- traps: words that only look like hits ----

test_traps_are_not_hits if {
	count(words(["最近", "上新", "第一次", "购买", "第一步", "量", "尺寸"])) == 0
}

test_fibre_label_is_not_a_guarantee if {
	segs := ["100", "%", "棉", "t恤"]
	count(ad_absolute.findings) == 0 with input as t.doc({"title": segs}, [t.num("title", segs, 0, 1, 100, "%")])
}

test_attributes_are_labels if {
	count(ad_absolute.findings) == 0 with input as t.doc({"attributes": ["等级", ":", " ", "一级", "\n", "尺码", ":", " ", "最大", "号"]}, [])
}

test_partner_words_alone_pass if {
	count(words(["酷冷", "至尊", "散热器", "狗狗", "专用"])) == 0
	words(["至尊", "享受"]) == {"至尊"}
}

# ---- exemptions of the SAMR 2023 guide, each against a hit that fires without it ----

test_aspiration if {
	why(["追求", "极致", "服务"], "极致") == "aspiration"
	words(["极致", "服务"]) == {"极致"}
}

test_aspiration_stops_at_comma if words(["坚持", "原创", ",", "最好", "的", "面料"]) == {"最好"}

test_slogan if {
	why(["客户", "至上"], "至上") == "slogan"
	why(["诚信", "第一"], "第一") == "slogan"
	words(["品质", "最好"]) == {"最好"}
}

test_goal if {
	why(["打造", "行业", "第一", "品牌"], "行业第一") == "goal"
	why(["争做", "第一", "品牌"], "第一品牌") == "aspiration"
	words(["行业", "第一", "品牌"]) == {"行业第一"}
}

test_self_comparison if {
	why(["本", "系列", "中", "顶级", "配置"], "顶级") == "self_comparison"
	why(["本店", "最低价"], "最低价") == "self_comparison"
	words(["本店", "全网最低", "价"]) == {"全网最低价"}
}

test_usage_tip if {
	why(["最佳", "饮用", "温度", "8", "℃"], "最佳") == "usage_tip"
	why(["最佳", "保存", "期限", "12", "个月"], "最佳") == "usage_tip"
	words(["最佳", "选择"]) == {"最佳"}
}

# 最好 is a claim only in a claim's form (最好用的, 品质最好, 同价位最好
# 用); anywhere else it is advice (最好手洗, 最好两人配合, 最好每月晾晒).
test_advice if {
	words(["最好", "手洗"]) == set()
	words(["羽绒被", "最好", "每月", "晾晒", "一次"]) == set()
	words(["品质", "最好"]) == {"最好"}
	words(["同价位", "最好", "用"]) == {"最好"}
	words(["安装", "时", "最好", "两", "人", "配合"]) == set()
	words(["最好", "用", "的", "炒锅"]) == {"最好"}
	words(["最好", "牌", "保温杯"]) == {"最好"}
	words(["最好", "的", "面料"]) == {"最好"}
}

test_spec_limit if {
	why(["最大", "承重", "2", "0", "0", "kg"], "最大") == "spec_limit"
	why(["转速", "最高", "3", "0", "0", "0", "转"], "最高") == "spec_limit"
	words(["东北", "最大", "灵芝", "合作社"]) == {"最大"}
}

test_ordinal if {
	why(["第一", "件", "半价"], "第一") == "ordinal"
	why(["第一", "时间", "发货"], "第一") == "ordinal"
	words(["业界", "公认", "第一", "个", "发明"]) == {"第一个"}
}

test_number_continues if {
	why(["no.1", "2", "号"], "no.1") == "number_continues"
	words(["no.1", "品质"]) == {"no.1"}
}

test_self_limit if {
	why(["唯一", "的", "缺点", "是", "贵"], "唯一") == "self_limit"
	words(["唯一", "的", "选择"]) == {"唯一"}
}

test_standard_grade if {
	words(["特级", "初", "榨", "橄榄油"]) == set()
	words(["一级", "能效", "空调"]) == set()
	words(["国", "a", "a", "级", "标准"]) == set()
	why(["特级", "品质", "一级", "能效"], "一级") == "standard_grade"
	words(["特级", "品质"]) == {"特级"}
}

test_grade_of_something_else if words(["一级", "建造师", "考试", "用书"]) == set()

# Titles of works: a word followed by the kind of work (杂志, 游戏) names a
# work, unless a device follows (最强游戏手机).
test_work_kind if {
	why(["第一", "财经", " ", "杂志", " ", "订阅"], "第一") == "work_kind"
	why(["王牌", "竞速", " ", "游戏", " ", "周边"], "王牌") == "work_kind"
	words(["王牌", "游戏", "手机"]) == {"王牌"}
}

test_registered_name if {
	segs := ["第一", "坊", "肉松饼"]
	count(ad_absolute.findings) == 0 with input as t.title(segs) with data.tables.registered_names.names as {"第一坊": {}}
	some e in ad_absolute.exempted with input as t.title(segs) with data.tables.registered_names.names as {"第一坊": {}}
	e.exemption == "registered_name"
	words(segs) == {"第一"}
}

test_state_award if {
	why(["国家级", "非", "物质", "文化遗产"], "国家级") == "state_award"
	why(["国家级", "高新技术", "企业"], "国家级") == "state_award"
}

test_limited_fact_with_source if {
	segs := [
		"2", "0", "2", "3", "年", "京东", "净水器", "类目", "销量", "第一",
		"(", "数据", "来源", ":", "京东", "商", "智", ")",
	]
	figs := [t.num("title", segs, 0, 4, 2023, "年")]
	count(ad_absolute.findings) == 0 with input as t.doc({"title": segs}, figs)
	some e in ad_absolute.exempted with input as t.doc({"title": segs}, figs)
	e.exemption == "sourced_fact"
}

test_limited_fact_needs_the_source if {
	segs := ["2", "0", "2", "3", "年", "京东", "净水器", "类目", "销量", "第一"]
	figs := [t.num("title", segs, 0, 4, 2023, "年")]
	count(ad_absolute.findings) == 1 with input as t.doc({"title": segs}, figs)
}

test_source_does_not_excuse_opinion if {
	segs := ["最好", "的", "净水器", "(", "数据", "来源", ":", "京东", ",", "2", "0", "2", "3", "年", ")"]
	figs := [t.num("title", segs, 9, 13, 2023, "年")]
	count(ad_absolute.findings) == 1 with input as t.doc({"title": segs}, figs)
}

test_zui_before_a_latin_word if words(["奶油", "最", "in", "爆款"]) == {"最in"}

test_digit_first_needs_a_ranking if {
	words(["全网", "销量", "第1"]) == {"第1"}
	count(words(["第1", "部", "至", "第4", "部"])) == 0
	count(words(["第1", ":", "other"])) == 0
}

test_spec_limit_is_for_limits_only if {
	words(["史", "上", "最强", "充电", "宝"]) == {"最强"}
	why(["最大", "输出", "功率", "65", "w"], "最大") == "spec_limit"
}

test_spec_limit_with_a_figure if {
	segs := ["最高", "车速", "25", "km/h"]
	fs := ad_absolute.findings with input as t.doc({"title": segs}, [t.num("title", segs, 2, 3, 25, "km/h")])
	count(fs) == 0
	segs2 := ["同价位", "最高", "车速", "25", "km/h"]
	fs2 := ad_absolute.findings with input as t.doc({"title": segs2}, [t.num("title", segs2, 3, 4, 25, "km/h")])
	count(fs2) == 1
}

# A technical term and a mission sentence are no claims; 没有对手 is.
test_term_and_mission if {
	words(["顶级", "域名", "注册"]) == set()
	words(["打造", "行业", "标杆", "是我们的目标"]) == set()
	words(["电竞椅", "同价位", "没有对手"]) == {"同价位没有对手"}
}

test_goal_sentence if words(["以", "成为", "行业标杆", "为目标"]) == set()

# Rankings the tokenizer cuts (榜首, 第|1|名) are claims; a place engraved
# on a medal or trophy is the goods' content.
test_rankings_and_engraved_places if {
	words(["热销", "榜首", "瑜伽", "垫"]) == {"榜首"}
	words(["淘宝", "热卖", "第", "1", "名", "保温", "壶"]) == {"第1名"}
	words(["第", "1", "名", "奖牌", "运动会", "定制"]) == set()
}

# Non-最 superlatives glued to a noun (尖端科技, 至尊礼盒, 降维打击).
test_glued_superlatives if {
	words(["尖端科技", "扫地", "机器人"]) == {"尖端科技"}
	words(["至尊", "礼盒", "大闸蟹"]) == {"至尊"}
	words(["降", "维", "打击", "同价位"]) == {"降维打击"}
}

# 「A中的A」 is the best of the best whatever A is; spaced apart, a figure
# for A, or a different A is no such phrase.
test_peer_of_peers if {
	words(["顶", "配", "中", "的", "顶", "配", " ", "电竞椅"]) == {"顶配中的顶配"}
	words(["战斗机", "中", "的", "战斗机", " ", "手机"]) == {"战斗机中的战斗机"}
	words(["战斗机", " ", "中", "的", " ", "战斗机"]) == set()
	words(["1", "中", "的", "1"]) == set()
	words(["其", "中", "的", "一款"]) == set()
}

# A figure right after a limit word states a quantity (最少 80抽, 最多80抽).
test_limit_right_before_a_figure if {
	segs := ["婴儿", "湿巾", " ", "最少", " ", "80", "抽"]
	fs := ad_absolute.findings with input as t.doc({"title": segs}, [t.num("title", segs, 5, 6, 80, "抽")])
	count(fs) == 0
	segs2 := ["湿巾", "最多", "80", "抽"]
	fs2 := ad_absolute.findings with input as t.doc({"title": segs2}, [t.num("title", segs2, 2, 3, 80, "抽")])
	count(fs2) == 0
}

# More non-最 superlatives: 天下无双, 好到极点, 至尊 before 手感.
test_more_superlatives if {
	words(["天下无双", " ", "手工", "拉面"]) == {"天下无双"}
	words(["吸水性", "好", "到极点", " ", "加厚"]) == {"好到极点"}
	words(["至尊", "手感", " ", "机械", "键盘"]) == {"至尊"}
}

# 100%有效 beside a treatment word (防脱) is an efficacy guarantee, judged by
# ad-medical-claim; on a pest bait it stays an absolute claim.
test_efficacy_guarantee_yields if {
	segs := ["防", "脱", " ", "精华液", " ", "100", "%", "有效"]
	fs := ad_absolute.findings with input as t.doc({"title": segs}, [t.num("title", segs, 5, 6, 100, "%")])
	count(fs) == 0
	segs2 := ["杀", "蟑", "胶饵", " ", "100", "%", "有效"]
	fs2 := ad_absolute.findings with input as t.doc({"title": segs2}, [t.num("title", segs2, 4, 5, 100, "%")])
	{f.details.word | some f in fs2} == {"100%有效"}
}

# Names that contain a superlative are names: a court, a slogan printed on a shirt.
test_names_with_superlatives if {
	words(["最高法", " ", "司法解释", " ", "汇编"]) == set()
	words(["我的", "唯一", " ", "情侣", "T恤"]) == set()
	words(["唯一", " ", "情侣", "T恤"]) == {"唯一"}
}

# Round nine: entries of sellers' word lists that were missing (顶配, 第一流,
# 没有之一, 百分之百) and a metric before 王者.
test_seller_list_superlatives if {
	words(["顶配", " ", "游戏本"]) == {"顶配"}
	words(["第一流", "的", "做工"]) == {"第一流"}
	words(["最", "安静", "的", " ", "没有", "之一"]) == {"最安静", "没有之一"}
	words(["百分之百", " ", "纯天然", " ", "蜂蜜"]) == {"百分之百"}
	words(["音质", "王者", " ", "音箱"]) == {"王者"}
	words(["王者", "荣耀", " ", "手办"]) == set()
	words(["best", " ", "seller", " ", "羽绒服"]) == {"bestseller"}
	words(["best", " ", "friend", " ", "项链"]) == set()
}

# 顶配版 names the product's own top tier; 百分之百 before a fibre or a
# content is a composition that can be checked.
test_variant_and_composition_exemptions if {
	words(["顶配", "版", " ", "无人机"]) == set()
	why(["顶配", "版", " ", "无人机"], "顶配") != ""
	words(["t恤", " ", "百分之百", "纯棉"]) == set()
	why(["t恤", " ", "百分之百", "纯棉"], "百分之百") != ""
}

# A place among ten brands ranks like 第一; a medal or a title before 品质 grades
# the quality (金牌 alone stays a prize's name).
test_ranked_brands_and_medal_quality if {
	words(["全国", "十大", "品牌", "之一", " ", "马桶"]) == {"十大品牌之一"}
	words(["金牌", "品质", " ", "羽绒服"]) == {"金牌品质"}
	words(["运动会", " ", "金牌", " ", "奖牌"]) == set()
}

# Round ten (issue 12, blind set 12h): metric + 冠军, 国际大牌品质, 永久 as a
# promise, BEST alone; usage tips, specification limits, company goals and
# English phrases and names stay silent (《广告绝对化用语执法指南》).
test_round_ten_claims if {
	words(["人气", "冠军", " ", "儿童", "水杯"]) == {"人气冠军"}
	words(["国际", "大牌", "品质", " ", "香水"]) == {"国际大牌品质"}
	words(["永久", "不", "变形", " ", "餐垫"]) == {"永久"}
	words(["best", " ", "颈", "挂", "风扇"]) == {"best"}
	words(["同样", "的", "纸", ",", "本店", "卖", "得", "最", "便宜"]) == {"最便宜"}
}

test_round_ten_exemptions if {
	words(["永久", "磁铁", " ", "钕铁硼"]) == set()
	words(["模板", " ", "永久", "使用"]) == set()
	words(["t", "-", "best", " ", "shipping"]) == set()
	words(["最佳", "插", "瓶", "水位", "为", "花茎", "三分之一"]) == set()
	words(["最大", "幅面", "a3", " ", "打印机"]) == set()
	words(["我们", "希望", "成为", "宠物", "主人", "最", "信赖", "的", "伙伴"]) == set()
	words(["本店", "最", "便宜", "的", "一款"]) == set()
}

# A company goal is no claim whatever the superlative word (最值得, 最信赖).
test_goal_with_any_superlative if {
	words(["打造", "行业", "最值得", "信赖", "的", "品牌"]) == set()
	words(["最值得", "信赖", "的", " ", "奶粉"]) == {"最值得"}
}

# An audience's favourite ranks the goods (猫咪最爱); my favourite is a
# preference. Usage tips (最佳解冻方式), ordinals with a measure word (第一泡)
# and a standard's floor (最低酒龄) are no claims; 第一款 + 做到 claims a first.
test_round_eleven_classes if {
	words(["猫咪", "最", "爱", " ", "冻干"]) == {"最爱"}
	words(["我的", "最", "爱", " ", "冻干"]) == set()
	words(["最佳", "解冻", "方式", "是", "冷藏"]) == set()
	words(["第一", "泡", "洗", "茶"]) == set()
	words(["基", "酒", "最低", "酒龄"]) == set()
	words(["第一款", "做到", "3", "秒", "出", "热水"]) == {"第一款"}
	words(["顶", "奢", "面料"]) == {"顶奢"}
	words(["永", "不粘锅"]) == {"永不粘锅"}
}

# Round 13: 最 cut off its limit word (最|大气压) keeps the limit's
# specification exemption; usage tips name methods and intervals.
test_spec_limit_split_by_tokenizer if {
	why(["充气泵", "最", "大气压", "150psi"], "最大气压") == "spec_figure"
	why(["最佳", "食用方法", ":", "温水", "冲服"], "最佳") == "usage_tip"
	why(["最佳", "换油", "周期", "以", "保养", "手册", "为准"], "最佳") == "usage_tip"
}

# The exemption holds for the finding too, through the entry's mark
# (exempt asks spec_figure only of entries marked spec_figure).
test_spec_figure_exempts_split_limit if {
	words(["充气泵", "最", "大气压", "150psi"]) == set()
	words(["充气泵", "最", "大气压"]) == {"最大气压"}
}

# Every entry a hit can carry that spec_figure may hold for is marked
# spec_figure: its own allow names spec_limit, or it is a 最-word whose
# first two characters are a limit word (最高端), or its word is made at
# the hit (the prefix 最, guarantees, peer marks) and it is a 最-word.
test_spec_figure_entries_are_marked if {
	table := data.tables.ad_absolute
	unmarked_words := {w |
		some w, e in table.words
		spec_entry(e, "spec_limit" in object.get(object.get(table.words, substring(w, 0, 2), {}), "allow", []))
		not e.spec_figure
	}
	unmarked_words == set()
	base := object.remove(table.guarantees, ["words"])
	made := array.concat(
		array.concat([e | some e in table.prefixes], [e | some e in table.peer_marks]),
		array.concat([base], [object.union(base, e) | some e in table.guarantees.words; is_object(e)]),
	)
	unmarked_made := [e | some e in made; spec_entry(e, true); not e.spec_figure]
	unmarked_made == []
}

# spec_entry: spec_figure's bodies may hold for a hit with entry e, where
# head tells whether the hit's word starts with a limit word.
spec_entry(e, _) if "spec_limit" in object.get(e, "allow", [])

spec_entry(e, head) if {
	e.cat == "zui"
	head
}

test_round13_words if {
	fs := ad_absolute.findings with input as t.title(["床垫", "总统级", "乳胶", "完美", "解决", "难题"])
	{f.details.word | some f in fs} == {"总统级", "完美解决"}
}

# Round fourteen: sales-title rankings from seller lists (畅销冠军).
test_round_fourteen_sales_titles if {
	words(["猫抓板", " ", "畅销", "冠军"]) == {"畅销冠军"}
}

# 不是 denies what follows it (我们不是最便宜的); a goal stated as 长期目标.
test_round13_denial_and_goal if {
	fs := ad_absolute.findings with input as t.title(["我们", "不是", "最", "便宜", "的", " ", "羊毛毡", "拖鞋"])
	count(fs) == 0
	fs2 := ad_absolute.findings with input as t.title(["畅销冠军", "猫抓板"])
	{f.details.word | some f in fs2} == {"畅销冠军"}
}

# round 14b: superlatives that beat everything, and English best before.
test_beats_everything if {
	words(["堪称", "完美", "沙发"]) == {"堪称完美"}
	words(["性能", "碾压", "一切", "手机"]) == {"碾压一切"}
	words(["黄油", "曲奇", "best", "before", "2027"]) == set()
}

# round 15: 镇店之宝 claims the shop's best (§9(3)); 最高配 names a
# configuration tier of the product itself (a spec limit).
test_round15_shop_treasure_and_top_tier if {
	words(["手镯", " ", "镇店之宝"]) == {"镇店之宝"}
	words(["最高", "配", " ", "空调"]) == set()
}

# round 17: denials (不追求, 不敢说) negate the superlative after them; 顶配
# beside replica wording grades the copy (counterfeit-wording's finding);
# 顶级掠食者 is the biologists' apex predator.
test_round17_denials_replica_grade_and_predator if {
	words(["不", "追求", "最低价", " ", "卫衣"]) == set()
	words(["不敢", "说", "最", "好吃"]) == set()
	words(["airpods", " ", "顶配", " ", "洛达"]) == set()
	words(["游戏本", " ", "顶配"]) == {"顶配"}
	words(["顶级", "掠食者", " ", "绘本"]) == set()
}

# round 17: 至尊 is a status claim on its own (至尊钻戒, 至尊系列), except in the
# names that hold it: a brand's line (闪迪至尊), a character (至尊宝), a game
# card (至尊卡), a phone model's tier (Redmi K70 至尊版).
test_round17_zhizun if {
	words(["至尊", "钻戒", " ", "18k", "金"]) == {"至尊"}
	words(["至尊", "系列", " ", "戒指"]) == {"至尊"}
	words(["至尊", "版", " ", "燕窝"]) == {"至尊版"}
	words(["闪", "迪", "至尊", "超", "极速"]) == set()
	words(["至尊", "宝", " ", "手办"]) == set()
	words(["redmi", " ", "k70", " ", "至尊", "版", " ", "手机"]) == set()
}

# hit_meta of an entry without its own basis, link or fine, in a category
# resting on meta's law, is meta itself, as the union gives it; the other
# shapes take the category's or the entry's basis.
test_hit_meta_as_the_union if {
	m := ad_absolute.meta
	own := {"basis": m.basis.law}
	ad_absolute.hit_meta({"entry": {}}, own) == object.union(m, {"basis": object.union(m.basis, {"law": own.basis})})
	other := {"basis": "《中华人民共和国商标法》第十四条第五款"}
	ad_absolute.hit_meta({"entry": {}}, other) == object.union(m, {"basis": object.union(m.basis, {"law": other.basis})})
	ad_absolute.hit_meta({"entry": {}}, other).basis.law == other.basis
	entry := {"basis": "b", "link": "https://www.gov.cn/", "fine": "ad_law_58"}
	ad_absolute.hit_meta({"entry": entry}, own).basis == object.union(m.basis, {"law": "b", "link": "https://www.gov.cn/"})
	ad_absolute.hit_meta({"entry": entry}, own).exposure.fine == "ad_law_58"
	ad_absolute.hit_meta({"entry": {"link": "https://www.gov.cn/"}}, own).basis.link == "https://www.gov.cn/"
}

# ---- conjunctions: exempt as it was with idle ----

# exempt as it was before idle (and is again): every context may_hold
# keeps is asked.
was_exempt(c) if lexicon.registered(c)

was_exempt(c) if {
	some name in lexicon.may_hold("ad_absolute", object.get(c.entry, "allow", []))
	lexicon.in_context("ad_absolute", name, c)
}

was_exempt(c) if {
	c.entry.fact
	lexicon.limited_and_sourced(c)
}

was_exempt(c) if ad_absolute.spec_figure(c)

# exemptions maps each hit's word to whether exempt and was_exempt let it pass.
exemptions(d) := {c.word: [now, was] |
	some c in ad_absolute.hits with input as d
	now := exempt_now(c) with input as d
	was := exempt_was(c) with input as d
}

exempt_now(c) := true if ad_absolute.exempt(c) else := false

exempt_was(c) := true if was_exempt(c) else := false

goal_title := t.title(["打造", "行业", "第一", "品牌"])

with_held(d, entries) := object.union(d, {"listing": {"lexicon": {"held": {"ad_absolute": entries}}}})

# 行业第一 allows a company goal (打造…品牌), a conjunction of goal_verb and
# goal_object. With the engine's held (xiaoer.in_context answers), goal
# holds only where both parts hold, and exempt answers as the walk does in
# each case: without held (the library walks), with neither part, one
# part, and both (exempt).
test_goal_exempts_as_before if {
	verb := {"before": {"title": {1: true}}}
	object := {"after": {"title": {3: true}}}
	none := with_held(goal_title, {"goal": {}})
	one := with_held(goal_title, {"goal": {}, "goal_verb": verb})
	both := with_held(goal_title, {"goal": {}, "goal_verb": verb, "goal_object": object})
	exemptions(goal_title) == {"行业第一": [true, true]}
	exemptions(none) == {"行业第一": [false, false]}
	exemptions(one) == {"行业第一": [false, false]}
	exemptions(both) == {"行业第一": [true, true]}
}

# ---- peer_hits read off the engine's found list ----

# with_found is doc with the engine's found list of this rule's lexicons:
# the runs of each that has some.
with_found(doc) := object.union(doc, {"listing": {"lexicon": {"found": {"ad_absolute": {lex: runs |
	some lex in ["words", "peer_marks"]
	runs := lexicon.found("ad_absolute", lex) with input as doc
	count(runs) > 0
}}}}})

# With the engine's found list, peer_hits are those the library finds
# without it: with a mark (中的) and a peer phrase, a mark and none, and
# no mark (the list has no peer_marks: nothing to walk).
test_peer_hits_with_found_as_without if {
	titles := [
		["顶", "配", "中", "的", "顶", "配", " ", "电竞椅"],
		["战斗机", "中", "的", "战斗机"],
		["其", "中", "的", "一款"],
		["最好", "的", "t恤"],
	]
	every segs in titles {
		d := t.title(segs)
		listed := with_found(d)
		now := ad_absolute.peer_hits with input as listed
		was := ad_absolute.peer_hits with input as d
		now == was
	}
	count(ad_absolute.peer_hits) == 1 with input as t.title(titles[0])
	not with_found(t.title(titles[3])).listing.lexicon.found.ad_absolute.peer_marks
	with_found(t.title(titles[3])).listing.lexicon.found.ad_absolute.words
}

# ---- xiaoer.entry_meta answers as hit_meta ----

# entries are every entry of the table a hit can carry (words, prefixes,
# the guarantee entry with each word's own settings), with its category.
entries contains [entry, cat] if {
	some entry in data.tables.ad_absolute.words
	cat := data.tables.ad_absolute.categories[entry.cat]
}

entries contains [entry, cat] if {
	some p in data.tables.ad_absolute.prefixes
	entry := object.remove(p, ["not_claims", "extend"])
	cat := data.tables.ad_absolute.categories[entry.cat]
}

entries contains [entry, cat] if {
	some word, _ in data.tables.ad_absolute.guarantees.words
	entry := ad_absolute.guarantee_entry(word)
	cat := data.tables.ad_absolute.categories[entry.cat]
}

test_entry_meta_as_hit_meta_for_every_entry if {
	count(entries) > 50
	every pair in entries {
		[entry, cat] := pair
		xiaoer.entry_meta(ad_absolute.meta, entry, cat.basis) == ad_absolute.hit_meta({"entry": entry}, cat)
	}
}

# Entries with a basis, link or fine of their own (驰名商标 has all three),
# some only, a basis of false, and a category whose law is another's.
test_entry_meta_as_hit_meta_for_own_settings if {
	cats := [{"basis": "《中华人民共和国商标法》第十四条第五款"}, {"basis": ad_absolute.meta.basis.law}, {"basis": false}]
	own := [
		{"cat": "zui"}, {"basis": "甲法"}, {"link": ""}, {"fine": "ad_law_58"},
		{"basis": false}, {"basis": "乙法", "link": "", "fine": "ad_law_57"},
	]
	every cat in cats {
		every entry in own {
			m := xiaoer.entry_meta(ad_absolute.meta, entry, cat.basis)
			m == ad_absolute.hit_meta({"entry": entry}, cat)
		}
	}
}

# Where a category has no law, neither gives a meta (the finding is
# dropped, as it was).
test_entry_meta_undefined_without_a_law if {
	lawless := json.unmarshal(`{"title": "最高级用语"}`)
	[m | m := xiaoer.entry_meta(ad_absolute.meta, {"cat": "zui"}, lawless.basis)] == []
	[m | m := ad_absolute.hit_meta({"entry": {"cat": "zui"}}, lawless)] == []
}
