package xiaoer.rules.ad_unsourced_claim_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_unsourced_claim

findings(segs, figs) := fs if {
	fs := ad_unsourced_claim.findings with input as t.doc({"title": segs}, figs)
}

words(segs, figs) := {f.details.word | some f in findings(segs, figs)}

# ---- hits ----

test_ranking_without_source if {
	fs := findings(["全网", "销量", "第一", "的", "面膜"], [])
	count(fs) == 1
	some f in fs
	f.rule == "ad-unsourced-claim"
	f.severity == "warning"
	f.details.word == "全网销量第一"
	f.details.missing == ["来源", "期间"]
	f.basis.law == "《中华人民共和国广告法》第十一条第二款"
	contains(f.message, "未注明来源和期间")
}

test_rate_figure if {
	segs := ["好评率", "9", "9", "%"]
	fs := findings(segs, [t.num("title", segs, 1, 3, 99, "%")])
	some f in fs
	f.details.word == "好评率99%"
	f.span == {"start": 0, "end": 12}
}

# The attributes are labels: a rate or a head count there is no claim
# (the figures of the attributes are not walked: 10万人 is one in the
# title).
test_figures_in_attributes if {
	segs := ["好评率", "9", "9", "%"]
	count(ad_unsourced_claim.findings) == 0 with input as t.doc({"attributes": segs}, [t.num("attributes", segs, 1, 3, 99, "%")])
	crowd := ["1", "0", "万人", "选择"]
	count(ad_unsourced_claim.findings) == 0 with input as t.doc({"attributes": crowd}, [t.num("attributes", crowd, 0, 2, 100000, "人")])
	count(ad_unsourced_claim.findings) == 1 with input as t.doc({"title": crowd}, [t.num("title", crowd, 0, 2, 100000, "人")])
}

test_rate_with_words_between if {
	segs := ["回购", "率", "高达", "8", "0", "%"]
	words(segs, [t.num("title", segs, 3, 5, 80, "%")]) == {"回购率高达80%"}
}

test_people_bought if {
	segs := ["1", "0", "万", "+", "人", "已", "买"]
	fs := findings(segs, [t.num("title", segs, 0, 4, 100000, "人")])
	some f in fs
	f.details.word == "10万+人已买"
	f.span == {"start": 0, "end": 15}
}

test_sales_count_without_unit if words(["月", "销", "5", "0", "0", "0"], []) == {"月销5000"}

test_endorsement_needs_only_a_source if {
	fs := findings(["牙医", "推荐", "电动牙刷"], [])
	some f in fs
	f.details.missing == ["来源"]
	sourced := ["牙医", "推荐", "(", "出处", ":", "中华口腔医学会", "科普", ")"]
	count(findings(sourced, [])) == 0
}

# ---- not claims ----

test_warranty_is_not_a_sales_count if {
	segs := ["现货", "销售", "保", "2", "年"]
	count(findings(segs, [t.num("title", segs, 3, 4, 2, "年")])) == 0
}

test_model_number_is_not_a_sales_count if count(findings(["2017", "热销", "2", "3", "3", "x", "x", "l"], [])) == 0

test_spec_percent_is_not_a_claim if {
	segs := ["含", "绒", "量", "9", "0", "%"]
	count(findings(segs, [t.num("title", segs, 3, 5, 90, "%")])) == 0
}

# ---- sourced claims pass; the check still runs ----

test_source_and_period_in_the_sentence if {
	segs := [
		"2", "0", "2", "3", "年", "京东", "净水器", "类目", "销量", "第一",
		"(", "数据", "来源", ":", "京东", "商", "智", ")",
	]
	count(findings(segs, [t.num("title", segs, 0, 4, 2023, "年")])) == 0
}

test_source_without_period_still_warns if {
	segs := ["京东", "净水器", "类目", "销量", "第一", "(", "数据", "来源", ":", "京东", ")"]
	some f in findings(segs, [])
	f.details.missing == ["期间"]
}

test_study_lead_is_a_source if {
	segs := ["据", "第三方", "统计", ",", "近", "3", "0", "天", "复购率", "8", "0", "%"]
	figs := [t.num("title", segs, 5, 7, 30, "天"), t.num("title", segs, 9, 11, 80, "%")]
	count(findings(segs, figs)) == 0
}

test_footnote if {
	desc := ["销量", "第一", "※", "。", "\n", "※", "数据", "来源", ":", "天猫", ",", "统计", "周期", "2023", "年", "1", "-", "12", "月"]
	figs := [t.num("description", desc, 13, 14, 2023, "年"), t.num("description", desc, 17, 18, 12, "月")]
	count(ad_unsourced_claim.findings) == 0 with input as t.doc({"description": desc}, figs)
	unmarked := ["销量", "第一", "。", "\n", "※", "数据", "来源", ":", "天猫", ",", "统计", "周期", "2023", "年"]
	count(ad_unsourced_claim.findings) == 1 with input as t.doc({"description": unmarked}, [])
}

test_source_in_another_sentence_does_not_count if {
	desc := ["好评率", "99", "%", "。", "数据", "来源", ":", "店铺", "后台", "2023", "年"]
	figs := [t.num("description", desc, 1, 2, 99, "%"), t.num("description", desc, 9, 10, 2023, "年")]
	count(ad_unsourced_claim.findings) == 1 with input as t.doc({"description": desc}, figs)
}

test_whole_number_token if {
	segs := ["月", "销", "5000", "件"]
	words(segs, [t.num("title", segs, 2, 3, 5000, "件")]) == {"月销5000件"}
	words(segs, []) == {"月销5000"}
}

test_model_code_token_is_no_count if count(findings(["热销", "233xxlsln"], [])) == 0

# Counts written in words before a group of people, and shares of people,
# are claims that need a source (lib/pattern.rego).
test_counts_in_words if {
	words(["三千万", "女性", "信赖"], []) == {"三千万女性"}
	words(["八成", "妈妈", "都", "选", "它"], []) == {"八成妈妈"}
	words(["一家", "三口", "亲子装"], []) == set()
}

# A metric that changes by a figure compares, and a comparison needs its
# source; a specification states a value (含量99%) and stays silent.
test_change_by_figure if {
	segs := ["清洁力", "提升", "300", "%", "洗涤块"]
	words(segs, [t.num("title", segs, 2, 3, 300, "%")]) == {"提升300%"}
	segs2 := ["比", "普通", "吹风机", "快干", "3", "倍"]
	words(segs2, [t.num("title", segs2, 4, 5, 3, "倍")]) == {"比普通吹风机快干3倍"}
	segs3 := ["羊毛", "含量", "95", "%", "高领"]
	words(segs3, [t.num("title", segs3, 2, 3, 95, "%")]) == set()
	segs4 := ["湿度", "降低", "到", "40", "%", "提醒"]
	words(segs4, [t.num("title", segs4, 3, 4, 40, "%")]) == set()
}

test_own_generation_or_other_family_is_no_data_claim if {
	segs := ["比", "上一代", "提升", "20", "%"]
	words(segs, [t.num("title", segs, 3, 4, 20, "%")]) == set()
	segs2 := ["比", "x10", "提升", "20", "%"]
	words(segs2, [t.num("title", segs2, 3, 4, 20, "%")]) == set()
	segs3 := ["成绩", "提升", "50", "%"]
	words(segs3, [t.num("title", segs3, 2, 3, 50, "%")]) == set()
}

test_share_of_people if {
	segs := ["97.6", "%", "的", "人", "用", "了", "都", "说", "好"]
	words(segs, [t.num("title", segs, 0, 1, 97.6, "%")]) == {"97.6%的人"}
	words(["近", "百万", "人", "都", "在", "喝"], []) == {"近百万人"}
}

test_than_and_fraction if {
	segs := ["比", "普通", "枕头", "透气", "3", "倍"]
	words(segs, [t.num("title", segs, 4, 5, 3, "倍")]) == {"比普通枕头透气3倍"}
	segs2 := ["比", "老款", "快", "30", "%"]
	words(segs2, [t.num("title", segs2, 3, 4, 30, "%")]) == set()
	words(["效率", "提升", "一倍"], []) == {"提升一倍"}
	words(["三分之二", "的", "用户", "回购"], []) == {"三分之二的用户"}
}

# An expert's recommendation of a course is ad-education-guarantee's; of a
# pan it still wants a source.
test_course_endorsement_yields_to_education if {
	count(ad_unsourced_claim.findings) == 0 with input as t.title(["北大", "教授推荐", " ", "少儿", "编程", "课"])
	count(ad_unsourced_claim.findings) == 1 with input as t.title(["教授推荐", " ", "不粘", "炒锅"])
}

# Round nine: a crowd figure before its proof (百万好评, 十万人验证), a comparison
# in words (比同价位亮度高两倍) and 超越 before a multiple, even split by spaces.
test_crowd_proof_and_comparisons if {
	words(["百万", "好评", " ", "纸巾"], []) == {"百万好评"}
	words(["十万人", "验证", " ", "菜刀"], []) == {"十万人验证"}
	words(["比", "同价位", " ", "亮度高", "两倍"], []) != set()
	segs := ["吸力", "超越", "同行", " ", "3", "倍"]
	words(segs, [t.num("title", segs, 4, 5, 3, "倍")]) != set()
	words(["百万", "像素", " ", "摄像头"], []) == set()
}

# Multiples against peers written with 是 (是同行的两倍, 是普通款2倍), half the
# price of another (便宜一半), and survey shares (受访者中92%).
test_peer_multiples_and_survey_shares if {
	words(["销量", "是", "同行", "的", "两倍"], []) != set()
	segs := ["保湿力", "是", "普通款", "2", "倍"]
	words(segs, [t.num("title", segs, 3, 4, 2, "倍")]) != set()
	words(["比", "进口货", "便宜", "一半"], []) != set()
	survey := ["受访者", "中", "92", "%", "表示", "更顺"]
	words(survey, [t.num("title", survey, 2, 3, 92, "%")]) != set()
	words(["一半", "一半", " ", "情侣", "杯"], []) == set()
}

# Round ten (issue 12): a ranking metric before 第一/第1/冠军/榜首 (口碑第一,
# 京东热卖榜第一), a count before 破 + 百万, and a shop figure right before a
# big count (好评10万+); a year after 收藏 and a goal stay silent.
test_metric_rankings if {
	words(["口碑", "第一", " ", "卫生巾"], []) == {"口碑第一"}
	words(["京东", "热卖", "榜", "第一", " ", "热水器"], []) == {"京东热卖榜第一"}
	words(["好评", "第", "1", " ", "晾衣架"], []) == {"好评第1"}
	words(["销量", "破", "百万", " ", "猫抓板"], []) == {"销量破百万"}
	words(["立志", "成为", "好评", "第一", "的", "店铺"], []) == set()
}

test_shop_figures if {
	segs := ["收藏", "10", "万", "+", " ", "t恤"]
	words(segs, [object.union(t.num("title", segs, 1, 3, 100000, ""), {"plus": true})]) == {"收藏10万+"}
	old := ["收藏", "1990", "年代", " ", "老酒"]
	words(old, [t.num("title", old, 1, 1, 1990, "")]) == set()
	few := ["好评", "5", "个", " ", "壁纸"]
	words(few, [t.num("title", few, 1, 2, 5, "个")]) == set()
}

# A platform or a season ranks only right before 第一 or through a ranking
# word (京东第一, 天猫销量冠军); 抖音 同款 第一集 is an episode.
test_platform_rankings if {
	words(["天猫", "销量", "冠军", " ", "牙刷"], []) == {"天猫销量冠军"}
	words(["抖音", "同款", "第一", "集"], []) == set()
}

# 第一 as an ordinal after a metric (人气款 第一批, 好评 第一条) is no ranking.
test_metric_before_an_ordinal if {
	words(["人气", "款", "第一", "批", " ", "到货"], []) == set()
	words(["好评", "第一", "条", " ", "晒单"], []) == set()
}

# A test on people with a report and its sample states the test as the
# figure's scope: no separate period is due; without the report the source
# is still missing.
test_tested_result if {
	segs := ["报告", "编号", "hx2026", ",", "受试者", "32", "人", ",", "含水量", "提升", "27", "%", "。"]
	words(segs, [t.num("title", segs, 10, 11, 27, "%")]) == set()
	bare := ["受试者", "32", "人", ",", "含水量", "提升", "27", "%", "。"]
	words(bare, [t.num("title", bare, 6, 7, 27, "%")]) != set()
}

# A head count of ten thousand or more in digits before a group of people
# needs a source; 万人哄抢 (an idiom) and 万兆 (a speed) hold no figure.
test_digit_head_counts if {
	segs := ["猫", "粮", " ", "30", "万", "猫", "主人", "的", "选择"]
	words(segs, [{"value": 300000, "unit": "", "field": "title", "s": t.offset(segs, 3), "e": t.offset(segs, 5), "ti": 2, "tl": 3, "tn": 4}]) == {"30万猫主人"}
	words(["投影仪", " ", "万人", "哄抢"], []) == set()
}

# Round 13: sellers' own names for buyers and pets are crowds (8成宝子,
# 10万茶友, 96%猫咪爱用); a pet word after a weight is the pet's size.
test_seller_crowds if {
	words(["8", "成", "宝", "子", "都", "回购"], []) == {"8成宝子"}
	s1 := ["9", "6", "%", "猫咪", "爱", "用"]
	words(s1, [t.num("title", s1, 0, 2, 96, "%")]) == {"96%猫咪"}
	s2 := ["经", "调查", "9", "0", "%", "的", "茶客", "认为"]
	words(s2, [t.num("title", s2, 2, 4, 90, "%")]) == {"90%的茶客"}
	s3 := ["适合", "1", "5", "斤", "以内", "猫咪"]
	words(s3, [t.num("title", s3, 1, 3, 15, "斤")]) == set()
}

# A rate said to be very high without its figure is still a data claim.
test_rate_without_figure if {
	words(["回购", "率", "超高", "五香", "瓜子"], []) == {"回购率超高"}
	words(["人气", "超高", "瓜子"], []) == set()
}

test_goal_sentence_is_no_ranking if {
	words(["打造", "本地", "家政", "第一", "品牌", "是", "我们", "的", "目标"], []) == set()
	words(["零差评", "耳机"], []) == {"零差评"}
}

test_round13_citations if {
	words(["央视推荐", "蜂蜜"], []) == {"央视推荐"}
	words(["行业十强", "品牌"], []) == {"行业十强"}
	words(["世界500强", "企业", "出品"], []) == set()
	words(["央视", "纪录片", "dvd"], []) == set()
}

# A share of a price (按购买价110%回购) is a buyback promise, no count of
# people: ad-investment-return's, not here. A rebuy rate stays a figure.
test_share_of_a_price_is_no_data if {
	segs := ["承诺", "按", "购买价", "110", "%", "回购"]
	count(findings(segs, [t.num("title", segs, 3, 4, 110, "%")])) == 0
	rate := ["猫砂", " ", "90", "%", "回购"]
	count(findings(rate, [t.num("title", rate, 2, 3, 90, "%")])) > 0
}

# A ranking named as the goal after it (打造行业第一品牌是我们的长期目标) is no data.
test_goal_named_after_the_ranking if {
	count(findings(["打造", "行业", "第一品牌", "是", "我们", "的", "长期", "目标"], [])) == 0
	count(findings(["行业", "第一品牌", " ", "书架"], [])) > 0
}

# ---- round 14b: figures written in words, shares in 成, sales speed ----

# A count word before a figure written in words (年销百万件) counts like digits.
test_count_word_before_figure_in_words if {
	segs := ["童装", "年", "销", "百万件", "卫", "衣"]
	words(segs, [t.num("title", segs, 3, 3, 1000000, "件")]) == {"年销百万件"}
	small := ["年", "销", "三件"]
	count(findings(small, [t.num("title", small, 2, 2, 3, "件")])) == 0
}

test_loyal_share_in_cheng if {
	words(["老客户", "占", "八成", "枸杞"], []) == {"老客户占八成"}
	words(["九成", "新", "二手", "相机"], []) == set()
}

test_sales_speed if {
	segs := ["每", "5", "秒", "售出", "一件", "保温杯"]
	words(segs, [t.num("title", segs, 1, 2, 5, "秒")]) == {"每5秒售出一件"}
	quiet := ["每", "5", "秒", "出", "水"]
	count(findings(quiet, [t.num("title", quiet, 1, 2, 5, "秒")])) == 0
}

test_share_of_test_subjects if {
	segs := ["9", "2", "%", "的", "受试者", "好评"]
	count(findings(segs, [t.num("title", segs, 0, 2, 92, "%")])) > 0
}

# round 14b: English endorsements and counts; a crowd rushing (万人抢购) is
# ad-pressure's, not a sales figure.
test_english_endorsements_and_counts if {
	words(["dentist", "recommended", " ", "牙膏"], []) == {"dentistrecommended"}
	words(["1", "million", "sold", " ", "吸尘器"], []) == {"1millionsold"}
	words(["万人", "抢购", " ", "连衣裙"], []) == set()
}

# round 17 (12v): a satisfaction score in points is a rate; a lab rate's
# report is its source and its date its period; the English share keeps a
# space after the figure; the nearest metric is the longest run there.
test_satisfaction_score_in_points if {
	segs := ["满意度", "98", "分", "上门", "保洁"]
	words(segs, [t.num("title", segs, 1, 2, 98, "分")]) == {"满意度98分"}
	star := ["店铺", "评分", "4.9", "分"]
	count(findings(star, [t.num("title", star, 2, 3, 4.9, "分")])) == 0
}

test_lab_rate_needs_only_a_source if {
	segs := ["抑菌率", "99", "%", "砧板"]
	fs := findings(segs, [t.num("title", segs, 1, 2, 99, "%")])
	some f in fs
	f.details.missing == ["来源"]
	sourced := ["检测报告", "抑菌率", "99", "%", "砧板"]
	count(findings(sourced, [t.num("title", sourced, 2, 3, 99, "%")])) == 0
	survey := ["检测报告", "好评率", "99", "%"]
	count(findings(survey, [t.num("title", survey, 2, 3, 99, "%")])) == 1
}

test_english_share_after_a_space if {
	toks := [{"t": "99", "s": 0, "e": 2}, {"t": "%", "s": 2, "e": 3}, {"t": "of", "s": 4, "e": 6}, {"t": "users", "s": 7, "e": 12}, {"t": "love", "s": 13, "e": 17}]
	d := object.union(t.doc({"title": ["x"]}, []), {"listing": {
		"fields": {"title": {"text": "99% of users love", "tokens": toks, "sentences": [{"s": 0, "e": 17}]}},
		"numbers": [{"value": 99, "unit": "%", "field": "title", "s": 0, "e": 3, "ti": 0, "tl": 1, "tn": -1}],
	}})
	fs := ad_unsourced_claim.findings with input as d
	{f.details.word | some f in fs} == {"99%ofusers"}
}

test_metric_before_takes_the_longest_run if {
	segs := ["返单", "率", "9", "9", "%"]
	words(segs, [t.num("title", segs, 2, 4, 99, "%")]) == {"返单率99%"}
}

test_description_note_gives_source_and_period if {
	title := ["已售", "1200", "件", "内裤"]
	desc := ["数据来源", ":", "平台", "自动", "统计", ",", "统计周期", "2026", "年", "1", "-", "6", "月", "。"]
	fig := t.num("title", title, 1, 2, 1200, "件")
	noted := ad_unsourced_claim.findings with input as t.doc({"title": title, "description": desc}, [fig])
	count(noted) == 0
	bare := ad_unsourced_claim.findings with input as t.doc({"title": title}, [fig])
	count(bare) == 1
}

# round 17 (12t): a share followed in its clause by a cure is an efficacy
# rate (ad-medical-claim's); a head count beside a disease word stays data;
# a count word before a return rate is the investment rule's.
test_efficacy_rate_yields_to_medical if {
	segs := ["9", "3", "%", "的", "用户", "反馈", "失眠", "明显", "改善"]
	count(findings(segs, [t.num("title", segs, 0, 2, 93, "%")])) == 0
	plain := ["9", "3", "%", "的", "用户", "反馈", "睡得", "更", "香"]
	count(findings(plain, [t.num("title", plain, 0, 2, 93, "%")])) > 0
	heads := ["10万", "宝妈", "回购", "护臀膏", "湿疹"]
	count(findings(heads, [t.num("title", heads, 0, 0, 100000, "")])) > 0
}

# The efficacy rate yields only to a rule that is asked: where the engine
# skips ad-medical-claim (none of its needs in the listing: it finds
# nothing), its findings are not evaluated; a skip of another rule does
# not matter.
test_efficacy_rate_yields_only_to_an_evaluated_rule if {
	segs := ["9", "3", "%", "的", "用户", "反馈", "失眠", "明显", "改善"]
	d := t.doc({"title": segs}, [t.num("title", segs, 0, 2, 93, "%")])
	count(ad_unsourced_claim.findings) == 0 with input as skipping(d, ["ad_absolute"])
	count(ad_unsourced_claim.findings) == 1 with input as skipping(d, ["ad_absolute", "ad_medical_claim"])
}

skipping(d, rules) := object.union(d, {"listing": {"lexicon": {"skip": rules}}})

# counts are the count claims each of which other_family lets through:
# all of them at once where held has no entry for the context, one by
# one where the listing has its words (收益: the investment rule's).
test_counts_are_the_count_claims_asked_one_by_one if {
	sold := ["已售", "5000", "件", ",", "销量", "突破", "10", "万件"]
	d := t.doc({"title": sold}, [t.num("title", sold, 1, 2, 5000, "件"), t.num("title", sold, 6, 7, 100000, "件")])
	plain := object.union(d, {"listing": {"lexicon": {"held": {}}}})
	returns := ["收益", "超过", "5000", "件", ",", "已售", "5000", "件"]
	r := t.doc({"title": returns}, [t.num("title", returns, 2, 3, 5000, "件"), t.num("title", returns, 6, 7, 5000, "件")])
	every doc in [d, plain, r] {
		asked := [c |
			some c in ad_unsourced_claim.count_claims
			not data.xiaoer.lib.lexicon.in_context("ad_unsourced_claim", "other_family", c)
		] with input as doc
		ad_unsourced_claim.counts == asked with input as doc
	}
	count(ad_unsourced_claim.counts) == 3 with input as plain
	count(ad_unsourced_claim.count_claims) > count(ad_unsourced_claim.counts) with input as r
}

test_count_word_before_a_return_rate if {
	segs := ["年均", "回报", "超过", "20", "%"]
	count(findings(segs, [t.num("title", segs, 3, 4, 20, "%")])) == 0
	sold := ["超过", "5000", "件", "已售"]
	count(findings(sold, [t.num("title", sold, 1, 2, 5000, "件")])) > 0
}

# round 17: more rates (口碑率, 推荐度), counts with a word before the figure
# (加购超, 好评如潮), pet keepers after a share, and 第一品牌 is no ordinal
# before 包; an own-generation comparison in its own clause is sourced.
test_round17_rates_counts_and_crowds if {
	segs := ["口碑", "率", "9", "9", "%"]
	words(segs, [t.num("title", segs, 2, 4, 99, "%")]) == {"口碑率99%"}
	segs2 := ["推荐", "度", "9", "7", "%"]
	words(segs2, [t.num("title", segs2, 2, 4, 97, "%")]) == {"推荐度97%"}
	segs3 := ["收藏", "加", "购", "超", "50", "万"]
	words(segs3, [t.num("title", segs3, 4, 5, 500000, "")]) == {"收藏加购超50万"}
	segs4 := ["96", "%", "铲", "屎", "官", "推荐"]
	words(segs4, [t.num("title", segs4, 0, 1, 96, "%")]) == {"96%铲屎官"}
	words(["复", "购", "超", "百万"], []) == {"复购超百万"}
	words(["轿车", "胎", " ", "第一品牌", " ", "包", "安装"], []) == {"第一品牌"}
}

test_round17_own_generation_clause if {
	desc := ["与", "上一代", "相比", "，", "耐磨", "度", "提升", "30", "%"]
	count(ad_unsourced_claim.findings) == 0 with input as t.doc({"description": desc}, [t.num("description", desc, 7, 8, 30, "%")])
	other := ["与", "同类", "相比", "，", "耐磨", "度", "提升", "30", "%"]
	count(ad_unsourced_claim.findings) == 1 with input as t.doc({"description": other}, [t.num("description", other, 7, 8, 30, "%")])
}

# round 17, step 2: 已抢购/已抢 count a sale like 已售; 晒单 after a count of
# reviews.
test_round17_grabbed_and_shown_orders if {
	segs := ["已", "抢购", "8", "万", "件"]
	words(segs, [t.num("title", segs, 2, 4, 80000, "件")]) == {"已抢购8万件"}
	segs2 := ["5000", "+", "条", "晒单"]
	words(segs2, [object.union(t.num("title", segs2, 0, 2, 5000, "条"), {"plus": true})]) == {"5000+条晒单"}
}

# A pattern hit over the same span as a count (销量|突破|10|万件: the
# metric_break_big pattern and the count 销量 … 10万件) loses to the count,
# a word: one finding, the count's, whose exemptions were asked; the
# pattern alone still reports (销量破百万, test_metric_rankings).
test_pattern_over_a_count_span if {
	segs := ["销量", "突破", "10", "万件"]
	fs := findings(segs, [t.num("title", segs, 2, 3, 100000, "件")])
	count(fs) == 1
	some f in fs
	f.details.word == "销量突破10万件"
	f.details.kind == "figure"
}

# Of two rate words before a figure the nearer takes it (满意度|回购率|80%);
# a score in points needs that nearer word to be a score: 回购率 before
# 4.9分 is none, and 好评如潮 further back does not take the figure over.
test_rate_takes_the_nearer_word if {
	segs := ["满意度", "回购率", "8", "0", "%"]
	words(segs, [t.num("title", segs, 2, 4, 80, "%")]) == {"回购率80%"}
	score := ["好评如潮", "4", ".", "9", "分"]
	words(score, [t.num("title", score, 1, 4, 4.9, "分")]) == {"好评如潮4.9分"}
	behind := ["好评如潮", "回购率", "4", ".", "9", "分"]
	words(behind, [t.num("title", behind, 2, 5, 4.9, "分")]) == set()
}

# ---- lacking's shortcut, held to lexicon's own answers ----

# unevidenced counts the runs of the markers lexicon: each run gives
# lexicon.evidence an entry, as every marker names a kind.
test_unevidenced_counts_marker_runs if {
	every m in data.tables.ad_evidence.markers {
		count(m.kinds) > 0
	}
	bare := t.doc({"title": ["销量", "第一"]}, [])
	ad_unsourced_claim.unevidenced with input as bare
	count(data.xiaoer.lib.lexicon.evidence) == 0 with input as bare
	marked := t.doc({"title": ["销量", "第一", "(", "数据来源", ":", "京东", ")"]}, [])
	not ad_unsourced_claim.unevidenced with input as marked
	count(data.xiaoer.lib.lexicon.evidence) > 0 with input as marked
}

# claim_period_fields skips figures whose unit is no period unit: 年 and
# 月, which period_figure reads besides the table, are in it.
test_period_units_hold_year_and_month if {
	data.tables.ad_evidence.period_units["年"]
	data.tables.ad_evidence.period_units["月"]
}

# claim_period_fields are lexicon.period_fields outside the attributes
# (a year, a month, a stretch led by 近), and lacking answers as it did
# with lexicon.period_fields, a period figure in the attributes included.
test_claim_period_fields_are_period_fields_outside_attributes if {
	year := ["2", "0", "2", "3", "年", "销量", "第一"]
	month := ["1", "2", "月", "销量", "第一"]
	near := ["近", "3", "0", "天", "销量", "第一"]
	hours := ["4", "8", "小时", "发货", ",", "销量", "第一"]
	attrs := ["2", "0", "2", "6", "年", "秋季"]
	docs := [
		t.doc({"title": year}, [t.num("title", year, 0, 4, 2023, "年")]),
		t.doc({"description": month}, [t.num("description", month, 0, 2, 12, "月")]),
		t.doc({"title": near}, [t.num("title", near, 1, 3, 30, "天")]),
		t.doc({"title": hours}, [t.num("title", hours, 0, 2, 48, "小时")]),
		t.doc({"title": ["销量", "第一"], "attributes": attrs}, [t.num("attributes", attrs, 0, 4, 2026, "年")]),
		t.doc({"title": ["销量", "第一", "9", "9", "%"]}, [t.num("title", ["销量", "第一", "9", "9", "%"], 2, 4, 99, "%")]),
	]
	every d in docs {
		new := ad_unsourced_claim.claim_period_fields with input as d
		old := data.xiaoer.lib.lexicon.period_fields with input as d
		new == old - {"attributes"}
		gaps := {[c, ad_unsourced_claim.lacking(c)] | some c in ad_unsourced_claim.hits} with input as d
		count(gaps) > 0
		gaps == {[c, old_lacking(c)] | some c in ad_unsourced_claim.hits} with input as d
	}
	{"title"} == ad_unsourced_claim.claim_period_fields with input as docs[2]
	{"attributes"} == data.xiaoer.lib.lexicon.period_fields with input as docs[4]
}

# old_lacking is lacking as it was written before the shortcut above.
old_lacking(c) := ["来源", "期间"] if {
	count(data.xiaoer.lib.lexicon.evidence) == 0
	not data.xiaoer.lib.lexicon.period_fields[c.field]
	"period" in c.entry.needs
	not ad_unsourced_claim.tested_period(c, "期间")
} else := [m |
	some m in data.xiaoer.lib.lexicon.missing(c)
	ad_unsourced_claim.wanted(c.entry, m)
	not ad_unsourced_claim.tested_period(c, m)
]

# ---- the words after a figure: the body asks a figure what it counts
# only where a run starts after it; it finds what the older order found ----

test_metrics_after_body_as_before if {
	share := ["9", "9", "%", "的", "买家", "选择"]
	people := ["97.6", "%", "的", "人", "用", "了", "都", "说", "好"]
	kids := ["3", "个", "孩子", "在", "用"]
	age := ["3", "岁", "宝宝", "都", "爱"]
	two := ["2", "只", "学生", "9", "0", "%", "的", "人"]
	docs := [
		t.doc({"title": share}, [t.num("title", share, 0, 2, 99, "%")]),
		t.doc({"description": people}, [t.num("description", people, 0, 1, 97.6, "%")]),
		t.doc({"title": kids}, [t.num("title", kids, 0, 1, 3, "个")]),
		t.doc({"title": age}, [t.num("title", age, 0, 1, 3, "岁")]),
		t.doc({"title": two}, [t.num("title", two, 0, 1, 2, "只"), t.num("title", two, 3, 5, 90, "%")]),
	]
	every d in docs {
		ad_unsourced_claim.candidates == old_after_candidates with input as d
	}

	# the engine's figures carry their tokens (ti, tl, tn): the rule pairs
	# them with the words after them in Go (xiaoer.runs_after)
	every d in docs {
		e := indexed(d)
		ad_unsourced_claim.candidates == old_after_candidates with input as e
		ad_unsourced_claim.after_figures == indexed_pairs with input as e
	}
	count(old_after_candidates) > 0 with input as docs[2]
	count(old_after_candidates) == 0 with input as docs[3]
	{c.word | some c in old_after_candidates} == {"90%的人"} with input as docs[4]
}

# indexed is document d with the token indexes the engine gives its
# figures: first (ti), last (tl) and next token (tn, -1 for none).
indexed(d) := json.patch(d, [{"op": "replace", "path": "/listing/numbers", "value": nums}]) if {
	nums := [with_indexes(num) | some num in d.listing.numbers] with input as d
}

with_indexes(num) := object.union(num, {
	"ti": data.xiaoer.lib.lexicon.starts[num.field][num.s],
	"tl": data.xiaoer.lib.lexicon.ends[num.field][num.e],
	"tn": object.get(data.xiaoer.lib.lexicon.starts[num.field], num.e, -1),
})

# indexed_pairs are after_figures as the walk finds them (the Go answers
# the engine's figures, not these).
indexed_pairs := [[num, r] |
	runs := data.xiaoer.lib.lexicon.found("ad_unsourced_claim", "metrics_after")
	some num in ad_unsourced_claim.figures
	next := data.xiaoer.lib.lexicon.figure_next(num)
	some r in runs
	r.field == num.field
	r.i >= next
	r.i <= next + 1
]

# old_after_candidates is the body as it was written before: every counted
# figure, then the runs after it.
old_after_candidates contains c if {
	some num in ad_unsourced_claim.figures
	ad_unsourced_claim.counted(num)
	first := data.xiaoer.lib.lexicon.figure_first(num)
	next := data.xiaoer.lib.lexicon.figure_next(num)
	some r in data.xiaoer.lib.lexicon.found("ad_unsourced_claim", "metrics_after")
	r.field == num.field
	r.i >= next
	r.i <= next + 1
	ad_unsourced_claim.unit_fits(num, r.key)
	last := (r.i + r.n) - 1
	c := ad_unsourced_claim.figure_hit(num.field, first, (last - first) + 1, num.s, input.listing.fields[num.field].tokens[last].e)
	not data.xiaoer.lib.lexicon.in_context("ad_unsourced_claim", "price_share", c)
}

# untested answers for every claim what tested_period answers for each
# where the engine's held has no test_subjects entry; a listing with one,
# or without held, asks tested_period per claim as before.
test_untested_is_tested_period_once if {
	segs := ["好评率", "9", "9", "%", ",", "销量", "第一"]
	d := t.doc({"title": segs}, [t.num("title", segs, 1, 3, 99, "%")])
	held := object.union(d, {"listing": {"lexicon": {"held": {}}}})
	ad_unsourced_claim.untested with input as held
	not ad_unsourced_claim.untested with input as d
	hits := ad_unsourced_claim.hits with input as held
	count(hits) == 2
	every c in hits {
		not ad_unsourced_claim.tested_period(c, "期间") with input as held
		ad_unsourced_claim.lacking(c) == old_lacking(c) with input as held
	}
	subjects := object.union(held, {"listing": {"lexicon": {"held": {"ad_unsourced_claim": {"test_subjects": {}}}}}})
	not ad_unsourced_claim.untested with input as subjects
}

# ---- the engine's lists read in place ----

# engine_shaped is d with the lists the engine gives it: found (the runs
# of the rule's lexicons and the evidence markers, as lexicon.found walks
# them, a lexicon or table without runs left out) and held (no context
# word in the listing).
engine_shaped(d) := object.union(d, {"listing": {"lexicon": {"held": {}, "found": found}}}) if {
	lexicons := {
		"ad_unsourced_claim": ["words", "pattern_heads", "pattern_words", "metrics_after", "crowd_words"],
		"ad_evidence": ["markers"],
	}
	found := {table: runs |
		some table, names in lexicons
		runs := {lex: rs |
			some lex in names
			rs := data.xiaoer.lib.lexicon.found(table, lex) with input as d
			count(rs) > 0
		}
		count(runs) > 0
	}
}

# lacking's first branch reads found and held in place: on the engine's
# documents it answers as lacking did before it (old_lacking), with no
# marker, with a source marker (数据来源: only the period lacks) and
# with a period figure in the claim's field.
test_lacking_on_the_engine_lists_as_before if {
	plain := ["销量", "第一", ",", "好评率", "9", "9", "%"]
	sourced := ["销量", "第一", "(", "数据来源", ":", "京东", ")"]
	year := ["2", "0", "2", "3", "年", "销量", "第一"]
	docs := [
		t.doc({"title": plain}, [t.num("title", plain, 4, 6, 99, "%")]),
		t.doc({"title": sourced}, []),
		t.doc({"title": year}, [t.num("title", year, 0, 4, 2023, "年")]),
	]
	every d in docs {
		e := engine_shaped(d)
		e.listing.lexicon.found.ad_unsourced_claim
		gaps := {[c, ad_unsourced_claim.lacking(c)] | some c in ad_unsourced_claim.hits} with input as e
		count(gaps) > 0
		gaps == {[c, old_lacking(c)] | some c in ad_unsourced_claim.hits} with input as e
	}
	{f.details.missing | some f in ad_unsourced_claim.findings} == {["期间"]} with input as engine_shaped(docs[1])
}

# pattern_candidates calls xiaoer.found_pattern_hits in place on the
# engine's documents: the same candidates as pattern.hits gives a
# document built by hand, a pattern hit kept (三千万女性) or shadowed by a
# count over its span (销量|突破|10|万件).
test_pattern_candidates_on_the_engine_lists_as_by_hand if {
	crowd := ["三千万", "女性", "信赖"]
	count_span := ["销量", "突破", "10", "万件"]
	docs := [
		t.doc({"title": crowd}, []),
		t.doc({"title": count_span}, [t.num("title", count_span, 2, 3, 100000, "件")]),
	]
	every d in docs {
		e := engine_shaped(d)
		e.listing.lexicon.found.ad_unsourced_claim.pattern_heads
		by_hand := ad_unsourced_claim.pattern_candidates with input as d
		ad_unsourced_claim.pattern_candidates == by_hand with input as e
		by_hand_findings := ad_unsourced_claim.findings with input as d
		ad_unsourced_claim.findings == by_hand_findings with input as e
	}
	{c.word | some c in ad_unsourced_claim.pattern_candidates} == {"三千万女性"} with input as engine_shaped(docs[0])
}
