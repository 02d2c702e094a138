# material-fiber, part 3: how a claim fares against a statement, with the
# message, the suggestion and the basis of each outcome.
package xiaoer.rules.material_fiber

import data.tables.material as tables

# grade: below the platform threshold is an error.
grade(c, th, st, sh) := {
	"severity": "error",
	"message": sprintf("%s称「%s」，但%s为 %s（%s）", [field_name(c.field), c.text, source_name(st), st.display, shortfall(th, sh)]),
	"suggestion": blend_suggestion(c, th, st, sh),
	"basis": threshold_basis(th.error_below),
} if {
	sh < th.error_below.percent
}

shortfall(th, 0) := sprintf("不含%s", [th.name])

shortfall(th, sh) := sprintf("%s %v%%，低于 %v%%", [th.name, sh, th.error_below.percent]) if sh > 0

# grade: above the threshold but with more than the 0.5% trace of other
# fibres GB/T 29862 §7.5 lets a label leave out is a warning.
grade(c, th, st, sh) := {
	"severity": "warning",
	"message": trace_message(c, st, sh, allowed(st, th)),
	"suggestion": trace_suggestion(c, th, st),
	"basis": threshold_basis(th.warn_below),
} if {
	sh >= th.error_below.percent
	sh + allowed(st, th) < th.warn_below.percent
}

trace_message(c, st, _, _) := msg if {
	st.at_least
	msg := sprintf("%s称「%s」，但%s只标注 %s，未说明其余成分", [field_name(c.field), c.text, source_name(st), st.display])
}

trace_message(c, st, sh, ok) := msg if {
	not st.at_least
	rest := round(((100 - sh) - ok) * 10) / 10
	msg := sprintf("%s称「%s」，但%s为 %s：其他纤维共 %v%%，超过 GB/T 29862 可不计的 0.5%% 微量", [field_name(c.field), c.text, source_name(st), st.display, rest])
}

trace_suggestion(c, th, st) := sprintf("在%s中标注准确含量（如「%s100%%」）；达不到时删去「%s」", [source_name(st), th.name, c.text]) if st.at_least

trace_suggestion(c, _, st) := sprintf("标注实际成分「%s」或删去「%s」；其他纤维合计不超过0.5%%时才可标「含微量」", [st.display, c.text]) if not st.at_least

blend_suggestion(c, th, _, sh) := sprintf("改为「%s」或标注实际成分「%v%%%s」，删去「%s」", [th.blend_name, sh, th.name, c.text]) if sh > 0

blend_suggestion(c, _, st, 0) := sprintf("删去「%s」，按实际成分标注「%s」", [c.text, st.display])

# implied_grade: a part that names other fibres (面料: 涤棉) contradicts
# the claim; one that names only the claimed fibre (面料: 棉) lacks a figure.
implied_grade(c, th, st) := {
	"severity": "error",
	"message": sprintf("%s称「%s」，但%s为 %s，%s", [field_name(c.field), c.text, source_name(st), st.display, implied_gap(th, st, others)]),
	"suggestion": sprintf("删去「%s」，改为「%s」或按实际成分标注", [c.text, th.blend_name]),
	"basis": conflict_basis,
} if {
	others := [fib |
		some fib in object.keys(st.shares)
		not th.group[fib]
		not object.get(th, ["rest_allowed", fib], false)
	]
	count(others) > 0
}

implied_grade(c, th, st) := {
	"severity": "warning",
	"message": sprintf("%s称「%s」，但%s只写「%s」，没有标注含量", [field_name(c.field), c.text, source_name(st), st.display]),
	"suggestion": sprintf("在%s中标注含量，如「%s100%%」", [source_name(st), th.name]),
	"basis": unstated_basis,
} if {
	every fib in object.keys(st.shares) {
		fiber_allowed(th, fib)
	}
}

# implied_gap says what the named fibres lack: the claimed fibre itself, or
# purity (含聚酯纤维).
implied_gap(th, st, _) := sprintf("不含%s", [th.name]) if {
	not claimed_named(th, st)
}

implied_gap(th, st, others) := sprintf("含%s", [concat("、", others)]) if {
	claimed_named(th, st)
}

claimed_named(th, st) if {
	some fib in object.keys(st.shares)
	th.group[fib]
}

fiber_allowed(th, fib) if th.group[fib]

fiber_allowed(th, fib) if object.get(th, ["rest_allowed", fib], false)

threshold_basis(t) := {
	"law": t.source,
	"penalty": meta.basis.penalty,
	"link": object.get(t, "link", tables.trace.link),
	"confirmed": t.confirmed,
	"note": object.get(t, "note", ""),
}

unstated_basis := {
	"law": tables.unstated.source,
	"penalty": meta.basis.penalty,
	"link": tables.unstated.link,
	"confirmed": tables.unstated.confirmed,
}

conflict_basis := {
	"law": tables.conflict.source,
	"penalty": meta.basis.penalty,
	"link": tables.conflict.link,
	"confirmed": tables.conflict.confirmed,
}
