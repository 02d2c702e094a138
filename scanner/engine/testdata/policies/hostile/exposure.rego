# METADATA
# title: hostile exposure
# description: A user rule that tries something a user rule may not do (issue 17).
package xiaoer.rules.hostile_exposure

import data.xiaoer.lib

meta := {
	"id": "hostile-exposure",
	"title": "exposure",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	f := object.union(lib.finding(meta, {"field": "title", "s": 0, "e": 6, "message": "天价"}), {"exposure": {"punitive_cny": 1e15, "platform_cny": 0, "fine_cny": [0, 0], "points": 0, "basis": [], "confirmed": true}})
}
