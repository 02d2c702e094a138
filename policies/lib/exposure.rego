# Exposure: What a finding can cost, from the data tables in tables.exposure:
# the buyer's punitive claim from the listing price, the administrative fine
# range, platform compensation and shop points. Each part names its basis,
# and unconfirmed figures say so. A rule asks for parts in meta.exposure:
# {"punitive": true, "fine": "ad_law_57", "points": "breach_promise"};
# a hit may add "platform_cny" (computed by the rule) with "platform_basis".
package xiaoer.lib

tables := data.tables.exposure

exposure(meta, hit) := {
	"punitive_cny": punitive_cny(meta),
	"platform_cny": object.get(hit, "platform_cny", 0),
	"fine_cny": fine_range(meta),
	"points": points(meta),
	"basis": [b |
		some b in [punitive_basis(meta), fine_basis(meta), points_basis(meta), object.get(hit, "platform_basis", "")]
		b != ""
	],
	"confirmed": exposure_confirmed(meta, hit),
}

# price is the listing's highest price, 0 when the listing states none.
price := object.get(object.get(input, ["listing", "price"], {}), "amount", 0)

# punitive_kind is food for food categories (食品安全法), consumer otherwise.
punitive_kind := "food" if {
	category := object.get(input, ["listing", "category"], "")
	some word in tables.food_categories
	contains(category, word)
} else := "consumer"

punitive_cny(meta) := max([price * rule.multiplier, rule.minimum]) if {
	object.get(meta, ["exposure", "punitive"], false)
	input.kind == "listing"
	rule := tables.punitive[punitive_kind]
} else := 0

fine_range(meta) := [f.min, f.max] if {
	f := tables.fines[meta.exposure.fine]
} else := [0, 0]

points(meta) := tables.points[meta.exposure.points].points if {
	meta.exposure.points
} else := 0

punitive_basis(meta) := tables.punitive[punitive_kind].basis if punitive_cny(meta) > 0 else := ""

fine_basis(meta) := tables.fines[meta.exposure.fine].basis if {
	meta.exposure.fine
} else := ""

points_basis(meta) := tables.points[meta.exposure.points].basis if {
	meta.exposure.points
} else := ""

# exposure_confirmed is false when any figure used rests on an unconfirmed source.
exposure_confirmed(meta, hit) := false if {
	object.get(hit, "platform_confirmed", true) == false
} else := false if {
	object.get(tables.fines, [object.get(meta, ["exposure", "fine"], ""), "confirmed"], true) == false
} else := false if {
	object.get(tables.points, [object.get(meta, ["exposure", "points"], ""), "confirmed"], true) == false
} else := true
