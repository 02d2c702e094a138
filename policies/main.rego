# METADATA
# title: xiaoer entry point
# description: |
#   Collects the findings of every rule package under data.xiaoer.rules
#   (embedded and user policies alike) for one input document, and the
#   catalogue of rules. The scanner prepares data.xiaoer.main.findings once
#   and evaluates it for every listing and shipment.
package xiaoer.main

# findings of every rule that applies to this input document.
findings := [f |
	some id
	some f in data.xiaoer.rules[id].findings
]

# catalog lists every rule's metadata (xiaoer rules, SARIF rule descriptors).
catalog := [m |
	some id
	m := data.xiaoer.rules[id].meta
]
