# METADATA
# title: xiaoer entry point
# description: |
#   Collects the findings of every rule package under data.xiaoer.rules
#   (embedded and user policies alike) that judges this kind of document
#   (meta.kinds, default ["listing"]), and the catalogue of rules. The
#   scanner prepares data.xiaoer.main.findings once and evaluates it for
#   every listing and shipment.
package xiaoer.main

# findings of every rule that applies to this input document. Looking up
# the kind first means a listing never evaluates the shipment rules, nor a
# shipment the listing rules.
findings := [f |
	some id
	input.kind in object.get(data.xiaoer.rules[id].meta, "kinds", ["listing"])
	some f in data.xiaoer.rules[id].findings
]

# catalog lists every rule's metadata (xiaoer rules, SARIF rule descriptors).
catalog := [m |
	some id
	m := data.xiaoer.rules[id].meta
]
