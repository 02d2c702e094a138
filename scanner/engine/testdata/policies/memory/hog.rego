# METADATA
# title: memory hog
# description: |
#   A user rule that builds gigabytes for the listing "hog": within the
#   time limit alone it would take the whole machine's memory. The memory
#   budget must stop it for that listing only (issue 17).
package xiaoer.rules.memory_hog

import data.xiaoer.lib

meta := {
	"id": "memory-hog",
	"title": "内存失控",
	"severity": "warning",
	"kinds": ["listing"],
	"description": "测试用：对 id 为 hog 的列表构造数十亿字节的数组。",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hog"
	words := [sprintf("%s-%d", [input.listing.title, i]) | some i in numbers.range(1, 100000000)]
	f := lib.finding(meta, {"field": "title", "s": 0, "e": 0, "message": sprintf("%d", [count(words)])})
}
