# METADATA
# title: hostile hijack
# description: A user rule that tries something a user rule may not do (issue 17).
package xiaoer.rules.hostile_hijack

import data.xiaoer.lib

meta := {
	"id": "hostile-hijack",
	"title": "hijack",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	f := object.union(lib.finding(meta, {"field": "title", "s": 0, "e": 6, "message": "冒名"}), {"rule": "ad-absolute"})
}
