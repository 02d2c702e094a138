package xiaoer.rules.ad_education_guarantee_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_education_guarantee

words(segs) := {f.details.word | some f in ad_education_guarantee.findings with input as t.title(segs)}

# A failed exam before a refund is a guarantee of passing, however it is
# worded; a generic failure word needs a course around it.
test_fail_then_refund if {
	words(["教师", "资格证", "网", "课", "考", "不过", "全额", "退款"]) == {"考不过全额退款"}
	words(["初级", "会计", "网", "课", "挂", "科", "退费"]) == {"挂科退费"}
	words(["二级", "建造师", "网", "课", "没", "过", "退", "学费"]) == {"没过退学费"}
	words(["学习桌", "不", "满意", "包退"]) == set()
	words(["婴儿", "湿巾", "不", "过敏"]) == set()
}

# 包过 before 塑 is laminating (包过塑), not passing an exam.
test_laminating if words(["包过", "塑", "a4", "塑封膜"]) == set()

# Guarantee forms: time to a result, refunds when it did not work, experts
# endorsing, 包拿本; all in a course's context.
test_guarantee_forms if {
	words(["钢琴", "考级", "培训", "三个月", "过十级"]) == {"三个月过十级"}
	words(["口语", "课", "无效", "全额退款"]) == {"无效全额退款"}
	words(["教育专家", "联袂推荐", "语法", "笔记"]) == {"教育专家联袂推荐"}
	words(["驾校", "包拿本"]) == {"包拿本"}
	words(["保温杯", "三个月", "拿下"]) == set()
}

test_assured_score_and_learning_time if {
	segs := ["辅导", "班", "保证", "孩子", "成绩", "提高", "20", "分"]
	{f.details.word | some f in ad_education_guarantee.findings with input as t.doc({"title": segs}, [t.num("title", segs, 6, 7, 20, "分")])} == {"保证孩子成绩提高20分"}
	words(["吉他", "课程", "30天", "学会"]) == {"30天学会"}
	words(["安检", "必过", "行李箱"]) == set()
}

# A guarantee verb before passing, a certificate or a team place promises
# the result of a course (第二十四条第一项).
test_assure_pass if {
	words(["钢琴", "网课", "保证", "过级"]) == {"保证过级"}
	words(["编程", "课", "学完保证", "进省队"]) == {"学完保证进省队"}
	words(["保证", "过级", "钢琴", "网课"]) != set()
	words(["钢琴", "考级", "教材", "过级", "曲目"]) == set()
}

# Round ten (issue 12): exam insiders (阅卷组长), grade-step promises and
# guarantees named 保障 or 保送.
test_round_ten_guarantees if {
	words(["高考作文", " ", "阅卷", "组长", " ", "批改"]) == {"阅卷组长"}
	words(["初中英语", " ", "网", "课", " ", "一个月", "提高", "两个", "档次"]) == {"提高两个档次"}
	words(["日语", " ", "过", "级", "保障", " ", "直播", "课"]) == {"过级保障"}
	words(["竞赛", "辅导", " ", "保送", "名校"]) == {"保送名校"}
}

test_period_raise_score if {
	segs := ["数学", "网", "课", " ", "一个月", "提高", "30", "分"]
	fs := ad_education_guarantee.findings with input as t.doc({"title": segs}, [t.num("title", segs, 6, 7, 30, "分")])
	{f.details.word | some f in fs} == {"一个月提高30分"}
}

in_category(segs, category) := {f.details.word | some f in ad_education_guarantee.findings with input as t.docc({"description": segs}, [], category)}

# In an education category the category is the course context: a promised
# result in a description sentence that names no course still fires; the
# same sentence on ordinary goods stays silent.
test_category_is_course_context if {
	in_category(["30", "天", "保证", "开口", "说", "流利", "英语", "。"], "教育培训") == {"保证开口说流利英语"}
	in_category(["保", "拿", "一等奖", "。"], "教育培训") == {"保拿一等奖"}
	in_category(["保", "拿", "一等奖", "。"], "图书") == set()
	in_category(["驾", "考", "不过", "免费", "补考"], "教育培训") == {"考不过免费补考"}
}

# Taking part in setting or marking the exam implies a link to its setters.
test_setter_join if {
	in_category(["老师", "曾", "参与", "省", "考", "命题", "工作", "。"], "教育培训") == {"曾参与省考命题工作"}
	in_category(["资料", "来自", "内部", "命题", "渠道", "。"], "教育培训") == {"内部命题渠道"}
}

# Round 13: admissions and degrees as outcomes, early-learning goods as the
# education context, 一把过 on a driving course.
test_round13_outcomes if {
	words(["高考", "志愿", "填报", "保证", "上", "985"]) == {"保证上985"}
	words(["儿童", "英语", "启蒙", "三个", "月", "流利", "对话"]) == {"三个月流利对话"}
	words(["科目", "三", "一把", "过", "驾校"]) == {"一把过"}
	words(["在职", "研究生", "保证", "拿到", "学位", "课程"]) == {"保证拿到学位"}
	words(["一把", "过", "滤", "网"]) == set()
}

# Seller-list gaps: a score gain, a job after the course, a famous school's
# name as a recommendation, each only in a course's context.
test_round13_list_terms if {
	segs := ["考研", "网", "课", "提高", "30", "分"]
	fs := ad_education_guarantee.findings with input as t.doc({"title": segs}, [t.num("title", segs, 4, 5, 30, "分")])
	{f.details.word | some f in fs} == {"提高30分"}
	words(["设计", "培训班", "学完", "就业"]) == {"学完就业"}
	words(["考研", "网", "课", "清华北大", "推荐"]) == {"清华北大推荐"}
	words(["书单", "清华北大", "推荐", "小说"]) == set()
	lamp := ["台灯", "亮度", "提高", "30", "分"]
	lfs := ad_education_guarantee.findings with input as t.doc({"title": lamp}, [t.num("title", lamp, 3, 4, 30, "分")])
	count(lfs) == 0
}

# Round fourteen: 百分百 as a guarantee, academic societies as endorsers
# (§24(1), §24(3)), in a course.
test_round_fourteen_guarantees_and_societies if {
	words(["专升本", " ", "网课", " ", "百分百", "拿", "证"]) == {"百分百拿证"}
	words(["少儿编程", " ", "网课", " ", "中国教育学会", "推荐", " ", "课程"]) == {"中国教育学会推荐"}
}

# round 14b: certificates and pass rates under other names.
test_certificate_guarantees_and_rates if {
	words(["包", "拿", "证", "电工"]) == {"包拿证"}
	words(["上岸", "率", "考研"]) == {"上岸率"}
	words(["电工", "证", "考试", "用书"]) == set()
}

# round 14b: a guarantee split from its course by the title (考研资料 in the
# title, 保证你也能上岸 in the description), with up to three words between.
test_guarantee_in_the_description_of_a_course if {
	fs := ad_education_guarantee.findings with input as t.doc({
		"title": ["考研", "资料", " ", "笔记"],
		"description": ["保证", "你", "也", "能", "上岸", "。"],
	}, [])
	{f.details.word | some f in fs} == {"保证你也能上岸"}
	words(["考研", " ", "保证", "正品", " ", "上岸", "笔记"]) == set()
}

# round 15: a guaranteed admission (§24(1)) and the exam's own questions (§24(2)).
test_round15_admission_and_leaked_questions if {
	words(["保证考进", " ", "幼小衔接"]) == {"保证考进"}
	words(["题库原题", " ", "计算机二级"]) == {"题库原题"}
}

# round 16: a certificate or a prize promised as the course's effect (§24(1)).
test_round16_certificate_and_prize if {
	words(["心理咨询师", " ", "网课", " ", "拿证无忧"]) == {"拿证无忧"}
	words(["少儿编程", " ", "竞赛", " ", "必拿奖"]) == {"必拿奖"}
	words(["拿证", " ", "流程", " ", "说明"]) == set()
}

# round 17: no certificate no fee, guaranteed score gains and interviews,
# 协议班 and 考前绝密 (§24(1), (2)).
test_round17_certificate_score_interview if {
	words(["网课", " ", "不拿证", "不收费"]) == {"不拿证不收费"}
	words(["托福", " ", "保底", "涨分"]) == {"保底涨分"}
	words(["MBA", " ", "保面过"]) == {"保面过"}
	words(["网课", " ", "协议班"]) == {"协议班"}
	words(["四六级", " ", "考前", "绝密"]) == {"考前绝密"}
	words(["协议", " ", "模板"]) == set()
}
