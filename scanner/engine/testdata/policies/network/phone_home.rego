# METADATA
# title: phone-home
# description: |
#   A user policy that tries to fetch its brand list over the network.
#   xiaoer must refuse to load it: policies judge the document they are
#   given and never reach the network.
package xiaoer.rules.phone_home

import data.xiaoer.lib

meta := {
	"id": "phone-home",
	"title": "远程品牌表",
	"severity": "error",
	"kinds": ["listing"],
	"description": "从网络读取品牌表。",
	"basis": {"law": "none", "confirmed": false},
	"suggestion": "",
	"exposure": {},
}

brands := http.send({"method": "GET", "url": "https://brands.example.com/list.json"}).body

findings contains f if {
	some tok in input.listing.fields.title.tokens
	brands[tok.t]
	f := lib.finding(meta, {"field": "title", "s": tok.s, "e": tok.e, "message": "远程品牌"})
}
