package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKnownEmptyTrackingIsAFakeShipment: an order marked shipped days ago
// whose tracking is known and empty (inline events: [], or an answer with
// no events) has no pickup record: a fake shipment. An order with no
// tracking data at all stays unjudged.
func TestKnownEmptyTrackingIsAFakeShipment(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	order := func(id, no, shipped, extra string) string {
		return `{"order_id":"` + id + `","shop":"s","platform":"taobao","amount":99,"paid_at":"2026-11-18 09:00:00",` +
			`"promised_ship_hours":48,"marked_shipped_at":"` + shipped + `","carrier":"中通快递","tracking_no":"` + no + `"` + extra + `}`
	}
	orders := "[" + strings.Join([]string{
		order("INLINE-EMPTY", "73521800000009", "2026-11-18 12:00:00", `,"events":[]`),
		order("NO-DATA", "73521800000010", "2026-11-18 12:00:00", ``),
		order("ANSWER-EMPTY", "73521800000011", "2026-11-18 12:00:00", ``),
		order("RECENT-EMPTY", "73521800000012", "2026-11-23 09:00:00", `,"events":[]`),
	}, ",\n") + "]"
	must(t, os.WriteFile(filepath.Join(dir, "orders.json"), []byte(orders), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "zto.kdniao.json"),
		[]byte(`{"EBusinessID":"1","ShipperCode":"ZTO","LogisticCode":"73521800000011","Success":true,"State":"0","Reason":"暂无轨迹信息","Traces":[]}`), 0o644))

	stdout, stderr, code := runApp(t, "shipments", dir, "--now", "2026-11-23T10:00:00+08:00")
	if code != 1 {
		t.Fatalf("exit %d, want 1\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	for id, fake := range map[string]bool{"INLINE-EMPTY": true, "ANSWER-EMPTY": true, "NO-DATA": false, "RECENT-EMPTY": false} {
		if got := strings.Contains(stdout, "订单 "+id+" 疑似虚假发货"); got != fake {
			t.Errorf("%s: reported fake = %v, want %v\n%s", id, got, fake, stdout)
		}
	}
	if !strings.Contains(stdout, "订单 INLINE-EMPTY 疑似虚假发货：标记发货 118小时0分 后承运商仍无任何轨迹，无揽收记录") {
		t.Errorf("the finding does not say the carrier has no event:\n%s", stdout)
	}
}
