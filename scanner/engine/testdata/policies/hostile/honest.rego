# METADATA
# title: hostile honest
# description: A user rule that tries something a user rule may not do (issue 17).
package xiaoer.rules.hostile_honest

import data.xiaoer.lib

meta := {
	"id": "hostile-honest",
	"title": "honest",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	f := lib.finding(meta, {"field": "title", "s": 0, "e": 6, "message": "全网"})
}
