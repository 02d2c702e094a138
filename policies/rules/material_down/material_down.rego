# METADATA
# title: material-down
# description: |
#   羽绒宣称对照商品标注的羽绒规格：称羽绒服/羽绒被而绒子含量低于 50%、填充物不是羽绒
#   （羽绒棉、羽丝绒）、文案里的绒子含量与属性不符、鸭绒/鹅绒互相矛盾、绒子含量超过
#   95%（100%鸭绒）为 error；文案写了含绒量却没有任何标注支撑、只有白/灰颜色矛盾为 warning。
# custom:
#   severity: error
#   basis: GB/T 14272-2021《羽绒服装》；GB/T 17685-2016《羽绒羽毛》；《中华人民共和国广告法》第二十八条
package xiaoer.rules.material_down

import data.xiaoer.lib

tables := data.tables.material.down

meta := {
	"id": "material-down",
	"title": "羽绒宣称不符",
	"severity": "error",
	"kinds": ["listing"],
	"description": "羽绒服、羽绒被的绒子含量、羽绒种类和填充物与文案宣称不符，或宣称没有标注支撑。",
	"basis": {
		"law": "GB/T 14272-2021《羽绒服装》；GB/T 17685-2016《羽绒羽毛》；《中华人民共和国广告法》第二十八条第二款第二项",
		"penalty": "《中华人民共和国消费者权益保护法》第五十五条第一款：价款三倍，不足五百元的为五百元",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "按吊牌和检测报告如实写明羽绒种类、绒子含量和充绒量，各处保持一致。",
	"exposure": {"punitive": true, "points": "misdescription_material"},
}

# needs: every finding starts from the down the attributes state, or from
# down claims in the copy that are not lone (below): two claims or more,
# or a share; a listing with none of these is skipped by the engine (see
# main.rego).
needs := {"facts": ["down", "down_pair", "down_content"]}

down := object.get(input, ["listing", "down"], {})

# findings are those judged (findings.rego, species.rego), unless the
# listing cannot have one (lone).
findings contains f if {
	not lone
	some f in judged
}

# lone: no down attributes and one claim in the copy, not a share: most
# listings that reach this rule (羽绒服 in a title). Every finding needs an
# attribute, a share, or two claims (羽绒服 and 羽绒棉; 鸭绒 and 鹅绒), so
# none is judged, and none of the claims' lists is built.
lone if {
	not input.listing.down
	raw := object.get(input, ["listing", "down_claims"], [])
	count(raw) == 1
	some c in raw
	c.kind != "content"
}

# claims are the down claims in the copy, minus exempt contexts (非羽绒棉,
# 羽绒服清洗剂).
claims := [c |
	some c in object.get(input, ["listing", "down_claims"], [])
	not exempt(c)
]

exempt(c) if tables.exempt_before[c.before]

exempt(c) if tables.exempt_before[last_char(c.before)]

exempt(c) if tables.exempt_after[c.after]

exempt(c) if tables.exempt_after[first_char(c.after)]

last_char(s) := substring(s, count(s) - 1, 1) if count(s) > 0

first_char(s) := substring(s, 0, 1) if count(s) > 0

garments := [c | some c in claims; c.kind == "garment"]

contents := [c | some c in claims; c.kind == "content"]

# attr_content is the 绒子含量 the attributes state, undefined when none.
attr_content := down.content_percent if down.content_percent > 0

attr_species := down.species if down.species != ""

attr_colour := down.colour if down.colour != ""

# backed: a share is backed by the attributes or by a labelled spec line
# in the description (含绒量：90%).
backed if attr_content

backed if {
	some c in contents
	c.labelled
	c.field == "description"
}

field_name(field) := object.get(data.tables.material.field_names, field, field)

attr_span(key) := object.get(down, ["spans", key], {"s": 0, "e": 0})

basis(b) := {
	"law": b.source,
	"penalty": meta.basis.penalty,
	"link": object.get(b, "link", meta.basis.link),
	"confirmed": b.confirmed,
	"note": object.get(b, "note", ""),
}

finding(b, hit) := lib.finding(object.union(meta, {"basis": basis(b)}), hit)
