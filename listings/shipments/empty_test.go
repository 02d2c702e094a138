package shipments

import (
	"encoding/json"
	"testing"
	"time"
)

// Known-empty tracking reaches the policy input as trace.found with no
// events; no tracking data at all as trace.found false. The shipping-fake
// rule tells them apart.
func TestKnownEmptyTrackingIsATraceWithoutEvents(t *testing.T) {
	t.Parallel()
	paid, _ := ParseTime("2026-11-18 09:00:00")
	shipped := paid.Add(3 * time.Hour)
	order := &Order{ID: "E1", Platform: "taobao", PaidAt: paid, MarkedShippedAt: shipped, TrackingNo: "73521800000009"}
	answer, err := ParseTracking([]byte(`{"EBusinessID":"1","ShipperCode":"ZTO","LogisticCode":"73521800000009","Success":true,"State":"0","Reason":"暂无轨迹信息","Traces":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		inline string
		answer *Trace // a tracking file's answer, used when there is no inline tracking
		found  bool
	}{
		{"inline empty list", `[]`, nil, true},
		{"inline empty list with spaces", `[ ]`, nil, true},
		{"answer with no events", ``, answer, true},
		{"no events key", ``, nil, false},
		{"events null", `null`, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			tr, err := parseInline([]byte(tt.inline), "中通快递", order.TrackingNo)
			if err != nil {
				t.Fatal(err)
			}
			if tr == nil {
				tr = tt.answer
			}
			doc := OrderDocument(order, "s", tr, nil, testNow)
			raw, err := json.Marshal(doc)
			if err != nil {
				t.Fatal(err)
			}
			var in struct {
				Shipment struct {
					Trace  struct{ Found bool }
					Events []any
				}
			}
			if err := json.Unmarshal(raw, &in); err != nil {
				t.Fatal(err)
			}
			if in.Shipment.Trace.Found != tt.found || in.Shipment.Events == nil || len(in.Shipment.Events) != 0 {
				t.Errorf("trace.found = %v, events = %v; want found %v and an empty list\n%s", in.Shipment.Trace.Found, in.Shipment.Events, tt.found, raw)
			}
		})
	}
}
