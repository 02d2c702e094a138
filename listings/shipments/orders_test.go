package shipments

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// readAll drains an order reader, keeping row errors apart.
func readAll(t *testing.T, r orderReader) ([]*Order, []*RowError) {
	t.Helper()
	var orders []*Order
	var bad []*RowError
	for {
		o, err := r.Next()
		var re *RowError
		switch {
		case errors.Is(err, io.EOF):
			return orders, bad
		case errors.As(err, &re):
			bad = append(bad, re)
		case err != nil:
			t.Fatal(err)
		default:
			orders = append(orders, o)
		}
	}
}

func TestCSVOrdersGB18030ChineseHeaders(t *testing.T) {
	t.Parallel()
	text := "订单编号,平台,买家实际支付金额,订单付款时间,承诺发货时长（小时）,发货时间,物流公司,物流单号\n" +
		"=\"3391002211\",淘宝,\"¥1,299.00\",2026-11-18 09:00:00,24,2026-11-18 20:00:00,圆通速递,=\"yt7300112233401\"\n" +
		"3391002212,拼多多,19.9,not a time,48,,,\n" +
		"3391002213,拼多多,19.9,2026-11-18 09:00:00,48,,,\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := newCSVOrders(strings.NewReader(gb), "orders.csv")
	if err != nil {
		t.Fatal(err)
	}
	orders, bad := readAll(t, r)
	if len(orders) != 2 || len(bad) != 1 {
		t.Fatalf("orders %d, row errors %d", len(orders), len(bad))
	}
	o := orders[0]
	if o.ID != "3391002211" || o.Platform != "taobao" || o.Amount != 1299 || o.PromisedShipHours != 24 ||
		o.TrackingNo != "YT7300112233401" || o.Carrier != "圆通速递" || rfc3339(o.MarkedShippedAt) != "2026-11-18T20:00:00+08:00" {
		t.Errorf("order = %+v", o)
	}
	if bad[0].Line != 3 || bad[0].OrderID != "3391002212" {
		t.Errorf("row error at line %d for %q: %v", bad[0].Line, bad[0].OrderID, bad[0])
	}
	if !orders[1].MarkedShippedAt.IsZero() || orders[1].Platform != "pdd" {
		t.Errorf("unshipped order = %+v", orders[1])
	}
}

func TestCSVOrdersNeedAnOrderIDColumn(t *testing.T) {
	t.Parallel()
	if _, err := newCSVOrders(strings.NewReader("商品,数量\n杯子,1\n"), "x.csv"); err == nil {
		t.Error("a CSV with no order id column was accepted")
	}
}

func TestJSONLinesOrdersWithLines(t *testing.T) {
	t.Parallel()
	text := "\n" +
		`{"order_id":"P1","platform":"拼多多","amount":"24.90","paid_at":"2026-11-19 20:15:00","promised_ship_hours":48,"marked_shipped_at":"2026-11-20 14:15:00","tracking_no":"JT3105552001","events":[{"time":"2026-11-20 17:15:00","text":"【南宁公司】 已揽收"},{"time":"2026-11-20 16:00:00","text":"已下单，等待揽收"}]}` + "\n" +
		`{"order_id":"P2","platform":"pdd","amount":24.9,"paid_at":"2026-11-19 20:15:00","tracking":` + kdniaoSample + `}` + "\n" +
		`{"order_id":"P3","amount":"x","paid_at":"2026-11-19 20:15:00"}` + "\n"
	r, err := newJSONOrders(strings.NewReader(text), "orders.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	orders, bad := readAll(t, r)
	if len(orders) != 2 || len(bad) != 1 {
		t.Fatalf("orders %d, row errors %d", len(orders), len(bad))
	}
	// P2's inline answer spans lines, so P3 starts below them.
	p3 := 4 + strings.Count(kdniaoSample, "\n")
	if orders[0].Line != 2 || orders[1].Line != 3 || bad[0].Line != p3 {
		t.Errorf("lines %d %d %d, want 2 3 %d", orders[0].Line, orders[1].Line, bad[0].Line, p3)
	}
	p1 := orders[0].Trace
	if p1 == nil || p1.Format != FormatInline || kinds(p1) != "created,pickup" {
		t.Errorf("P1 trace = %+v", p1)
	}
	if p2 := orders[1].Trace; p2 == nil || p2.Format != FormatKDNiao || len(p2.Events) != 3 {
		t.Errorf("P2 trace = %+v", p2)
	}
}

func TestJSONArrayAndWrapper(t *testing.T) {
	t.Parallel()
	one := `{"order_id":"A1","platform":"taobao","amount":10,"paid_at":"2026-11-19 20:15:00"}`
	for name, text := range map[string]string{
		"array":   "\ufeff[\n " + one + ",\n " + strings.Replace(one, "A1", "A2", 1) + "\n]",
		"wrapper": `{"orders":[` + one + "," + strings.Replace(one, "A1", "A2", 1) + `]}`,
	} {
		r, err := newJSONOrders(bytes.NewReader([]byte(text)), name)
		if err != nil {
			t.Fatal(err)
		}
		orders, bad := readAll(t, r)
		if len(orders) != 2 || len(bad) != 0 || orders[1].ID != "A2" {
			t.Errorf("%s: orders %d, row errors %d", name, len(orders), len(bad))
		}
		if name == "array" && orders[1].Line != 3 {
			t.Errorf("array: second order on line %d, want 3", orders[1].Line)
		}
	}
}
