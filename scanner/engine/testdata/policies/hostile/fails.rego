# METADATA
# title: hostile fails
# description: A user rule that tries something a user rule may not do (issue 17).
package xiaoer.rules.hostile_fails

import data.xiaoer.lib

meta := {
	"id": "hostile-fails",
	"title": "fails",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	n := count(input.listing.id)
	f := lib.finding(meta, {"field": "title", "s": 0, "e": 6, "message": sprintf("%v", [1 / (n - n)])})
}
