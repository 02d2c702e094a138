# METADATA
# title: xiaoer entry point
# description: |
#   Collects the findings of every rule package under data.xiaoer.rules
#   (embedded and user policies alike) that judges this kind of document
#   (meta.kinds, default ["listing"]), and the catalogue of rules. The
#   scanner prepares data.xiaoer.main.findings once and evaluates it for
#   every listing and shipment.
package xiaoer.main

# findings of every rule that judges this input document.
findings := [f |
	some id in judged
	some f in data.xiaoer.rules[id].findings
]

# judged are the rule packages that judge this document: those of its kind
# (meta.kinds), so a listing never evaluates the shipment rules nor a
# shipment the listing rules, less those skipped for this listing. The
# engine lists them (input.rules, from setup.kinds and its gate), so an
# evaluation goes straight to them instead of reading every rule's meta;
# documents built by hand (policy tests) have no list and get it here.
judged := input.rules if {
	is_array(input.rules)
} else := [id |
	some id
	input.kind in object.get(data.xiaoer.rules[id].meta, "kinds", ["listing"])
	not skipped[id]
]

# skipped are the rules the engine found nothing for in this listing: none
# of what they declare they need (needs, below) is in it.
skipped := {id | some id in object.get(input, ["listing", "lexicon", "skip"], [])}

# setup is what the engine reads once, in one evaluation: the catalogue,
# the rules' needs and the kinds of document each rule package judges.
setup := {"catalog": catalog, "needs": needs, "kinds": kinds}

# kinds lists, by rule package, the kinds of document it judges.
kinds := {id: object.get(data.xiaoer.rules[id].meta, "kinds", ["listing"]) | some id}

# catalog lists every rule's metadata (xiaoer rules, SARIF rule descriptors).
catalog := [m |
	some id
	m := data.xiaoer.rules[id].meta
]

# needs lists what every listing rule declares it needs (its `needs`
# object: table words, prefixes, facts; null when it declares none). The
# engine reads it once and skips, per listing, the rules whose needs are
# absent: input.listing.lexicon.skip.
needs := {
	"rules": {id: rule_needs(id) |
		some id
		"listing" in object.get(data.xiaoer.rules[id].meta, "kinds", ["listing"])
	},
	# shipments: the same for the rules that judge shipment documents, in
	# shipment facts; the engine leaves a rule out of input.rules for an
	# order without any of its facts.
	"shipments": {id: rule_needs(id) |
		some id
		"shipment" in object.get(data.xiaoer.rules[id].meta, "kinds", ["listing"])
	},
}

rule_needs(id) := n if {
	n := data.xiaoer.rules[id].needs
} else := null
