# METADATA
# title: hostile evidence
# description: A user rule that tries something a user rule may not do (issue 17).
package xiaoer.rules.hostile_evidence

import data.xiaoer.lib

meta := {
	"id": "hostile-evidence",
	"title": "evidence",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	f := lib.finding(meta, {"field": "title", "s": 0, "e": 6, "message": "伪证", "evidence": "国家级"})
}
