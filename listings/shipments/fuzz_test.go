package shipments

import (
	"bytes"
	"errors"
	"io"
	"math"
	"testing"
)

// FuzzParseTracking: any JSON gives a trace or an error, never a panic, and
// every event of a trace has a time. Seeds (Kuaidi100 and KDNiao answers):
// testdata/fuzz/FuzzParseTracking.
func FuzzParseTracking(f *testing.F) {
	f.Add([]byte(`{"nu":"4312556011113","com":"yunda","state":"3","data":[{"time":"2026-11-19 08:00:00","context":"已签收","status":"签收"}]}`))
	f.Add([]byte(`{"LogisticCode":"73521800314141","ShipperCode":"ZTO","State":"3","Traces":[{"AcceptTime":"2026-11-13 16:00:00","AcceptStation":"已揽收"}]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		tr, err := ParseTracking(raw)
		if err != nil {
			return
		}
		for _, e := range tr.Events {
			if e.Time.IsZero() {
				t.Fatalf("event without a time: %+v", e)
			}
		}
	})
}

// FuzzOrdersCSV and FuzzOrdersJSON: whatever an orders file holds, every
// order read has values the rules can judge, and reading ends.
// Seeds: testdata/fuzz/FuzzOrdersCSV, testdata/fuzz/FuzzOrdersJSON.
func FuzzOrdersCSV(f *testing.F) {
	f.Add([]byte("order_id,amount,paid_at,promised_ship_hours,marked_shipped_at,tracking_no\nA1,99,2026-11-01 10:00:00,24,2026-11-02 10:00:00,YT1\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := newCSVOrders(bytes.NewReader(raw), "fuzz.csv")
		if err != nil {
			return
		}
		readFuzzOrders(t, r)
	})
}

func FuzzOrdersJSON(f *testing.F) {
	f.Add([]byte(`[{"order_id":"A1","amount":"¥99","paid_at":"2026-11-01 10:00:00","promised_ship_hours":24,"events":[{"time":"2026-11-01 12:00:00","text":"已揽收"}]}]`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := newJSONOrders(bytes.NewReader(raw), "fuzz.json")
		if err != nil {
			return
		}
		readFuzzOrders(t, r)
	})
}

// maxFuzzOrders is far more orders than a fuzz input can hold: a reader
// that yields more never ends.
const maxFuzzOrders = 1 << 20

func readFuzzOrders(t *testing.T, r orderReader) {
	t.Helper()
	for range maxFuzzOrders {
		o, err := r.Next()
		var rowErr *RowError
		switch {
		case errors.Is(err, io.EOF):
			return
		case errors.As(err, &rowErr):
			continue
		case err != nil:
			return
		}
		checkOrder(t, o)
	}
	t.Fatal("the reader never ended")
}

func checkOrder(t *testing.T, o *Order) {
	t.Helper()
	switch {
	case o.ID == "":
		t.Fatalf("order without an id: %+v", o)
	case math.IsNaN(o.Amount) || math.IsInf(o.Amount, 0) || o.Amount < 0:
		t.Fatalf("amount %v", o.Amount)
	case math.IsNaN(o.PromisedShipHours) || o.PromisedShipHours < 0 || o.PromisedShipHours > MaxPromisedShipHours:
		t.Fatalf("promised hours %v", o.PromisedShipHours)
	case o.PaidAt.IsZero() || o.PaidAt.Before(earliestTime) || !o.PaidAt.Before(latestTime):
		t.Fatalf("paid at %v", o.PaidAt)
	case !o.MarkedShippedAt.IsZero() && o.MarkedShippedAt.Before(o.PaidAt):
		t.Fatalf("shipped %v before paid %v", o.MarkedShippedAt, o.PaidAt)
	}
}
