# material-down, part 3: duck against goose (error) and white against grey
# (warning: GB/T 14272-2021 no longer requires the colour, but a colour
# that is written must be true).
package xiaoer.rules.material_down

species_claims := [c | some c in claims; c.species != ""]

colour_claims := [c | some c in claims; c.colour != ""]

species_name := {"鸭": "鸭绒", "鹅": "鹅绒"}

judged contains f if {
	ref := attr_species
	some c in species_claims
	c.species != ref
	f := finding(tables.labelling, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("%s写「%s」（%s），但属性填充物为「%s」（%s）", [field_name(c.field), c.text, species_name[c.species], down.filling, species_name[ref]]),
		"suggestion": sprintf("按实际填充物改为「%s」", [species_name[ref]]),
		"details": {"claimed": c.species, "attribute": ref},
	})
}

judged contains f if {
	not attr_species
	ref := species_claims[0]
	some c in species_claims
	c.species != ref.species
	not variants(c, ref)
	f := finding(tables.labelling, {
		"field": c.field, "s": c.s, "e": c.e,
		"message": sprintf("%s写「%s」，但%s写「%s」，鸭绒、鹅绒说法矛盾", [field_name(c.field), c.text, field_name(ref.field), ref.text]),
		"suggestion": "按实际填充物统一写鸭绒或鹅绒，并在属性「填充物」中标注",
		"details": {"first": ref.species, "second": c.species},
	})
}

judged contains f if {
	ref := attr_colour
	some c in colour_claims
	c.colour != ref
	same_species(c)
	f := finding(tables.colour, {
		"field": c.field, "s": c.s, "e": c.e, "severity": "warning",
		"message": sprintf("%s写「%s」（%s色），但属性填充物为「%s」（%s色）", [field_name(c.field), c.text, c.colour, down.filling, ref]),
		"suggestion": "改为与属性一致的颜色，或不写颜色只写羽绒种类",
		"details": {"claimed": c.colour, "attribute": ref},
	})
}

judged contains f if {
	not attr_colour
	ref := colour_claims[0]
	some c in colour_claims
	c.colour != ref.colour
	c.species == ref.species
	not variants(c, ref)
	f := finding(tables.colour, {
		"field": c.field, "s": c.s, "e": c.e, "severity": "warning",
		"message": sprintf("%s写「%s」，但%s写「%s」，羽绒颜色前后不一致", [field_name(c.field), c.text, field_name(ref.field), ref.text]),
		"suggestion": "统一羽绒颜色，或不写颜色只写羽绒种类",
		"details": {"first": ref.colour, "second": c.colour},
	})
}

# same_species: a colour conflict counts only when the species agree (a
# species conflict is already an error).
same_species(_) if not attr_species

same_species(c) if c.species == ""

same_species(c) if c.species == attr_species
