# METADATA
# title: runaway
# description: |
#   A user policy with a runaway comprehension: for a listing whose id is
#   "loop" it walks 10^10 pairs and keeps none, which would never finish in
#   practice. The evaluation time limit must stop it for that listing only.
package xiaoer.rules.runaway

import data.xiaoer.lib

meta := {
	"id": "runaway",
	"title": "失控的推导式",
	"severity": "warning",
	"kinds": ["listing"],
	"description": "测试用：对 id 为 loop 的列表执行不会结束的推导式。",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "loop"
	pairs := count([1 |
		some i in numbers.range(1, 100000)
		some j in numbers.range(1, 100000)
		i == j + 100000
	])
	f := lib.finding(meta, {"field": "title", "s": 0, "e": 0, "message": sprintf("%d", [pairs])})
}
