package xiaoer.rules.material_down_test

import data.xiaoer.rules.material_down

doc(down, claims) := {"kind": "listing", "listing": {"price": {"amount": 599}, "fields": {}, "down": down, "down_claims": claims}}

findings(down, claims) := fs if {
	fs := material_down.findings with input as doc(down, claims)
}

claim(kind, text, extra) := object.union(
	{
		"kind": kind, "text": text, "percent": 0, "at_least": false, "grams": 0, "species": "", "colour": "",
		"name": "", "labelled": false, "before": "", "after": "", "field": "title", "s": 0, "e": 9,
	},
	extra,
)

jacket := claim("garment", "羽绒服", {"name": "羽绒服"})

duck90 := {
	"species": "鸭", "colour": "白", "content_percent": 90, "content_at_least": false, "fill_grams": 150,
	"filling": "白鸭绒", "filling_name": "鸭绒", "field": "attributes",
	"spans": {"content": {"s": 20, "e": 23}, "filling": {"s": 5, "e": 14}},
}

test_consistent_listing_has_no_findings if {
	claims := [jacket, claim("content", "90%白鸭绒", {"percent": 90, "species": "鸭", "colour": "白", "s": 9, "e": 21})]
	count(findings(duck90, claims)) == 0
}

test_low_content_jacket_is_an_error if {
	fs := findings(object.union(duck90, {"content_percent": 30}), [jacket])
	[f.message | some f in fs] == ["标题称「羽绒服」，但属性中的绒子含量为 30%，低于 50%：绒子含量不足 50% 的不能称羽绒制品"]
	some f in fs
	f.severity == "error"
	f.basis.confirmed == true
	f.exposure.punitive_cny == 1797
}

test_low_content_in_copy_is_an_error if {
	fs := findings({}, [jacket, claim("content", "含绒量30%", {"percent": 30, "labelled": true, "field": "description"})])
	some f in fs
	f.severity == "error"
	contains(f.message, "详情「含绒量30%」为 30%")
}

test_copy_share_differs_from_attribute if {
	fs := findings(duck90, [claim("content", "95白鸭绒", {"percent": 95, "species": "鸭", "colour": "白"})])
	[f.message | some f in fs] == ["标题写「95白鸭绒」（绒子含量 95%），但属性中的绒子含量为 90%"]
}

test_claim_above_a_lower_bound_agrees if {
	bound := object.union(duck90, {"content_at_least": true})
	count(findings(bound, [claim("content", "95%白鸭绒", {"percent": 95, "species": "鸭", "colour": "白"})])) == 0
	fs := findings(bound, [claim("content", "80%白鸭绒", {"percent": 80, "species": "鸭", "colour": "白"})])
	count(fs) == 1
}

test_hundred_percent_down_is_an_error if {
	fs := findings({}, [claim("content", "100%鸭绒", {"percent": 100, "species": "鸭"})])
	[f.severity | some f in fs] == ["error"]
	some f in fs
	contains(f.message, "超过 95%")
	f.basis.confirmed == false
}

test_unbacked_share_is_a_warning if {
	fs := findings({}, [claim("content", "90%白鸭绒", {"percent": 90, "species": "鸭", "colour": "白"})])
	[f.severity | some f in fs] == ["warning"]
	some f in fs
	f.message == "标题写「90%白鸭绒」，但商品属性没有标注绒子含量"
}

test_spec_line_in_description_backs_the_title if {
	claims := [
		claim("content", "90%白鸭绒", {"percent": 90, "species": "鸭", "colour": "白"}),
		claim("content", "含绒量：90%", {"percent": 90, "labelled": true, "field": "description"}),
	]
	count(findings({}, claims)) == 0
}

test_copy_shares_disagree_without_attribute if {
	claims := [
		claim("content", "95%白鹅绒", {"percent": 95, "species": "鹅", "colour": "白"}),
		claim("content", "含绒量：90%", {"percent": 90, "labelled": true, "field": "description"}),
	]
	[f.message | some f in findings({}, claims)] == ["详情写「含绒量：90%」，但标题写「95%白鹅绒」，绒子含量前后不一致"]
}

test_goose_claim_over_duck_attribute if {
	fs := findings(duck90, [claim("species", "白鹅绒", {"species": "鹅", "colour": "白"})])
	[f.message | some f in fs] == ["标题写「白鹅绒」（鹅绒），但属性填充物为「白鸭绒」（鸭绒）"]
	some f in fs
	f.severity == "error"
}

test_species_conflict_in_copy if {
	claims := [claim("garment", "鹅绒服", {"name": "鹅绒服", "species": "鹅"}), claim("species", "鸭绒", {"species": "鸭", "field": "description"})]
	fs := findings({}, claims)
	[f.severity | some f in fs] == ["error"]
}

test_sku_variants_may_differ if {
	claims := [
		claim("species", "白鸭绒款", {"species": "鸭", "colour": "白", "field": "skus"}),
		claim("species", "白鹅绒款", {"species": "鹅", "colour": "白", "field": "skus"}),
	]
	count(findings({}, claims)) == 0
}

test_colour_conflict_is_a_warning if {
	fs := findings(duck90, [claim("species", "灰鸭绒", {"species": "鸭", "colour": "灰"})])
	[f.severity | some f in fs] == ["warning"]
	some f in fs
	f.basis.confirmed == false
}

test_synthetic_filling_called_down_jacket if {
	synthetic := {"species": "", "colour": "", "content_percent": 0, "fill_grams": 0, "filling": "羽绒棉", "filling_name": "羽绒棉", "field": "attributes", "spans": {"filling": {"s": 5, "e": 14}}}
	fs := findings(synthetic, [jacket])
	[f.message | some f in fs] == ["标题称「羽绒服」，但属性填充物为「羽绒棉」：羽绒棉是化纤仿羽绒填充，不是羽绒"]
}

test_synthetic_mention_in_copy if {
	fs := findings({}, [jacket, claim("filling", "羽丝绒", {"name": "羽丝绒", "field": "description"})])
	[f.severity | some f in fs] == ["error"]
}

test_synthetic_garment_name_is_not_a_down_claim if {
	# 羽绒棉服 yields a filling mention but no garment claim.
	count(findings({}, [claim("filling", "羽绒棉", {"name": "羽绒棉"})])) == 0
}

test_negated_synthetic_mention if {
	claims := [jacket, claim("filling", "羽绒棉", {"name": "羽绒棉", "before": " 非"})]
	count(findings(duck90, claims)) == 0
}

test_attribute_down_outweighs_a_small_part if {
	claims := [jacket, claim("filling", "羽丝绒", {"name": "羽丝绒", "field": "description"})]
	count(findings(duck90, claims)) == 0
}

test_attribute_above_max if {
	fs := findings(object.union(duck90, {"content_percent": 98}), [])
	some f in fs
	f.field == "attributes"
	f.span == {"start": 20, "end": 23}
}

# bare is a listing without down attributes (titles have none).
bare(claims) := {"kind": "listing", "listing": {"price": {"amount": 599}, "fields": {}, "down_claims": claims}}

# One claim that is no share, and no attributes: lone, nothing is judged.
test_lone_claim_is_not_judged if {
	material_down.lone with input as bare([jacket])
	count(material_down.findings) == 0 with input as bare([jacket])
	material_down.lone with input as bare([claim("filling", "羽绒棉", {"name": "羽绒棉"})])
}

# A share alone, two claims, or attributes are judged.
test_not_lone_is_judged if {
	share := claim("content", "90%白鸭绒", {"percent": 90, "species": "鸭", "colour": "白"})
	not material_down.lone with input as bare([share])
	[f.severity | some f in material_down.findings] == ["warning"] with input as bare([share])

	duck := claim("species", "鸭绒", {"species": "鸭"})
	goose := claim("species", "鹅绒", {"species": "鹅", "s": 12, "e": 18})
	not material_down.lone with input as bare([duck, goose])
	count(material_down.findings) == 1 with input as bare([duck, goose])

	not material_down.lone with input as doc(object.union(duck90, {"content_percent": 30}), [jacket])
}
