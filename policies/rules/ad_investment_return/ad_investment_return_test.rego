package xiaoer.rules.ad_investment_return_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_investment_return

words(segs) := {f.details.word | some f in ad_investment_return.findings with input as t.title(segs)}

# Keeping something for years, then a gain, promises a return.
test_store_years_gain if {
	words(["投资", "金条", "存", "五年", "翻", "一倍"]) == {"存五年翻一倍"}
	words(["白茶", "饼", "囤", "三年", "价格", "翻倍"]) == {"囤三年价格翻倍"}
	words(["红木", "家具", "回报", "丰厚"]) == {"回报丰厚"}
}

# Storage, doubling and returns in plain statements are no promise.
test_plain_statements if {
	words(["红酒", "可", "存放", "10", "年", "窖藏"]) == set()
	words(["会员", "日", "积分", "翻倍", "洗衣液"]) == set()
	words(["回报", "父母", "礼物", "按摩仪"]) == set()
}

# Returns with figures, then-and-now prices and guarantees.
test_returns_with_figures if {
	segs := ["银元", "收藏", "年均涨幅", "20", "%"]
	{f.details.word | some f in ad_investment_return.findings with input as t.doc({"title": segs}, [t.num("title", segs, 3, 4, 20, "%")])} == {"年均涨幅20%"}
	words(["紫砂壶", "去年", "800", "今年", "卖", "2000"]) == {"去年800今年卖"}
	words(["老酒", "坐享", "十倍", "收益"]) == {"坐享十倍收益"}
	words(["期酒", "保底收益"]) == {"保底收益"}
	words(["儿童", "存钱罐", "十倍", "收益"]) == set()
}

test_franchise_income if {
	words(["奶茶", "加盟", "月入过万"]) == {"月入过万"}
	words(["职场", "图书", "月入过万"]) == set()
}

# A gain written as a multiple in words (升值三倍) is a promised return.
test_gain_in_times_words if {
	words(["买来", "放", "五年", ",", "升值", "三倍", "不是", "梦"]) == {"升值三倍"}
	words(["存钱", "不如", "存", "茶"]) == {"存钱不如"}
}

# Principal and profit guarantees (§25(1)), experts vouching for returns
# (§25(2)); 躺赚 and 零亏损 only where goods are placed or traded for gain.
test_guarantees_and_experts if {
	words(["本金", "无忧", "红木", "家具"]) == {"本金无忧"}
	words(["百分百", "赚钱", "炒股", "软件"]) == {"百分百赚钱"}
	words(["外汇", "课程", "零", "亏损", "策略"]) == {"零亏损"}
	words(["共享", "按摩椅", "投放", "躺赚"]) == {"躺赚"}
	words(["跑步机", "躺赚", "不", "可能"]) == set()
	words(["理财", "专家", "推荐", "基金", "课程"]) == {"理财专家推荐"}
	some f in ad_investment_return.findings with input as t.title(["理财", "专家", "推荐", "基金"])
	contains(f.basis.law, "第二十五条第二项")
}

# Payback and no-loss promises in an investment context (第二十五条第一项);
# 保底 outside one (保底 抽奖) is no return promise.
test_payback_promises if {
	words(["加盟", "奶茶店", "包回本"]) == {"包回本"}
	words(["银元", "收藏", "保证不亏"]) == {"保证不亏"}
	words(["区块链", "课程", "躺赚"]) == {"躺赚"}
	words(["盲盒", "保底", "隐藏款"]) == set()
}

# Round nine: income with a figure (月入3万, 年赚百万) promises a return; a
# ledger's 月入 column has no figure.
test_income_with_a_figure if {
	segs := ["奶茶", "加盟", " ", "月入", "3", "万"]
	fs := ad_investment_return.findings with input as t.doc({"title": segs}, [t.num("title", segs, 4, 5, 30000, "")])
	{f.details.word | some f in fs} == {"月入3万"}
	words(["记账本", " ", "月入", " ", "月出", " ", "手账"]) == set()
}

test_super_earning_in_a_business_context if {
	words(["超赚", " ", "项目", " ", "加盟"]) == {"超赚"}
	words(["超赚", " ", "零食", " ", "大礼包"]) == set()
}

# Round ten (issue 12): buy-back promises, N年涨N倍 on any goods, a monthly
# interest with a figure.
test_round_ten_returns if {
	words(["沉香", " ", "手串", " ", "无条件", "回购"]) == {"无条件回购"}
	words(["普洱茶", " ", "十年", "涨", "十倍"]) == {"十年涨十倍"}
	words(["金币", " ", "无", "风险投资"]) == {"无风险投资"}
}

in_category(segs, category) := {f.details.word | some f in ad_investment_return.findings with input as t.docc({"description": segs}, [], category)}

# A collectibles category is itself the investment context; a claim to
# beat bank products or to refund at the original price is a return promise.
test_category_is_investment_context if {
	in_category(["发行量", "少", ",", "两年", "内", "翻倍", "没", "问题"], "收藏品") != set()
	in_category(["发行量", "少", ",", "两年", "内", "翻倍", "没", "问题"], "零食") == set()
	words(["和田玉", "回报", "远", "超", "银行", "理财"]) != set()
	words(["金价", "只", "涨", "不", "跌", ",", "买到就是赚到"]) != set()
}

# A buyback at a share of the price paid promises the value (§25(1)).
test_buyback_at_a_share_of_the_price if {
	segs := ["金币", " ", "承诺", "按", "购买价", "110", "%", "回购"]
	{f.details.word | some f in ad_investment_return.findings with input as t.doc({"title": segs}, [t.num("title", segs, 5, 6, 110, "%")])} == {"购买价110%回购"}
}

# A return rate followed by its calculation is a book's or course's topic.
test_return_rate_as_a_topic if {
	words(["财务", "分析", " ", "投资", " ", "收益率", "计算", " ", "教材"]) == set()
	words(["黄金", " ", "投资", " ", "收益率", "稳定"]) != set()
}

# round 14b: gains promised in spoken forms; the generic ones need an
# investment context (老酒 收藏), so 越来越值钱的技能 and 买到就是赚到 on snacks pass.
test_spoken_gains if {
	words(["转手", "就", "赚", "球鞋"]) == {"转手就赚"}
	words(["老酒", "越来越", "值钱", "收藏"]) == {"越来越值钱"}
	words(["越来越", "值钱", "的", "技能"]) == set()
	words(["零食", "买到就是赚到"]) == set()
}

# round 14b: English risk-free needs an investment context like 零风险.
test_english_risk_free if {
	words(["纪念币", " ", "risk", " ", "free", " ", "收藏"]) == {"riskfree"}
	words(["洗衣液", " ", "risk", " ", "free", " ", "退换"]) == set()
}

# round 15: buy-low-sell-high and gains by keeping, on collectibles (§25(1)).
test_round15_trading_gains if {
	words(["银元", " ", "收藏", " ", "低买高卖"]) == {"低买高卖"}
	words(["老白茶", " ", "收藏", " ", "放着就赚"]) == {"放着就赚"}
	words(["零食", " ", "放着就赚"]) == set()
}

# round 15: 投资理财 as the topic of a book is no promise (book_topic is a
# sentence context, exercised in the round-15 tuning set); the word itself
# still needs an investment context.
test_round15_topic_word_needs_investment if {
	words(["零食", " ", "投资理财"]) == set()
}

# round 16: a promised or assured return (§25(1)); a denial is no promise.
test_round16_assured_return if {
	words(["金币", " ", "收藏", " ", "收益有保障"]) == {"收益有保障"}
	words(["原石", " ", "投资", " ", "承诺收益"]) == {"承诺收益"}
	words(["原石", " ", "收藏", " ", "不", "承诺收益"]) == set()
}

# round 17: buy-back at no loss, and a price that rises every year on a
# collectible (§25(1)); a market's daily price is no promise.
test_round17_buyback_and_yearly_price if {
	words(["金豆", " ", "无损", "回购"]) == {"无损回购"}
	words(["老酒", " ", "收藏", " ", "一年", "一个", "价"]) == {"一年一个价"}
	words(["海鲜", " ", "一天", "一个", "价"]) == set()
}
