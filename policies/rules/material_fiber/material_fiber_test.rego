package xiaoer.rules.material_fiber_test

import data.xiaoer.rules.material_fiber

doc(claims, composition, price) := {"kind": "listing", "listing": {
	"price": {"amount": price},
	"fields": {},
	"fiber_claims": claims,
	"composition": composition,
}}

# 纯棉 at the start of the title.
cotton := {"fiber": "棉", "form": "纯", "text": "纯棉", "part": "", "before": "", "after": "t恤", "field": "title", "s": 0, "e": 6}

# stated(pairs, n, field, label): statement n as fibres [[name, percent], ...].
stated(pairs, n, field, label) := [{
	"fiber": p[0], "percent": p[1], "at_least": false, "implied": false, "part": "", "label": label,
	"statement": n, "field": field, "s": 10 * i, "e": (10 * i) + 8,
} |
	some i, p in pairs
]

implied(names, n) := [{
	"fiber": name, "percent": 0, "at_least": false, "implied": true, "part": "面料", "label": "面料",
	"statement": n, "field": "attributes", "s": 0, "e": 6,
} |
	some name in names
]

findings(claims, composition) := fs if {
	fs := material_fiber.findings with input as doc(claims, composition, 129)
}

test_blend_below_threshold_is_an_error if {
	fs := findings([cotton], stated([["棉", 60], ["聚酯纤维", 40]], 0, "attributes", "材质成分"))
	count(fs) == 1
	some f in fs
	f.severity == "error"
	f.message == "标题称「纯棉」，但材质成分为 棉60% 聚酯纤维40%（棉 60%，低于 96%）"
	f.suggestion == "改为「棉混纺」或标注实际成分「60%棉」，删去「纯棉」"
	f.span == {"start": 0, "end": 6}
	f.basis.confirmed == false
	f.exposure.punitive_cny == 500
	f.exposure.points == 12
	f.exposure.confirmed == false
}

test_punitive_claim_is_three_times_a_high_price if {
	fs := material_fiber.findings with input as doc([cotton], stated([["聚酯纤维", 100]], 0, "attributes", "材质成分"), 399)
	some f in fs
	f.exposure.punitive_cny == 1197
	f.message == "标题称「纯棉」，但材质成分为 聚酯纤维100%（不含棉）"
	f.suggestion == "删去「纯棉」，按实际成分标注「聚酯纤维100%」"
}

test_between_threshold_and_trace_is_a_warning if {
	fs := findings([cotton], stated([["棉", 97], ["聚氨酯弹性纤维", 3]], 0, "attributes", "材质成分"))
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	contains(f.message, "其他纤维共 3%")
	f.basis.confirmed == true
}

test_trace_under_half_a_percent_passes if {
	count(findings([cotton], stated([["棉", 99.6], ["聚酯纤维", 0.4]], 0, "attributes", "材质成分"))) == 0
	count(findings([cotton], stated([["棉", 100]], 0, "attributes", "材质成分"))) == 0
}

test_exactly_at_the_threshold_is_only_a_warning if {
	fs := findings([cotton], stated([["棉", 96], ["聚氨酯弹性纤维", 4]], 0, "attributes", "材质成分"))
	[f.severity | some f in fs] == ["warning"]
}

test_nothing_stated_is_a_warning if {
	fs := findings([cotton], [])
	count(fs) == 1
	some f in fs
	f.severity == "warning"
	f.message == "标题称「纯棉」，但商品没有标注纤维成分"
}

test_lining_claim_needs_a_lining_statement if {
	lining := object.union(cotton, {"part": "里料", "text": "纯棉"})
	fs := findings([lining], stated([["聚酯纤维", 100]], 0, "attributes", "材质成分"))
	[f.message | some f in fs] == ["标题称「纯棉」，但商品没有标注里料纤维成分"]
}

test_pure_wool_tolerates_reinforcing_nylon if {
	wool := {"fiber": "羊毛", "form": "纯", "text": "纯羊毛", "part": "", "before": "", "after": "", "field": "title", "s": 0, "e": 9}
	count(findings([wool], stated([["羊毛", 95], ["聚酰胺纤维", 5]], 0, "attributes", "材质成分"))) == 0
	fs := findings([object.union(wool, {"form": "100%", "text": "100%羊毛"})], stated([["羊毛", 95], ["聚酰胺纤维", 5]], 0, "attributes", "材质成分"))
	[f.severity | some f in fs] == ["error"]
}

test_cashmere_may_hold_wool if {
	cashmere := {"fiber": "山羊绒", "form": "100%", "text": "100%山羊绒", "part": "", "before": "", "after": "", "field": "title", "s": 0, "e": 13}
	count(findings([cashmere], stated([["山羊绒", 95], ["羊毛", 5]], 0, "attributes", "材质成分"))) == 0
	fs := findings([cashmere], stated([["山羊绒", 90], ["羊毛", 10]], 0, "attributes", "材质成分"))
	[f.severity | some f in fs] == ["error"]
}

test_silk_claim_covers_mulberry_silk if {
	silk := {"fiber": "蚕丝", "form": "名称", "text": "真丝", "part": "", "before": "", "after": "连衣", "field": "title", "s": 0, "e": 6}
	count(findings([silk], stated([["桑蚕丝", 100]], 0, "attributes", "材质成分"))) == 0
	fs := findings([silk], stated([["桑蚕丝", 30], ["聚酯纤维", 70]], 0, "attributes", "材质成分"))
	[f.severity | some f in fs] == ["error"]
}

test_named_blend_contradicts_the_claim if {
	fs := findings([cotton], implied(["聚酯纤维", "棉"], 0))
	count(fs) == 1
	some f in fs
	f.severity == "error"
	f.message == "标题称「纯棉」，但面料为 聚酯纤维、棉，含聚酯纤维"
}

test_named_other_fibre_lacks_the_claimed_one if {
	fs := findings([cotton], implied(["聚酯纤维"], 0))
	[f.message | some f in fs] == ["标题称「纯棉」，但面料为 聚酯纤维，不含棉"]
}

test_fibre_without_figure_is_a_warning if {
	fs := findings([cotton], implied(["棉"], 0))
	[f.message | some f in fs] == ["标题称「纯棉」，但面料只写「棉」，没有标注含量"]
}

test_lower_bound_is_a_warning if {
	bound := [object.union(f, {"at_least": true}) | some f in stated([["棉", 96]], 0, "attributes", "主面料成分")]
	fs := findings([cotton], bound)
	[f.message | some f in fs] == ["标题称「纯棉」，但主面料成分只标注 棉≥96%，未说明其余成分"]
}

test_exempt_contexts if {
	count(findings([object.union(cotton, {"after": "质感"})], [])) == 0
	count(findings([object.union(cotton, {"before": "类似"})], [])) == 0
	count(findings([object.union(cotton, {"before": "不是"})], [])) == 0
}

test_two_fields_disagree if {
	composition := array.concat(
		stated([["棉", 100]], 0, "attributes", "材质成分"),
		stated([["棉", 60], ["聚酯纤维", 40]], 1, "description", "面料成分"),
	)
	fs := findings([], composition)
	count(fs) == 1
	some f in fs
	f.severity == "error"
	f.field == "description"
	f.message == "材质成分为 棉100%，但详情中的面料成分为 棉60% 聚酯纤维40%，两处成分不一致"
}

test_agreeing_and_partial_statements_do_not_conflict if {
	same := array.concat(
		stated([["棉", 95], ["聚氨酯弹性纤维", 5]], 0, "attributes", "材质成分"),
		stated([["棉", 95], ["聚氨酯弹性纤维", 5]], 1, "description", "成分"),
	)
	count(findings([], same)) == 0
	partial := array.concat(
		stated([["棉", 95], ["聚氨酯弹性纤维", 5]], 0, "attributes", "材质成分"),
		stated([["棉", 95]], 1, "attributes", "主面料成分"),
	)
	count(findings([], partial)) == 0
}

test_named_fibre_conflicts_with_complete_statement if {
	composition := array.concat(stated([["棉", 100]], 0, "attributes", "材质成分"), implied(["聚酯纤维"], 1))
	[f.message | some f in findings([], composition)] == ["材质成分为 棉100%，但面料为 聚酯纤维，两处成分不一致"]
}

test_other_parts_are_not_compared if {
	lining := [object.union(f, {"part": "里料"}) | some f in stated([["聚酯纤维", 100]], 1, "attributes", "里料")]
	composition := array.concat(stated([["棉", 100]], 0, "attributes", "材质成分"), lining)
	count(findings([cotton], composition)) == 0
}

# An unstated claim's suggestion names the claim's threshold, read
# without building it: every fibre and claim form of the table, and a
# form naming itself.
test_unstated_suggestion_names_the_threshold if {
	claims := [object.union(cotton, {"fiber": fiber, "form": form}) |
		some fiber, entry in data.tables.material.fiber_claims
		some form in {"纯", "全"} | object.keys(object.get(entry, "forms", {}))
	]
	count(claims) > 8
	every c in claims {
		unstated_suggestion(c) == unstated_suggestion_of(material_fiber.threshold(c).name, c)
	}
	named := object.union(data.tables.material.fiber_claims, {"棉": {"forms": {"100%": {"name": "百分百棉"}}}})
	c := object.union(cotton, {"form": "100%"})
	unstated_suggestion(c) == unstated_suggestion_of("百分百棉", c) with data.tables.material.fiber_claims as named
	material_fiber.threshold(c).name == "百分百棉" with data.tables.material.fiber_claims as named
}

unstated_suggestion(c) := s if {
	[f] := [f | some f in findings([c], [])]
	s := f.suggestion
}

unstated_suggestion_of(name, c) := sprintf("在属性「材质成分」中标注实测成分（如「%s100%%」）；没有检测依据时删去「%s」", [name, c.text])

# unbacked is the claims whose part no statement backs, with and without
# statements: the whole list when nothing is stated (titles), and the
# lining claim alone when only the main fabric is stated.
test_unbacked_are_the_claims_without_relevant_statements if {
	lining := object.union(cotton, {"part": "里料", "s": 20, "e": 26})
	fabric := stated([["棉", 100]], 0, "attributes", "材质成分")
	every composition in [[], fabric] {
		d := doc([cotton, lining], composition, 129)
		want := [c | some c in material_fiber.claims; count(material_fiber.relevant(c)) == 0] with input as d
		material_fiber.unbacked == want with input as d
	}
	material_fiber.unbacked == [cotton, lining] with input as doc([cotton, lining], [], 129)
	material_fiber.unbacked == [lining] with input as doc([cotton, lining], fabric, 129)
}
