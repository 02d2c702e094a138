package audit

import (
	"fmt"

	"github.com/xiaoer-dev/xiaoer/scanner"
	"github.com/xiaoer-dev/xiaoer/scanner/finding"
)

// Kinds of shipment results: one order, or one listing's shipping promise
// across its orders (which is not an order).
const (
	KindOrder   = "shipments"
	KindPromise = "shipments-promise"
)

// shipmentRules are the rules the timeline chart shows, in stacking order.
var shipmentRules = []string{"shipping-late", "shipping-fake", "shipping-stalled"}

// AddShipment counts one shipment result: an order, a listing's promise,
// or an orders file or row that could not be read.
func (b *Builder) AddShipment(res scanner.Result) {
	t := &b.r.Totals
	if res.Failed() {
		b.unreadable(res)
		return
	}
	order := res.Kind != KindPromise
	if order {
		t.Orders++
	}
	open := 0
	for _, f := range res.Findings {
		if f.Suppressed != nil {
			t.Suppressed++
			continue
		}
		open++
		b.count(f)
		t.OrderFindings++
		t.OrderPlatform += f.Exposure.PlatformCNY
		t.Platform += f.Exposure.PlatformCNY
		t.Unconfirmed = t.Unconfirmed || (!f.Exposure.Confirmed && f.Exposure.PlatformCNY > 0)
		v := orderView(res, f, b.titles)
		b.onDay(v.day, f.Rule)
		if len(b.r.Orders) < MaxOrders {
			b.r.Orders = append(b.r.Orders, v)
		} else {
			b.r.MoreOrders++
		}
	}
	if open > 0 && order {
		t.OrdersFlagged++
	}
}

// onDay counts a finding on the timeline; undated ones are not shown there.
func (b *Builder) onDay(day, rule string) {
	if day == "" {
		return
	}
	if b.days[day] == nil {
		b.days[day] = map[string]int{}
	}
	b.days[day][rule]++
}

func orderView(res scanner.Result, f finding.Finding, titles map[string]string) OrderView {
	v := OrderView{OrderID: detail(f, "order_id"), Source: res.Source, Rule: f.Rule, RuleTitle: titles[f.Rule],
		Severity: f.Severity, Message: f.Message, Evidence: f.Evidence, TrackingNo: detail(f, "tracking_no"),
		Platform: f.Exposure.PlatformCNY}
	if v.OrderID == "" {
		v.OrderID = res.ID
	}
	raw := f.Details["events"]
	v.Events = events(raw)
	v.day = day(paidAt(raw))
	if list, _ := raw.([]any); v.day == "" && len(list) > 0 {
		if m, ok := list[0].(map[string]any); ok {
			v.day = day(str(m["time"]))
		}
	}
	v.Date = shortDay(v.day)
	return v
}

// paidAt is the time of the "paid" event, the day the timeline files an
// order under.
func paidAt(v any) string {
	list, _ := v.([]any)
	for _, item := range list {
		if m, ok := item.(map[string]any); ok && str(m["kind"]) == "paid" {
			return str(m["time"])
		}
	}
	return ""
}

func detail(f finding.Finding, key string) string {
	if v, ok := f.Details[key]; ok && v != nil {
		return fmt.Sprint(v)
	}
	return ""
}

// events reads the events a shipping finding carries in its details
// ([{time, kind, text}], oldest first).
func events(v any) []EventView {
	list, _ := v.([]any)
	out := make([]EventView, 0, len(list))
	for _, item := range list {
		m, ok := item.(map[string]any)
		if !ok {
			continue
		}
		out = append(out, EventView{Time: shortTime(str(m["time"])), Kind: eventKinds[str(m["kind"])], Text: str(m["text"])})
		if out[len(out)-1].Kind == "" {
			out[len(out)-1].Kind = str(m["kind"])
		}
	}
	return out
}

// eventKinds are the Chinese names of tracking event kinds.
var eventKinds = map[string]string{
	"paid": "付款", "shipped": "标记发货", "created": "下单", "pickup": "揽收", "transit": "运输",
	"out_for_delivery": "派件", "ready_for_collection": "待取件", "delivered": "签收",
	"exception": "异常", "returned": "退回",
}

func str(v any) string {
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}
