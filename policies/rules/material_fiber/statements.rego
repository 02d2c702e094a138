# material-fiber, part 2: groups input.listing.composition into statements
# (the fibres stated together for one part, such as 棉95% 聚氨酯弹性纤维5%)
# and compares them with claims and with each other.
package xiaoer.rules.material_fiber

import data.tables.material as tables

# statement_ids are the composition statements, each once (a statement's
# members are worked out once, not once per fibre in it).
statement_ids := {f.statement | some f in fibres}

# statements maps a statement number to its fibres' shares, where it was
# stated and how to show it in a message. xiaoer.fiber_statements
# (policies/fiberbuiltin.go) groups a well-formed composition in one step,
# as the comprehension below does; it is undefined for anything else,
# which the comprehension then groups. It reads the composition by
# reference, not through fibres' object.get: a call less each listing (a
# listing without one has no statements all the same, by the
# comprehension).
statements := grouped if {
	grouped := xiaoer.fiber_statements(input.listing.composition)
} else := {id: st |
	some id in statement_ids
	members := [g | some g in fibres; g.statement == id]
	st := statement(id, members)
}

# statement is statement id of its members. Most statements name one
# fibre (聚酯纤维100%): its share is the total and its span the
# statement's, read off at once; every comprehension of the general case
# is a few steps per member, and exports state several such lines per
# listing.
statement(id, [f]) := {
	"id": id, "field": f.field, "part": f.part, "label": f.label, "implied": f.implied,
	"at_least": any_at_least([f]),
	"shares": {f.fiber: total},
	"total": total,
	"display": single_display(f),
	"s": f.s,
	"e": f.e,
} if {
	total := sum([f.percent])
}

statement(id, members) := {
	"id": id, "field": f.field, "part": f.part, "label": f.label, "implied": f.implied,
	"at_least": any_at_least(members),
	"shares": {fib: sum([g.percent | some g in members; g.fiber == fib]) | some m in members; fib := m.fiber},
	"total": sum([g.percent | some g in members]),
	"display": display(members, f.implied),
	"s": min([g.s | some g in members]),
	"e": max([g.e | some g in members]),
} if {
	count(members) > 1
	f := members[0]
}

any_at_least(members) if {
	some g in members
	g.at_least
} else := false

display(members, true) := concat("、", [g.fiber | some g in members])

display(members, false) := concat(" ", [fiber_text(g) | some g in members])

# single_display is display([f], f.implied) without the list: the fibre's
# name, or its text with the share.
single_display(f) := f.fiber if {
	f.implied == true
} else := fiber_text(f) if {
	f.implied == false
}

# fiber_text, single_display and part_class are else chains: the bodies
# of a function with several are all entered at every call, where the
# else is taken only when the first fails.
fiber_text(g) := sprintf("%s≥%v%%", [g.fiber, g.percent]) if {
	g.at_least
} else := sprintf("%s%v%%", [g.fiber, g.percent])

# part_class puts the unnamed part with the main fabric.
part_class(part) := "面料" if {
	part in {"", "面料"}
} else := part

# relevant are the statements about the part a claim is about.
relevant(c) := [s | some s in statements; part_class(s.part) == part_class(c.part)]

# stated are the relevant statements with figures: exact ones when there
# are any, else lower bounds (96%及以上).
stated(c) := exact if {
	exact := [s | some s in relevant(c); not s.implied; not s.at_least]
	count(exact) > 0
} else := [s | some s in relevant(c); not s.implied]

# share is the claimed fibre's share of a statement.
share(st, th) := sum([p | some fib, p in st.shares; th.group[fib]])

# allowed is the share of fibres the claim tolerates (wool beside cashmere).
allowed(st, th) := sum([p | some fib, p in st.shares; object.get(th, ["rest_allowed", fib], false)])

source_name(st) := st.label if {
	st.field == "attributes"
	st.label != ""
} else := sprintf("%s中的%s", [field_name(st.field), st.label]) if {
	st.label != ""
} else := sprintf("%s中的成分", [field_name(st.field)])

complete(st) if st.total >= tables.trace.percent

# conflicting: two statements with figures disagree on a fibre both give,
# or one gives a fibre the other, complete, leaves out.
conflicting(a, b) if {
	not a.implied
	not b.implied
	not a.at_least
	not b.at_least
	named := object.keys(a.shares) | object.keys(b.shares)
	some fib in named
	abs(object.get(a.shares, fib, 0) - object.get(b.shares, fib, 0)) > tables.conflict.tolerance
	covers(a, b, fib)
}

# A statement that only names fibres conflicts with a complete one that
# lacks one of them (面料: 涤棉 against 棉100%).
conflicting(a, b) if {
	a.implied
	not b.implied
	not b.at_least
	complete(b)
	some fib in object.keys(a.shares)
	not b.shares[fib]
}

conflicting(a, b) if {
	b.implied
	not a.implied
	not a.at_least
	complete(a)
	some fib in object.keys(b.shares)
	not a.shares[fib]
}

covers(a, b, fib) if {
	a.shares[fib]
	b.shares[fib]
}

covers(a, _, fib) if {
	not a.shares[fib]
	complete(a)
}

covers(_, b, fib) if {
	not b.shares[fib]
	complete(b)
}
