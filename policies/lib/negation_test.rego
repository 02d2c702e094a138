# Tests of the shared negation scope (negation.rego) through the rules
# that use it: the same claim word fires bare and passes when a negation
# verb governs it in its clause; claims that are negative stay claims.
package xiaoer.lib.negation_test

import data.xiaoer.lib.lexicon_test as t
import data.xiaoer.rules.ad_absolute
import data.xiaoer.rules.ad_education_guarantee
import data.xiaoer.rules.ad_investment_return
import data.xiaoer.rules.ad_medical_claim
import data.xiaoer.rules.ad_superstition

rules(segs) := {f.rule |
	some f in ((((ad_superstition.findings | ad_education_guarantee.findings) | ad_investment_return.findings) | ad_medical_claim.findings) | ad_absolute.findings) with input as t.title(segs)
}

test_claims_fire_bare if {
	rules(["佛像", "摆件", "开光"]) == {"ad-superstition"}
	rules(["公务员", "网课", "内部资料"]) == {"ad-education-guarantee"}
}

# A negation verb up to five tokens before the word, in its clause.
test_negation_scope if {
	rules(["佛像", "摆件", ",", "不提供", "开光", "等", "宗教", "服务"]) == set()
	rules(["公务员", "网课", ",", "课程", "不含", "任何", "考试", "内部资料"]) == set()
	rules(["公务员", "网课", ",", "绝不", "出售", "内部资料"]) == set()
}

# A clause mark ends the scope: the claim after it stands.
test_scope_ends_at_clause if {
	rules(["不提供", "退换", ",", "开光", "摆件"]) == {"ad-superstition"}
}

# Claims that deny something bad stay claims whatever stands before them.
test_negative_claims_stay if {
	rules(["减肥", "茶", "绝不", "反弹"]) != set()
	rules(["不粘锅", ",", "没有", "永不褪色", "涂层"]) == {"ad-absolute"}
}

# 不是 denies the superlative after it (我们不是最便宜的): no claim.
test_not_the_cheapest if {
	rules(["手工", "拖鞋", " ", "最", "便宜"]) == {"ad-absolute"}
	rules(["我们", "不是", "最", "便宜", "的", " ", "手工", "拖鞋"]) == set()
}
