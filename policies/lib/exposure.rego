# Exposure: What a finding can cost, from the data tables in tables.exposure:
# the buyer's punitive claim from the listing price, the administrative fine
# range, platform compensation and shop points. Each part names its basis,
# and unconfirmed figures say so. A rule asks for parts in meta.exposure:
# {"punitive": true, "fine": "ad_law_57", "points": "breach_promise"};
# a hit may add "platform_cny" (computed by the rule) with "platform_basis".
package xiaoer.lib

import data.tables.exposure as exposure_tables

# tables are the exposure tables, for policies that read them here; the
# rules below name them through the import, as a reference to this rule
# is one more rule to evaluate in every evaluation with a finding.
tables := data.tables.exposure

# exposure is the money and points a finding risks. The helpers take the
# rule's meta.exposure, not the whole meta: OPA hashes a function's
# arguments on every call, and meta carries the rule's long texts. Of the
# hit they read only its platform figures: given those alone, every
# finding of a rule without them asks exposure_of the same question, and
# OPA answers it once per evaluation.
exposure(meta, hit) := exposure_of(object.get(meta, "exposure", {}), object.filter(hit, platform_keys))

# platform_keys are written out in finding (finding.rego) too.
platform_keys := {"platform_cny", "platform_basis", "platform_confirmed"}

# exposure_of a rule that asks for no part (shipment rules: the platform's
# compensation comes with each hit) is the hit's figure alone: the same
# object as the general case below gives, in a fraction of its steps, for
# one finding per order.
exposure_of(x, hit) := {
	"punitive_cny": 0,
	"platform_cny": object.get(hit, "platform_cny", 0),
	"fine_cny": [0, 0],
	"points": 0,
	"basis": [b | b := object.get(hit, "platform_basis", ""); b != ""],
	"confirmed": object.get(hit, "platform_confirmed", true) != false,
} if {
	x == {}
	not exposure_tables.fines[""]
	not exposure_tables.points[""]
}

# A rule with a fine and no points, or points and no fine (the usual
# shapes), and a hit without platform figures: the general case below
# read straight off the one table entry and the listing's punitive claim
# (worked out once per evaluation), without a call or a comprehension:
# every step counts, as each finding of a listing takes them. Where an
# entry lacks a field or has an empty basis, or meta.exposure.punitive is
# neither true nor absent, the general case is taken, as it is for every
# other shape.
else := {
	"punitive_cny": p.cny,
	"platform_cny": 0,
	"fine_cny": [f.min, f.max],
	"points": 0,
	"basis": array.concat(p.basis, [basis]),
	"confirmed": f.confirmed != false,
} if {
	hit == {}
	f := exposure_tables.fines[x.fine]
	not x.points
	not exposure_tables.points[object.get(x, "points", "")].confirmed == false
	basis := f.basis
	basis != ""
	p := punitive_part[object.get(x, "punitive", false)]
}

else := {
	"punitive_cny": p.cny,
	"platform_cny": 0,
	"fine_cny": [0, 0],
	"points": q.points,
	"basis": array.concat(p.basis, [basis]),
	"confirmed": q.confirmed != false,
} if {
	hit == {}
	q := exposure_tables.points[x.points]
	not x.fine
	not exposure_tables.fines[object.get(x, "fine", "")].confirmed == false
	basis := q.basis
	basis != ""
	p := punitive_part[object.get(x, "punitive", false)]
}

else := {
	"punitive_cny": punitive_cny(x),
	"platform_cny": object.get(hit, "platform_cny", 0),
	"fine_cny": fine_range(x),
	"points": points(x),
	"basis": [b |
		some b in [punitive_basis(x), fine_basis(x), points_basis(x), object.get(hit, "platform_basis", "")]
		b != ""
	],
	"confirmed": exposure_confirmed(x, hit),
}

# price is the listing's highest price, 0 when the listing states none
# (one lookup along the path: each object.get is a step).
price := object.get(input, ["listing", "price", "amount"], 0)

# punitive_kind is food for food categories (食品安全法), consumer otherwise.
punitive_kind := "food" if {
	# most listings (every title) have no category: no word to look for
	category := input.listing.category
	category != ""
	some word in exposure_tables.food_categories
	contains(category, word)
} else := "consumer"

# punitive is the buyer's punitive claim on this listing at its price,
# with its basis as a list: one entry when the claim is above zero (and
# the basis not empty), none otherwise. The same for every finding of the
# evaluation, so worked out once.
punitive := {"cny": cny, "basis": [b | b := rule.basis; cny > 0; b != ""]} if {
	input.kind == "listing"
	rule := exposure_tables.punitive[punitive_kind]
	cny := max([price * rule.multiplier, rule.minimum])
} else := {"cny": 0, "basis": []}

# punitive_part is the punitive claim a rule's meta.exposure asks for, by
# its punitive field: true (the claim) or false/absent (none). Two rules,
# not one object: the claim is worked out only when a rule asks for it.
punitive_part[true] := punitive

punitive_part[false] := {"cny": 0, "basis": []}

# punitive_cny and punitive_basis are the parts of punitive the general
# case reads, when the rule asks for it.
punitive_cny(x) := punitive.cny if object.get(x, "punitive", false) else := 0

fine_range(x) := [f.min, f.max] if {
	f := exposure_tables.fines[x.fine]
} else := [0, 0]

points(x) := exposure_tables.points[x.points].points if {
	x.points
} else := 0

punitive_basis(x) := punitive.basis[0] if object.get(x, "punitive", false) else := ""

fine_basis(x) := exposure_tables.fines[x.fine].basis if {
	x.fine
} else := ""

points_basis(x) := exposure_tables.points[x.points].basis if {
	x.points
} else := ""

# exposure_confirmed is false when any figure used rests on an unconfirmed source.
exposure_confirmed(x, hit) := false if {
	object.get(hit, "platform_confirmed", true) == false
} else := false if {
	object.get(exposure_tables.fines, [object.get(x, "fine", ""), "confirmed"], true) == false
} else := false if {
	object.get(exposure_tables.points, [object.get(x, "points", ""), "confirmed"], true) == false
} else := true
