package audit

import (
	"fmt"
	"time"

	"github.com/xiaoer-dev/xiaoer/scanner"
)

// Kinds of shipment results: one order, or one listing's shipping promise
// across its orders (which is not an order).
const (
	KindOrder   = "shipments"
	KindPromise = "shipments-promise"
)

// shipmentRules are the rules the timeline chart shows, in stacking order.
var shipmentRules = []string{"shipping-late", "shipping-fake", "shipping-stalled"}

// dated is one shipment finding on the timeline.
type dated struct {
	day  string // 2006-01-02, Asia/Shanghai
	rule string
}

// addShipments counts the shipment results, lists the flagged orders and
// returns the dated findings for the timeline.
func (r *Report) addShipments(results []scanner.Result, titles map[string]string, counts map[string]*RuleCount) []dated {
	var days []dated
	t := &r.Totals
	for _, res := range results {
		if res.Failed() {
			t.Unreadable++
			r.Errors = append(r.Errors, ErrorView{Source: res.Source, Error: *res.Error})
			continue
		}
		if res.Kind != KindPromise {
			t.Orders++
		}
		open := 0
		for _, f := range res.Findings {
			if f.Suppressed != nil {
				t.Suppressed++
				continue
			}
			open++
			countRule(counts, f, titles)
			t.OrderFindings++
			t.OrderPlatform += f.Exposure.PlatformCNY
			t.Platform += f.Exposure.PlatformCNY
			t.Unconfirmed = t.Unconfirmed || (!f.Exposure.Confirmed && f.Exposure.PlatformCNY > 0)
			v := orderView(res, f, titles)
			if v.Date != "" {
				days = append(days, dated{day: v.Date, rule: f.Rule})
			}
			if len(r.Orders) < MaxOrders {
				r.Orders = append(r.Orders, v)
			} else {
				r.MoreOrders++
			}
		}
		if open > 0 && res.Kind != KindPromise {
			t.OrdersFlagged++
		}
	}
	return days
}

func orderView(res scanner.Result, f scanner.Finding, titles map[string]string) OrderView {
	v := OrderView{OrderID: detail(f, "order_id"), Source: res.Source, Rule: f.Rule, RuleTitle: titles[f.Rule],
		Severity: f.Severity, Message: f.Message, Evidence: f.Evidence, TrackingNo: detail(f, "tracking_no"),
		Platform: f.Exposure.PlatformCNY}
	if v.OrderID == "" {
		v.OrderID = res.ID
	}
	raw := f.Details["events"]
	v.Events = events(raw)
	v.Date = day(paidAt(raw))
	if v.Date == "" && len(v.Events) > 0 {
		v.Date = day(v.Events[0].Time)
	}
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

func detail(f scanner.Finding, key string) string {
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
		out = append(out, EventView{Time: str(m["time"]), Kind: eventKinds[str(m["kind"])], Text: str(m["text"])})
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

// day is the Shanghai date of an RFC 3339 time, "" when it is not one.
func day(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ""
	}
	return t.In(shanghai).Format("2006-01-02")
}
