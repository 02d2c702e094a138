# material-down, part 2: the findings. Each one points at the claim in the
# copy (or at the attribute when the attribute alone is wrong).
package xiaoer.rules.material_down

max_content := tables.max_content.percent

tolerance := tables.tolerance.percent

# content_sources are every stated share: the attribute first, then the copy.
content_sources := array.concat(attr_sources, [{"percent": c.percent, "where": sprintf("%s「%s」", [field_name(c.field), c.text])} |
	some c in contents
])

attr_sources := [{"percent": down.content_percent, "where": "属性中的绒子含量"}] if attr_content

else := []

# 羽绒服 whose down is under 50%.
judged contains f if {
	g := garments[0]
	low := [s | some s in content_sources; s.percent < tables.min_content.percent]
	s := low[0]
	f := finding(tables.min_content, {
		"field": g.field, "s": g.s, "e": g.e,
		"message": sprintf("%s称「%s」，但%s为 %v%%，低于 %v%%：绒子含量不足 %v%% 的不能称羽绒制品", [field_name(g.field), g.text, s.where, s.percent, tables.min_content.percent, tables.min_content.percent]),
		"suggestion": "绒子含量不足50%时不要称「羽绒服」「羽绒被」（可称「羽毛服」「棉服」）；或改用绒子含量50%以上的羽绒并如实标注",
		"details": {"garment": g.text, "content_percent": s.percent},
	})
}

# 羽绒服 filled with something that is not down (羽绒棉, 羽丝绒, 聚酯纤维).
judged contains f if {
	g := garments[0]
	x := sort([y | some y in non_down])[0]
	f := finding(tables.garment, {
		"field": g.field, "s": g.s, "e": g.e,
		"message": sprintf("%s称「%s」，但%s：%s是%s，不是羽绒", [field_name(g.field), g.text, x.where, x.name, x.kind]),
		"suggestion": sprintf("不要称「%s」，如实写明填充物「%s」", [g.text, x.name]),
		"details": {"garment": g.text, "filling": x.name},
	})
}

non_down contains x if {
	entry := tables.fillings[down.filling_name]
	entry.down == false
	x := {"name": down.filling_name, "where": sprintf("属性填充物为「%s」", [down.filling]), "kind": entry.kind}
}

non_down contains x if {
	not attribute_is_down
	some c in claims
	c.kind == "filling"
	entry := tables.fillings[c.name]
	entry.down == false
	x := {"name": c.name, "where": sprintf("%s写「%s」", [field_name(c.field), c.text]), "kind": entry.kind}
}

attribute_is_down if tables.fillings[down.filling_name].down == true

# A share above what down can reach (100%鸭绒).
judged contains f if {
	some c in contents
	c.percent > max_content
	f := finding(tables.max_content, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("%s写「%s」：绒子含量 %v%% 超过 %v%%，羽绒做不到", [field_name(c.field), c.text, c.percent, max_content]),
		"suggestion": "按检测报告写实际绒子含量（如「90%白鸭绒」），不要写「100%」",
		"details": {"content_percent": c.percent},
	})
}

judged contains f if {
	attr_content > max_content
	sp := attr_span("content")
	f := finding(tables.max_content, {
		"field": "attributes", "s": sp.s, "e": sp.e,
		"message": sprintf("属性中的绒子含量为 %v%%，超过 %v%%，羽绒做不到", [attr_content, max_content]),
		"suggestion": "按检测报告填写实际绒子含量",
		"details": {"content_percent": attr_content},
	})
}

# A share in the copy that differs from the attribute.
judged contains f if {
	ac := attr_content
	some c in contents
	c.percent <= max_content
	disagrees(c, ac)
	f := finding(tables.tolerance, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("%s写「%s」（绒子含量 %v%%），但属性中的绒子含量为 %v%%", [field_name(c.field), c.text, c.percent, ac]),
		"suggestion": sprintf("把「%s」改为与属性一致的 %v%%，或按检测报告更正属性", [c.text, ac]),
		"details": {"claimed": c.percent, "attribute": ac},
	})
}

disagrees(c, ac) if {
	not down.content_at_least
	not c.at_least
	abs(c.percent - ac) > tolerance
}

disagrees(c, ac) if {
	down.content_at_least
	c.percent < ac - tolerance
}

disagrees(c, ac) if {
	c.at_least
	not down.content_at_least
	c.percent > ac + tolerance
}

# With no attribute, shares in the copy that differ from the first one.
judged contains f if {
	not attr_content
	ref := contents[0]
	ref.percent <= max_content
	some i, c in contents
	i > 0
	c.percent <= max_content
	abs(c.percent - ref.percent) > tolerance
	not variants(c, ref)
	f := finding(tables.tolerance, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("%s写「%s」，但%s写「%s」，绒子含量前后不一致", [field_name(c.field), c.text, field_name(ref.field), ref.text]),
		"suggestion": "按检测报告统一绒子含量，并在属性中标注",
		"details": {"first": ref.percent, "second": c.percent},
	})
}

# variants: two SKU names may describe two versions of the item.
variants(a, b) if {
	a.field == "skus"
	b.field == "skus"
}

# A share nothing on the listing backs.
judged contains f if {
	not backed
	some c in contents
	c.percent <= max_content
	f := finding(tables.labelling, {
		"field": c.field, "s": c.s, "e": c.e, "severity": "warning",
		"message": sprintf("%s写「%s」，但商品属性没有标注绒子含量", [field_name(c.field), c.text]),
		"suggestion": "在属性中标注羽绒种类、绒子含量和充绒量（如「白鸭绒」「含绒量90%」「充绒量150g」），与文案一致",
		"details": {"claimed": c.percent},
	})
}
