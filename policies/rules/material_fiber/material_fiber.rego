# METADATA
# title: material-fiber
# description: |
#   纯棉、全棉、100%棉、纯羊毛、纯羊绒、真丝、桑蚕丝、纯麻、纯亚麻等纯纤维宣称，
#   对照商品自己标注的纤维成分：低于门槛为 error，介于门槛与 99.5%（GB/T 29862
#   第7.5条的 0.5% 微量）之间为 warning，没有任何成分标注为 warning；两处标注的
#   成分不一致为 error。门槛在 data.tables.material.fiber_claims，各注明来源与是否核实。
# custom:
#   severity: error
#   basis: GB/T 29862-2013；《中华人民共和国广告法》第二十八条；《中华人民共和国消费者权益保护法》第五十五条
package xiaoer.rules.material_fiber

import data.tables.material as tables
import data.xiaoer.lib

# tables (data.tables.material) is an import, not a rule: a rule that
# names the table is evaluated once in every evaluation that reads it
# (about 14k instructions of every listing that reaches the rule), where
# an imported reference is read from the store in place.

meta := {
	"id": "material-fiber",
	"title": "纤维成分宣称不符",
	"severity": "error",
	"kinds": ["listing"],
	"description": "「纯棉」「100%羊毛」「真丝」等纯纤维宣称与标注的纤维成分不符、没有成分标注，或各处标注的成分不一致。",
	"basis": {
		"law": "GB/T 29862-2013《纺织品 纤维含量的标识》；《中华人民共和国广告法》第二十八条第二款第二项",
		"penalty": "《中华人民共和国消费者权益保护法》第五十五条第一款：价款三倍，不足五百元的为五百元",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "按实测成分标注（如「棉95% 聚氨酯弹性纤维5%」），删去与成分不符的「纯」「全」「100%」。",
	"exposure": {"punitive": true, "points": "misdescription_material"},
}

# needs: every finding starts from a fibre claim, or from two composition
# statements that disagree, which give some fibre other shares (conflicting,
# with a tolerance of 0 or more: judgments.rego); a listing with neither is
# skipped by the engine (see main.rego).
needs := {"facts": ["fiber_claims", "statements_differ"]}

fibres := object.get(input, ["listing", "composition"], [])

# claims are the fibre claims in the copy, minus those whose context the
# data exempts (仿真丝 is caught in Go; 纯棉感, 含真丝 here): the two
# characters before the claim, or the one next to it, are an exempting
# word (仿, 类似); so are those after it (感, 手感). The characters are cut
# in place and looked up here, not in a helper (every claim of every
# listing asks all four: a call with four bodies cost more than the
# lookups); an empty side cuts to "", as the two-character lookup has it.
# The character next to the claim before it is the first of the side
# reversed: three steps, where counting back from its length took six.
# xiaoer.fiber_claims (policies/fiberclaimsbuiltin.go) keeps the same
# claims in one step for well-formed claims and tables; it is undefined
# for anything else, which the comprehension then takes. It is given the
# input's claims by reference, not object.get: a call less each listing
# (a listing without them is [] all the same, by the comprehension).
claims := kept if {
	kept := xiaoer.fiber_claims(input.listing.fiber_claims, tables)
} else := [c |
	some c in object.get(input, ["listing", "fiber_claims"], [])
	tables.fiber_claims[c.fiber]
	not tables.claim_exempt_before[c.before]
	not tables.claim_exempt_before[substring(strings.reverse(c.before), 0, 1)]
	not tables.claim_exempt_after[c.after]
	not tables.claim_exempt_after[substring(c.after, 0, 1)]
]

# threshold is the claimed fibre's table entry, with the claim form's
# overrides (100%羊毛 is stricter than 纯羊毛) replacing whole keys.
threshold(c) := object.union(object.remove(entry, object.keys(form)), form) if {
	entry := tables.fiber_claims[c.fiber]
	form := object.get(entry, ["forms", c.form], {})
}

# findings are walked_findings: the three bodies below. xiaoer.fiber_findings
# (policies/fiberfindingsbuiltin.go) makes them in one call in the
# engine's evaluations, by the builtins those bodies call and a grade of
# claim_finding's first body in Go; walking the bodies took about 400k
# instructions a listing, 350k more a graded claim. It is undefined
# elsewhere (a claim beside statements without figures, documents built
# by hand), where the bodies take them. It is given the package's name,
# not meta: the engine gives it meta as read once (Metas), where the
# meta rule was evaluated again in every evaluation (about 16k
# instructions).
findings := fs if {
	fs := xiaoer.fiber_findings(input.listing, tables, "material_fiber", input)
} else := walked_findings

# A claim with a statement of its part (relevant): its finding. A listing
# that states no composition at all (every title) ends at the count of
# statements, before any claim is walked: that was a walk and a call of
# relevant per claim (about 15k instructions a title that reaches the
# rule).
walked_findings contains f if {
	count(statements) > 0
	some c in claims
	count(relevant(c)) > 0
	f := claim_finding(c)
}

# claim_finding is the finding of claim c: judged by the statement with
# figures that gives the claimed fibre the smallest share; where the
# part's statements have no figures, by the first that only names fibres
# (面料: 棉 / 涤棉). One body of findings walks the claims for both (the
# else is entered only when the first fails), where a body for each
# walked them twice: about 24k instructions of an export row without
# claims.
claim_finding(c) := f if {
	sts := stated(c)
	count(sts) > 0
	th := threshold(c)
	worst := sort([[share(s, th), s.id] | some s in sts])[0]
	g := grade(c, th, statements[worst[1]], worst[0])
	f := lib.finding(object.union(meta, {"basis": g.basis}), {
		"field": c.field, "s": c.s, "e": c.e,
		"severity": g.severity, "message": g.message, "suggestion": g.suggestion,
		"details": {"claim": c.text, "fiber": c.fiber, "share": worst[0], "composition": statements[worst[1]].display},
	})
} else := f if {
	count(stated(c)) == 0
	imp := [s | some s in relevant(c); s.implied]
	count(imp) > 0
	st := statements[min([s.id | some s in imp])]
	g := implied_grade(c, threshold(c), st)
	f := lib.finding(object.union(meta, {"basis": g.basis}), {
		"field": c.field, "s": c.s, "e": c.e,
		"severity": g.severity, "message": g.message, "suggestion": g.suggestion,
		"details": {"claim": c.text, "fiber": c.fiber, "composition": st.display},
	})
}

# A claim nothing on the listing backs (every claim in a title: unbacked).
# A listing without claims (most export rows reach the rule by their
# statements) ends at the comparison with [], without unbacked_hits' two
# rules and call (about 46k instructions such a row); count(claims) > 0
# was two calls where != is one.
walked_findings contains f if {
	claims != []
	some hit in unbacked_hits
	f := lib.finding(unstated_meta, hit)
}

# unbacked_hits are the hits of the unbacked claims. xiaoer.fiber_unbacked
# (policies/fiberunbackedbuiltin.go) writes them in one step for claims of
# the engine's shape, where the comprehension took about 70k instructions
# a finding; it is undefined for anything else, which the comprehension
# then takes.
unbacked_hits := hits if {
	hits := xiaoer.fiber_unbacked(unbacked, tables)
} else := [hit | some c in unbacked; hit := unbacked_hit(c)]

# unbacked_hit is the hit of claim c that nothing backs. Of the claim's
# threshold only its name is read, in place: the claim form's name if it
# gives one, else the fibre's (one lookup, where threshold builds the whole
# entry).
unbacked_hit(c) := {
	"field": c.field, "s": c.s, "e": c.e, "severity": "warning",
	"message": sprintf("%s称「%s」，但商品没有标注%s纤维成分", [object.get(tables.field_names, c.field, c.field), c.text, c.part]),
	"suggestion": sprintf("在属性「材质成分」中标注实测成分（如「%s100%%」）；没有检测依据时删去「%s」", [object.get(entry, ["forms", c.form, "name"], entry.name), c.text]),
	"details": {"claim": c.text, "fiber": c.fiber},
} if {
	entry := tables.fiber_claims[c.fiber]
}

# Two statements of the same part that disagree (conflicts). A listing
# with fewer than two statements (every title) has none: it ends at the
# count, without conflicts' call.
walked_findings contains f if {
	count(statements) > 1
	some f in conflict_findings
}

# conflict_findings are the findings of conflict_hits, made with
# conflict_meta. xiaoer.fiber_conflict_findings (policies/
# fiberconflictfindingsbuiltin.go) makes them in one call in the engine's
# evaluations, by the builtins the comprehension reaches one by one (two
# rules, and a call of lib.finding a hit: about 100k instructions an
# export row with a conflict); it is undefined elsewhere, where the
# comprehension takes them.
conflict_findings := found if {
	found := xiaoer.fiber_conflict_findings(statements, tables, meta, input)
} else := [f | some hit in conflict_hits; f := lib.finding(conflict_meta, hit)]

# conflict_hits are the hits of the conflicts, at the second statement of
# each pair. xiaoer.fiber_conflict_hits (policies/fiberconflicthitsbuiltin.go)
# writes them in one step for statements of the engine's shape, where the
# comprehension took two calls of source_name and a sprintf a finding;
# it is undefined for anything else, which the comprehension then takes.
# It is given xiaoer.fiber_conflicts' pairs in place: the conflicts rule
# (which keeps their Rego for the comprehension) was one more rule to
# evaluate for every listing with two statements.
conflict_hits := hits if {
	hits := xiaoer.fiber_conflict_hits(statements, xiaoer.fiber_conflicts(statements, tables.conflict.tolerance, tables.trace.percent), tables.field_names)
} else := [hit | some [ida, idb] in conflicts; hit := conflict_hit(statements[ida], statements[idb])]

conflict_hit(a, b) := {
	"field": b.field, "s": b.s, "e": b.e,
	"message": sprintf("%s为 %s，但%s为 %s，两处成分不一致", [source_name(a), a.display, source_name(b), b.display]),
	"suggestion": "核对实际成分，各处统一按实测结果标注",
	"details": {"first": a.display, "second": b.display},
}

# conflicts are the pairs [ida, idb] of statements of the same part that
# disagree, each pair once, by its keys (a statement's key is its id: the
# keys are at hand, where each statement's id is a step to read, for every
# pair). xiaoer.fiber_conflicts (policies/fiberconflictsbuiltin.go) finds
# them in one step for statements of xiaoer.fiber_statements' shape,
# where the comprehension asked conflicting of every pair (about half of
# the rule's steps on an export row); it is undefined for anything else,
# which the comprehension then takes.
conflicts := pairs if {
	pairs := xiaoer.fiber_conflicts(statements, tables.conflict.tolerance, tables.trace.percent)
} else := [[ida, idb] |
	some ida, a in statements
	some idb, b in statements
	ida < idb
	part_class(a.part) == part_class(b.part)
	conflicting(a, b)
]

# unbacked are the claims no statement of their part backs (relevant is
# empty). Where the listing states no composition (every title) that is
# every claim, taken whole without a call of relevant per claim.
unbacked := claims if {
	count(statements) == 0
} else := [c | some c in claims; count(relevant(c)) == 0]

# unstated_meta and conflict_meta are meta with the basis of an unstated
# composition and of a conflict: the same for every such finding, so
# built once per evaluation. xiaoer.basis_meta (policies/basismetabuiltin.go)
# answers them from the table entries with the same term in every
# evaluation, where building them here took about 70k instructions of an
# export row with a conflict; the union below stays for other tools.
unstated_meta := m if {
	m := xiaoer.basis_meta(meta, tables.unstated)
} else := object.union(meta, {"basis": unstated_basis})

conflict_meta := m if {
	m := xiaoer.basis_meta(meta, tables.conflict)
} else := object.union(meta, {"basis": conflict_basis})

field_name(field) := object.get(tables.field_names, field, field)
