# METADATA
# title: hostile builtin
# description: A user rule that calls xiaoer.finding itself with a hit that is no object.
package xiaoer.rules.hostile_builtin

meta := {
	"id": "hostile-builtin",
	"title": "builtin",
	"severity": "error",
	"kinds": ["listing"],
	"description": "测试用",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

findings contains f if {
	input.listing.id == "hostile"
	f := xiaoer.finding(meta, input.listing.id, {})
}
