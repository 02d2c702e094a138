package xiaoer.rules.ad_pressure_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_pressure

findings(segs, figs) := fs if {
	fs := ad_pressure.findings with input as t.doc({"title": segs}, figs)
}

words(segs) := {f.details.word | some f in findings(segs, [])}

test_urgency if {
	fs := findings(["万人疯抢", "再不抢就没了"], [])
	count(fs) == 2
	some f in fs
	f.rule == "ad-pressure"
	f.severity == "warning"
	f.basis.law == "《中华人民共和国广告法》第二十八条第二款第二项"
	f.exposure.fine_cny == [200000, 1000000]
}

test_split_phrase if words(["随时", "涨价", ",", "最后", "一", "波"]) == {"随时涨价", "最后一波"}

test_invented_loss if {
	some f in findings(["亏本", "清仓", "旅行箱"], [])
	f.details.word == "亏本清仓"
	contains(f.message, "降价理由")
}

test_time_word_without_date if {
	some f in findings(["限时", "抢购", "对联"], [])
	contains(f.message, "具体活动时间")
}

test_time_word_with_date if {
	segs := ["限时", "特惠", "11", "月", "11", "日", "0", "点"]
	count(findings(segs, [t.num("title", segs, 2, 3, 11, "月"), t.num("title", segs, 6, 7, 0, "点")])) == 0
	es := ad_pressure.exempted with input as t.doc({"title": segs}, [t.num("title", segs, 2, 3, 11, "月")])
	some e in es
	e.exemption == "dated"
}

test_named_sale_day_is_a_date if count(findings(["双十一", "限时", "特价"], [])) == 0

test_countdown_timer_is_a_product if {
	words(["倒计时", "开关", "定时", "插座"]) == set()
	words(["活动", "倒计时", "最后", "一天"]) == {"倒计时", "最后一天"}
}

test_last_stock_is_no_pressure_word if words(["最后", "1", "9", "包"]) == set()

test_attributes_are_skipped if count(ad_pressure.findings) == 0 with input as t.doc({"attributes": ["活动", ":", "限时"]}, [])

test_click_lure_cites_internet_ad_measures if {
	some f in findings(["恭喜您中奖", "点击领奖"], [])
	startswith(f.basis.law, "《互联网广告管理办法》")
	contains(f.message, "诱导用户点击")
}

# Paraphrased urgency and lures are word-class patterns (lib/pattern.rego):
# a time word before a rise, 错过 before 没有, a crowd before a grab.
test_paraphrased_urgency if {
	words(["下周", "就要", "涨价", "了"]) == {"下周就要涨价"}
	words(["这个", "价格", "错过", "就", "没有", "了"]) == {"错过就没有了"}
	words(["投影仪", "万人", "哄抢"]) == {"万人哄抢"}
	words(["点", "我", "领", "红包"]) == {"点我领红包"}
}

# The same words in plain statements stay silent: a negation between the
# parts, an object that is no price, a delivery time.
test_plain_statements_with_pattern_words if {
	words(["明天", "也", "不", "涨价"]) == set()
	words(["用", "了", "再也", "没有", "异味"]) == set()
	words(["今天", "下单", "明天", "就", "到"]) == set()
}

# Idiomatic urgency: a time or condition before a price rise, regret after
# not buying, a rise that is imminent (lib/pattern.rego).
test_idiomatic_urgency if {
	words(["过了今晚", "就", "涨价"]) == {"过了今晚就涨价"}
	words(["价格", "随时", "上调"]) == {"随时上调"}
	words(["再", "犹豫", "就", "没", "了"]) != set()
	words(["不", "抢", "后悔", "一辈子"]) == {"不抢后悔一辈子"}
	words(["涨价", "在即", "办公椅"]) == {"涨价在即"}
	words(["明早", "恢复", "精神"]) == set()
	words(["醒酒", "再", "等", "十分钟"]) == set()
}

test_after_an_event_the_price_rises if {
	words(["过了", "双", "11", "就", "涨回原价"]) == {"过了双11就涨回原价"}
	words(["过了", "保质期", "请勿", "食用"]) == set()
}

# A raffle game with a prize to win lures a click (砸金蛋赢手机); the
# raffle's props (砸金蛋 道具 年会) are goods, not a lure.
test_raffle_prize_lure if {
	words(["砸", "金蛋", "赢", "手机", "进", "店"]) == {"砸金蛋赢手机"}
	words(["大转盘", "抽", "大奖"]) == {"大转盘抽大奖"}
	words(["刮刮乐", "卡片", "定制", "抽奖", "赢", "大奖", "道具"]) == set()
}

# 限时 followed by a promotion mechanic is a lawful term of the offer, unless
# the sentence also presses the buyer.
test_time_limit_before_a_promotion_mechanic if {
	count(findings(["限时", " ", "第二件半价", " ", "洗衣液"], [])) == 0
	count(findings(["限时", " ", "第二件半价", " ", "速抢"], [])) > 0
}

# Round nine: a countdown with no date (最后3小时, 最后一天), stock that runs
# out (手慢无货, 晚一秒就没); 最后 before a distance or a page is no countdown,
# and 限时 before 满N减M is a term of the offer.
test_countdown_without_a_date if {
	segs := ["最后", "3", "小时", " ", "帆布鞋"]
	fs := findings(segs, [t.num("title", segs, 1, 2, 3, "小时")])
	{f.details.word | some f in fs} == {"最后3小时"}
	words(["最后", "一天", " ", "围巾"]) == {"最后一天"}
	words(["最后", "一", "公里", " ", "配送"]) == set()
}

test_stock_runs_out if {
	words(["手慢", "无货", " ", "拖鞋"]) == {"手慢无货"}
	words(["晚", "一秒", "就", "没", " ", "面霜"]) != set()
	count(findings(["限时", " ", "满", "300", "减", "50", " ", "羽绒服"], [])) == 0
}

test_wait_and_it_rises if {
	words(["再等", "就涨", " ", "白酒"]) != set()
	words(["限量", "抢光", "就下架", " ", "雨靴"]) != set()
	words(["你", "已被选中", " ", "免费领", " ", "保温杯"]) != set()
}

# Round ten (issue 12): 今天截止 and 活动马上截止 name no date of their own
# (截止 is a date word); a date or hour written as a figure lets them pass.
test_deadline_without_a_figure if {
	words(["今天", "截止", " ", "买一送一", " ", "护手霜"]) == {"今天截止"}
	words(["一抢而空", " ", "补货", "中"]) == {"一抢而空"}
	words(["错过", "再", "等", "十年", " ", "碗碟"]) == {"错过再等十年"}
	words(["0", "元", "购", " ", "数据线"]) == {"0元购"}
}

test_deadline_with_a_date_figure if {
	segs := ["倒计时", " ", "活动", "截止", "2026", "年", "12", "月", "31", "日"]
	count(findings(segs, [t.num("title", segs, 6, 9, 31, "日")])) == 0
	segs2 := ["今天", "截止", " ", "20", "点"]
	count(findings(segs2, [t.num("title", segs2, 3, 4, 20, "点")])) == 0
}

test_sold_out_claims if words(["卖断货", " ", "帽子"]) == {"卖断货"}

# 秒光 on a cleaner shines at once; sold out at once needs its launch word.
test_instant_shine_is_no_sell_out if {
	words(["清洁剂", " ", "一", "擦", "秒光"]) == set()
	words(["上架", "秒光", " ", "发夹"]) == {"上架秒光"}
}

# 按原价 is the price a refund is counted at, not a price about to return.
test_refund_at_original_price if {
	words(["可", "随时", "按", "原价", "退回"]) == set()
	words(["随时", "恢复", "原价"]) != set()
}

# A shop coupon with its terms (满199减20, 活动时间) is a promotion rule; a
# bare click lure is not.
test_coupon_rule if {
	words(["店铺", "优惠券", "点击领取", "满", "199", "减", "20", "活动", "时间"]) == set()
	words(["点击领取", "红包"]) != set()
}

# Round 13: a batch gone for ever, a single chance, sold out in seconds; a
# limited-time price with its stated start and end is a true term.
test_round13_scarcity if {
	words(["清", "完", "这", "批", "再也", "没有", "了"]) == {"清完这批再也没有了"}
	words(["机会", "只有", "一次"]) == {"机会只有一次"}
	words(["限量", "秒", "完"]) == {"限量秒完"}
	words(["今天", "不", "抢", "明天", "没"]) == {"不抢明天没"}
	words(["12", "月", "5", "日", "至", "12", "月", "7", "日", "活动", "结束", "恢复", "原价"]) == set()
	words(["活动", "结束", "恢复", "原价"]) == {"活动结束恢复原价"}
}

test_round13_false_reasons if words(["拆迁清仓", "沙发"]) == {"拆迁清仓"}

# Round fourteen: a raffle win of a free order lures a click.
test_round_fourteen_drawn_free_order if {
	words(["您", "已", "被", "抽", "中", "免", "单", "资格"]) != set()
	words(["满", "99", "免", "单", "运费"]) == set()
}

# round 14b: stock running out as a threat, spoken and English; the plain
# while-stocks-last term stays lawful.
test_stock_threats if {
	words(["卖", "一件", "少", "一件", "红枣"]) == {"卖一件少一件"}
	words(["抢", "完", "不", "补", "漫画"]) == {"抢完不补"}
	# 数量有限，售完即止 is the lawful while-stocks-last term
	words(["数量", "有限", ",", "售完", "即", "止"]) == set()
	words(["hurry", "up", "耳机"]) == {"hurryup"}
	words(["一件", "起", "卖", "红枣"]) == set()
}

test_sell_one_less_one if {
	words(["卖", "一", "单", "少", "一", "单", " ", "白茶"]) == {"卖一单少"}
	words(["卖", "一", "送", "一", " ", "袜子", " ", "少女"]) == set()
}

# round 14b: English stock threats (only 3 left); a pack count (one only 3 pcs) is none.
test_only_n_left if {
	words(["only", "3", "left", " ", "充电宝"]) == {"only3left"}
	words(["today", "only", " ", "特价"]) == {"todayonly"}
	words(["one", "only", " ", "3", " ", "pcs"]) == set()
}

# round 15: a stock count in words after 最后 (最后三单) and 秒没 (§28(2)(2));
# 最后一X is often just "the last one", so only two and up are words.
test_round15_last_few_units if {
	words(["大衣", " ", "最后", "三单"]) == {"最后三单"}
	words(["秒没", " ", "牵引绳"]) == {"秒没"}
	words(["最后", "一件", "事"]) == set()
}

# round 16: 拼手速 urges a race to buy (§28(2)(2)), like 手慢无.
test_round16_race_to_buy if {
	words(["座套", " ", "拼手速", " ", "赶紧"]) == {"拼手速"}
	words(["座套", " ", "手速", "游戏"]) == set()
}

# round 17: a shop "running away" as the reason for a price (§28(2)(2)), 今日必抢,
# 拍完就下架; bare 倒计时 urges unless the goods are a timer or a calendar.
test_round17_runaway_and_countdown if {
	words(["四件套", " ", "跑路", "价"]) == {"跑路价"}
	words(["全店", "清仓", "跑路"]) == {"清仓跑路"}
	words(["支架", " ", "今日", "必抢"]) == {"今日必抢"}
	words(["拍", "完", "就", "下", "架"]) == {"拍完就下架"}
	words(["珍珠", "项链", " ", "倒计时", " ", "送礼"]) == {"倒计时"}
	words(["厨房", " ", "倒计时", " ", "计时器"]) == set()
	words(["高考", " ", "倒计时", " ", "台历"]) == set()
}

# law_meta of the rule's own law is meta itself, as the union gives it;
# of another law, meta with that law.
test_law_meta_of_own_law_is_the_union if {
	own := ad_pressure.meta.basis.law
	ad_pressure.law_meta(own) == object.union(ad_pressure.meta, {"basis": object.union(ad_pressure.meta.basis, {"law": own})})
	other := "《互联网广告管理办法》（国家市场监督管理总局令第72号）第九条"
	ad_pressure.law_meta(other).basis.law == other
	ad_pressure.law_meta(other) == object.union(ad_pressure.meta, {"basis": object.union(ad_pressure.meta.basis, {"law": other})})
}
