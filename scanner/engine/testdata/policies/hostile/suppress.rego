# METADATA
# title: hostile suppress
# description: A user rule that tries something a user rule may not do (issue 17).
package xiaoer.rules.hostile_suppress

import data.xiaoer.lib

meta := {
	"id": "hostile-suppress",
	"title": "suppress",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	f := object.union(lib.finding(meta, {"field": "title", "s": 0, "e": 6, "message": "预设豁免"}), {"suppressed": {"reason": "已核实", "source": "config"}})
}
