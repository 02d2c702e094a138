package xiaoer.rules.ad_state_authority_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_state_authority

words(segs) := {f.details.word | some f in ad_state_authority.findings with input as t.title(segs)}

# A state organ or the army before a supply word uses its name, however
# the two are worded (lib/pattern.rego).
test_organ_and_supply if {
	words(["部队", "专供", "迷彩", "作训服"]) == {"部队专供"}
	words(["军工", "专用", "战术", "手电"]) == {"军工专用"}
	words(["国务院", "采购", "同", "款", "书柜"]) == {"国务院采购同款"}
	words(["部队", "采购", "迷彩服"]) == {"部队采购"}
}

# Procurement by government offices is a sales channel, not an
# endorsement; organs beside other words are no claim.
test_channels_and_plain_words if {
	words(["政府", "采购", "办公桌", "支持", "开票"]) == set()
	words(["企事业", "单位", "机关", "会议室", "批发"]) == set()
	words(["军训", "迷彩服", "学生"]) == set()
	words(["出口", "专供", "外贸", "t恤"]) == set()
}

# 免检 of motor vehicles is traffic policy; that exemption belongs to 免检
# and does not silence other words beside a car (部委指定用车).
test_vehicle_exemption_is_for_inspection_only if {
	words(["私家车", "六年", "免检", "代办", "年检"]) == set()
	words(["部委", "指定", "用车", "汽车", "座套"]) == {"部委指定"}
}

# Deputies, officials and ministries endorse as state organs do.
test_deputies_and_ministries if {
	words(["人大代表", "推荐", "绿茶"]) == {"人大代表推荐"}
	words(["领导人", "同款", "中山装"]) == {"领导人同款"}
	words(["海关总署", "选用", "奶粉"]) == {"海关总署选用"}
	words(["人大代表", "履职", "读本"]) == set()
}

# Approval, supervision and supply verbs after an organ use its name too
# (国务院特批, 海关总署监制); a channel (政府采购) stays silent.
test_organ_approval_verbs if {
	words(["国务院", "特批", "灵芝", "孢子粉"]) == {"国务院特批"}
	words(["消防局", "指定", "灭火器"]) == {"消防局指定"}
	words(["武警部队", "供应", "作战靴"]) == {"武警部队供应"}
	words(["政府", "采购", "供应商", "办公椅"]) == set()
}

# Round ten (issue 12): meetings, canteens, departments and officials of the
# state, the Party and the army, before use, supply or selling words.
test_organs_and_officials if {
	words(["全国人大", "会议", "用", "茶"]) == {"全国人大会议用茶"}
	words(["机关", "食堂", "采购", " ", "大米"]) == {"机关食堂采购"}
	words(["县委书记", "带", "货", " ", "绿茶"]) == {"县委书记带货"}
	words(["总后勤部", "供应", " ", "罐头"]) == {"总后勤部供应"}
}

# Serving organs or officials borrows their name too: 为政府机关提供,
# 为领导人定制, 服务国家机关; local bureaus (教育局) endorse as ministries do.
# Services for a person or a plain 服务 word stay silent.
test_serving_organs if {
	words(["为", "政府机关", "提供", "办公", "家具"]) == {"政府机关提供"}
	words(["为", "多位", "领导人", "定制", "布鞋"]) == {"领导人定制"}
	words(["多年", "服务", "国家机关", "办公室"]) == {"服务国家机关"}
	words(["教育局", "推荐", "字帖"]) == {"教育局推荐"}
	words(["服务", "周到", "政府", "补贴", "以旧换新"]) == set()
	words(["售后", "服务", "全国", "联保"]) == set()
}

# Round 13: 国家机关 is a top organ (its procurement is no channel), police
# dog bases are organs, 采购款 is a supply word; 专供型号 is no standard.
test_round13_organs if {
	words(["国家机关", "采购", "办公", "碎纸机"]) == {"国家机关采购"}
	words(["公安", "警犬", "基地", "专供", "配方"]) == {"警犬基地专供"}
	words(["国家卫生部", "推荐", "使用"]) == {"国家卫生部推荐"}
	words(["政府", "机关", "采购", "款", "电脑"]) == {"政府机关采购款"}
	words(["政府", "采购", "专用", "型号"]) == {"政府采购专用"}
	words(["推荐性", "国家标准"]) == set()
}

# Round fourteen: astronauts and the quality inspection administration as
# organs, 供应 before an organ, a leader's trip, customs confiscations.
test_round_fourteen_organs if {
	words(["航天员", "专用", " ", "奶粉"]) == {"航天员专用"}
	words(["国家", "质检", "总局", "认证", " ", "净水器"]) == {"国家质检总局认证"}
	words(["连续", "多年", "供应", "某", "部委", "机关", "食堂"]) != set()
	words(["领导人", "出访", "随行", "同", "款"]) != set()
	words(["海关", "罚没", " ", "二手", "包包"]) == {"海关罚没"}
	words(["3c", "认证", " ", "净水器"]) == set()
}

# Round 13 (12m/12n classes): astronauts as state personnel, a supply
# before the organ (供应某部委机关食堂), certification by a top organ,
# confiscated goods, a leader's trip.
test_round13_mn_classes if {
	words(["航天员", "专用", "奶粉"]) == {"航天员专用"}
	words(["国家质检总局", "认证", "净水器"]) == {"国家质检总局认证"}
	words(["海关罚没", "包包"]) == {"海关罚没"}
	count(words(["连续多年", "供应", "某", "部委", "机关", "食堂"])) == 1
}

# round 14b: the health-food mark's own words (保健食品 / 国家市场监督管理总局批准)
# are the approval, not an organ's endorsement; without the mark they are.
test_health_food_mark_is_the_approval if {
	words(["国家", "市场", "监督管理", "总局", "批准", " ", "蓝", "帽", " ", "保健食品", " ", "鱼油"]) == set()
	count(words(["国家", "市场", "监督管理", "总局", "批准", " ", "面霜"])) > 0
}

# round 15: organs and leaders named beside goods (§9(2)); a cookbook of
# state-banquet dishes depicts them (the consular trap is in the tuning set,
# round 15: its context is a whole sentence).
test_round15_organs_and_leaders if {
	words(["黄焖鸡", " ", "调料", " ", "外交部"]) == {"外交部"}
	words(["中央领导", " ", "普洱茶"]) == {"中央领导"}
	words(["驻京办", " ", "川菜", " ", "套餐"]) == {"驻京办"}
	words(["国宴", "菜谱", " ", "图解"]) == set()
}

# round 17: 特需 supply, the guard bureau, the CDC and reception by an organ
# (§9(2)); ZF as the initials of 政府, not of the gearbox maker.
test_round17_organs_and_initials if {
	words(["特需", "供应", " ", "酱香"]) == {"特需供应"}
	words(["警卫局", "内部", "用茶"]) == {"警卫局内部用茶"}
	words(["疾控中心", "推荐", " ", "消毒液"]) == {"疾控中心推荐"}
	words(["国务院", "接待", " ", "红茶"]) == {"国务院接待"}
	words(["zf", "指定", " ", "礼盒"]) == {"zf指定"}
	words(["变速箱", "油", " ", "zf", "指定"]) == set()
}

# round 17, step 2: a head of state's reception (国家元首访华接待用礼).
test_round17_head_of_state if {
	words(["国家元首", "访华", "接待"]) == {"国家元首访华接待"}
}
