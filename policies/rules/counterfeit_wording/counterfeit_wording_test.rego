package xiaoer.rules.counterfeit_wording_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.counterfeit_wording

words(segs) := ws if {
	fs := counterfeit_wording.findings with input as t.title(segs)
	ws := {f.details.word | some f in fs}
}

why(segs, word) := e.exemption if {
	es := counterfeit_wording.exempted with input as t.title(segs)
	some e in es
	e.word == word
}

test_replica_word if {
	fs := counterfeit_wording.findings with input as t.title(["高", "仿", "包包", "女"])
	count(fs) == 1
	some f in fs
	f.rule == "counterfeit-wording"
	f.severity == "error"
	f.details.word == "高仿"
	f.span == {"start": 0, "end": 6}
	f.basis.confirmed == false
	f.exposure.punitive_cny == 597
}

test_replica_grades if words(["莆田", "纯", "原", "公司", "级", "超", "a", "货"]) == {"莆田", "纯原", "公司级", "超a货"}

test_factory_overrun if words(["外贸", "原", "单", "t恤"]) == {"外贸原单"}

test_partner_words if {
	words(["1", ":", "1", "复刻", "大牌", "包"]) == {"1:1", "复刻"}
	words(["原版", "1", ":", "1"]) == {"1:1"}
	words(["情人节", "1", "比", "1", "心形", "蜡烛"]) == set()
	words(["红白机", "复刻"]) == set()
	words(["复刻", "大牌", "香水"]) == {"复刻"}
	words(["莆田", "特产", "桂圆"]) == set()
}

test_high_fidelity_is_not_replica if words(["高", "仿真植物", "墙"]) == set()

test_jade_a_grade if {
	why(["缅甸", "a", "货", "翡翠", "手镯"], "a货") == "jade"
	words(["a", "货", "手表"]) == {"a货"}
}

test_order_number if {
	why(["请", "写", "原", "单", "号"], "原单") == "order_ref"
	why(["原", "单", "退回"], "原单") == "order_ref"
}

test_attributes_count if {
	fs := counterfeit_wording.findings with input as t.doc({"attributes": ["货源", ":", " ", "外贸", "原", "单"]}, [])
	count(fs) == 1
}

test_scale_model if {
	words(["1", ":", "1", "还原", "车模", "收藏"]) == set()
	why(["1", ":", "1", "原版", "车模"], "1:1") == "scale_model"
	words(["1", ":", "1", "原版", "包"]) == {"1:1"}
}

# Replica slang: "as good as the genuine one" in its many spellings; 1比1 on
# goods that are copied, not in a mixing ratio or a scale.
test_replica_slang if {
	words(["专柜", "过验", "板鞋"]) == {"专柜过验"}
	words(["原厂皮", "对版", "手提包"]) == {"原厂皮", "对版"}
	words(["真标", "polo衫"]) == {"真标"}
	words(["一比一", "还原", "女包"]) == {"一比一"}
	words(["ab胶", "1比1", "配比"]) == set()
	words(["情人节", "1比1", "心形", "蜡烛"]) == set()
}

test_replica_words_needing_goods if {
	words(["仿品", "手表", "男"]) == {"仿品"}
	words(["仿古", "瓷器", "仿品", "摆件"]) == set()
	words(["高版本", "安卓", "平板"]) == set()
	words(["山寨版", "耳机"]) == {"山寨版"}
}

# Replica words count bare (复刻, 山寨); a re-issue is lawful only as the
# brand's own, a work's (games, records) or a museum's, and a 山寨 only as
# a mountain village.
test_bare_replica_words if {
	words(["复刻", "aj1", "高", "帮", "篮球鞋"]) == {"复刻"}
	words(["山寨", "耳机", "蓝牙"]) == {"山寨"}
	words(["耐克", "官方", "复刻", "配色", "运动鞋"]) == set()
	words(["复刻版", "游戏", "光盘"]) == set()
	words(["故宫", "文创", "复刻", "青花", "杯"]) == set()
	words(["苗族", "山寨", "民宿"]) == set()
}

# A luxury brand spelt in full pinyin hides it like an abbreviation does
# (xiangnaier like xnr): beside luxury goods only.
test_pinyin_brands if {
	words(["xiangnaier", "同款", "外套"]) == {"xiangnaier"}
	words(["pulada", "双肩包", "女"]) == {"pulada"}
	words(["aimashi", "学习", "笔记本"]) == set()
}

# Borrowing another's brand to sell goods that are not that brand: the
# brand beside a style word (款, 风, 仿) or in a sentence with 同款/平替.
test_imitated_brand if {
	words(["巴黎", "世家", "款", "老爹鞋"]) == {"巴黎世家"}
	words(["古驰", "风", "腰带"]) == {"古驰"}
	words(["仿", "卡地亚", "手镯"]) == {"卡地亚"}
	words(["芬迪", "印花", "丝巾", "长款", "同款"]) == {"芬迪"}
	words(["迪奥", "大牌", "平替", "口红"]) == {"迪奥", "大牌平替"}
	words(["狗家", "同款", "乐福鞋"]) == {"狗家"}
}

test_imitated_brand_basis if {
	fs := counterfeit_wording.findings with input as t.title(["香奈儿", "同款", "耳环"])
	some f in fs
	f.details.kind == "imitation"
	contains(f.basis.law, "《中华人民共和国商标法》第五十七条第二项")
	contains(f.basis.law, "《中华人民共和国反不正当竞争法》第六条")
}

test_imitated_brand_needs_a_style_word if {
	words(["香奈儿", "香水", "50ml"]) == set()
	words(["大牌", "平替", "口红"]) == set()
	why(["适用", "耐克", "同款", "鞋带"], "耐克") == "compatible"
}

test_imitated_brand_own_brand if {
	doc := object.union(t.title(["香奈儿", "同款", "耳环"]), {"listing": {"attributes": [{"name": "品牌", "value": "香奈儿/Chanel"}]}})
	fs := counterfeit_wording.findings with input as doc
	count(fs) == 0
}

# Round nine: more brands sellers borrow (戴森平替), and a brand's check
# (巴宝莉格); a compatible accessory stays silent.
test_more_imitated_brands if {
	words(["戴", "森", "平", "替", " ", "卷发棒"]) == {"戴森"}
	words(["巴", "宝", "莉", "格", " ", "围巾"]) == {"巴宝莉"}
	words(["适用", "戴森", " ", "吹风机", " ", "收纳架"]) == set()
	words(["苏格兰", "格", " ", "围巾"]) == set()
}

# Round ten (issue 12): brand-factory words (原装级, OEM原厂, 剪标尾货, 国际品牌
# 代工厂); tail goods of the shop's own brand are its own stock.
test_factory_words if {
	words(["原装", "级", " ", "耳机"]) == {"原装级"}
	words(["oem", "原厂", " ", "耳机"]) == {"oem原厂"}
	words(["国际品牌", "代工厂", " ", "卫衣"]) == {"代工厂"}
}

test_own_brand_tail_goods if {
	words(["清仓", " ", "尾", "货", " ", "本店", "自有", "品牌", " ", "卫", "衣"]) == set()
	why(["清仓", " ", "尾", "货", " ", "本店", "自有", "品牌"], "尾货") == "own_brand"
}

# Tail goods stated to carry no brand claim no brand's factory.
test_no_brand_tail_goods if why(["尾", "货", "清仓", " ", "无", "品牌", " ", "女装"], "尾货") == "own_brand"

# Round 13: re-issues of ancient books are no copies; 华强北 beside
# earphones, tail goods beside a brand's factory and 同厂同窖 are.
test_round13_classes if {
	words(["复刻", "宋", "版", "《", "论语", "》", "线装书", "影印", "古籍"]) == set()
	words(["复刻", "经典", "老花", "手提包"]) == {"复刻"}
	words(["蓝牙", "耳机", "华强北", "pro", "二代"]) == {"华强北"}
	words(["深圳", "华强北", "电子", "市场", "攻略"]) == set()
	words(["苹果", "原装", "充电器", "原厂", "工厂", "直", "出", "尾", "货"]) == {"尾货"}
	words(["仿", "原装", "做工"]) == {"仿原装"}
	words(["与", "五粮液", "同", "厂", "同", "窖"]) == {"同厂同窖"}
	words(["墨镜", "女", "r", "家", "偏光"]) == {"r家"}
	words(["美妆蛋", "大牌同款", "不", "吃", "粉"]) == {"大牌同款"}
}

test_hqb_as_a_place if words(["华强北", "实体店", "手机维修", "上门"]) == set()

# Round fourteen: 纯原 before a material names the raw stuff (纯原木浆).
test_round_fourteen_plain_origin_material if {
	words(["纯", "原", "木浆", " ", "抽纸"]) == set()
	words(["纯", "原", " ", "包包", " ", "女"]) != set()
}

test_pulp_is_no_replica if {
	words(["纯原", "木浆", "抽纸"]) == set()
	words(["纯原", "球鞋"]) == {"纯原"}
}

# round 14b: replica in English; a scale model's replica is a model.
test_replica_english if {
	words(["replica", "包", "女"]) == {"replica"}
	words(["replica", "1", ":", "24", "车模"]) == set()
}

# round 14b: 莆田 beside a sneaker model is the copy trade; 莆田 food is a place.
test_putian_beside_a_sneaker_model if {
	words(["莆田", " ", "aj1", " ", "高", "帮"]) == {"莆田"}
	words(["莆田", "卤面", " ", "速食"]) == set()
}

# round 15: 1比1 is 一比一 in digits; a scale model stays a scale.
test_round15_one_to_one_in_digits if {
	words(["运动裤", " ", "三条杠", " ", "1比1"]) == {"1比1"}
}

# round 17: a copy said to pass for the real thing (a word-class pattern),
# watch replica factories, NK beside clothes, 原装版 beside sneakers.
test_round17_passes_for_genuine if {
	words(["和", "正品", "放", "一起", "分不出"]) == {"和正品放一起分不出"}
	words(["v3s", "厂", "出品"]) == {"v3s厂"}
	words(["nk", " ", "卫衣", " ", "logo"]) == {"nk"}
	words(["nk", "细胞", " ", "检测"]) == set()
	words(["原装", "版", " ", "空军一号", " ", "板鞋"]) == {"原装版"}
	words(["和", "专柜", "一样", "的", "价格"]) == set()
}

# round 17, step 2: A版 beside replica goods (sneakers, a counter's line).
test_round17_a_grade if {
	words(["a", "版", "潮鞋", "男", " ", "空军一号"]) == {"a版"}
	words(["试卷", " ", "a", "版"]) == set()
}
