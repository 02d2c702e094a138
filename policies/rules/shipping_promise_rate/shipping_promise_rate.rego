# METADATA
# title: shipping-promise-rate
# description: 商品的发货承诺在太多订单上没有兑现（例如承诺24小时发货，18%的订单超时）
# custom:
#   severity: warning
#   basis: 《淘宝网市场管理与违规处理规范》违背承诺（发货时间）
package xiaoer.rules.shipping_promise_rate

import data.xiaoer.lib

meta := {
	"id": "shipping-promise-rate",
	"title": "发货承诺兑现率低",
	"severity": "warning",
	"kinds": ["shipment"],
	"description": "按商品（和订单上的承诺发货时长）汇总：已到期的订单中超时发货的比例超过阈值。承诺写在商品页上，却在许多订单上做不到，每笔超时订单都可能被投诉违背承诺。",
	"basis": {
		"law": "《淘宝网市场管理与违规处理规范》违背承诺（发货时间）；各平台延迟发货规则",
		"penalty": "每笔超时订单的赔付已计入 shipping-late",
		"link": "",
		"confirmed": true,
	},
	"suggestion": "把商品页的发货承诺改成多数订单能做到的时长，或补足库存与发货人手。",
	"exposure": {},
}

# needs: it judges a listing's promise counts, never one order.
needs := {"facts": ["listing_promise"]}

thresholds := data.tables.shipping.promise_rate

severity(rate) := "error" if rate >= thresholds.error_rate

else := "warning"

findings contains f if {
	input.kind == "shipment"
	l := input.shipment
	l.scope == "listing"
	l.orders >= thresholds.min_orders
	rate := l.late / l.orders
	rate > thresholds.warning_rate
	percent := round(rate * 100)
	f := lib.finding(meta, {
		"severity": severity(rate),
		"message": sprintf("商品 %s 承诺付款后%v小时内发货，%d 笔已到期订单中 %d 笔（%d%%）超时发货，例如 %s", [l.listing_id, l.promised_ship_hours, l.orders, l.late, percent, concat("、", l.late_orders)]),
		"evidence": sprintf("%v小时发货：%d/%d 超时", [l.promised_ship_hours, l.late, l.orders]),
		"details": {"listing_id": l.listing_id, "shop": l.shop, "orders": l.orders, "late": l.late, "late_rate": rate, "late_orders": l.late_orders, "threshold": thresholds.warning_rate, "threshold_basis": thresholds.basis},
	})
}
