package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// benchNow is the clock the generated shop is judged against.
var benchNow = time.Date(2026, 11, 25, 0, 0, 0, 0, facts.Shanghai)

const (
	listings  = 200  // distinct listings, each with its own promise
	batchSize = 1000 // tracking answers per batch file
	layout    = "2006-01-02 15:04:05"
)

// order is one generated order with its tracking events.
type order struct {
	id, platform, listing, buyer, carrier, trackingNo string
	amount                                            float64
	promised                                          int
	paid, shipped                                     time.Time
	events                                            []event
}

type event struct {
	at         time.Time
	text, kind string // kind: the Kuaidi100 status word
}

// shape draws what happens to an order: mostly on time and delivered, with
// late, fake, shared, stalled and unshipped orders mixed in.
func shape(r *rand.Rand, i int, prev *order) order {
	platforms := []string{"taobao", "taobao", "taobao", "taobao", "pdd", "pdd", "tmall"}
	l := r.IntN(listings)
	o := order{
		id: fmt.Sprintf("B%08d", i), platform: platforms[r.IntN(len(platforms))],
		listing: fmt.Sprintf("L%03d", l), buyer: fmt.Sprintf("buyer%06d", r.IntN(60000)),
		carrier: "圆通速递", trackingNo: fmt.Sprintf("YT%013d", 7300000000000+int64(i)),
		amount:   float64(990+r.IntN(30000)) / 100,
		promised: []int{24, 48, 72}[l%3],
	}
	o.paid = benchNow.Add(-time.Duration(72+r.IntN(20*24)) * time.Hour).Add(time.Duration(r.IntN(3600)) * time.Second)
	window := time.Duration(o.promised) * time.Hour
	o.shipped = o.paid.Add(time.Duration(r.Int64N(int64(window) * 9 / 10)))
	pickup := o.shipped.Add(time.Duration(30+r.IntN(11*60)) * time.Minute)
	switch p := r.IntN(100); {
	case p < 4: // late
		o.shipped = o.paid.Add(window + time.Duration(1+r.IntN(30))*time.Hour)
		pickup = o.shipped.Add(2 * time.Hour)
	case p < 6: // picked up long after marked shipped
		pickup = o.shipped.Add(time.Duration(25+r.IntN(40)) * time.Hour)
	case p < 7: // never picked up
		o.events = []event{{o.shipped.Add(10 * time.Minute), "【义乌公司】 商家已下单，等待揽收", ""}}
		return o
	case p < 8 && prev != nil: // reuses the previous order's tracking number
		o.trackingNo, o.events = prev.trackingNo, nil
		return o
	case p < 11: // stalls on the way
		o.events = trip(r, pickup, 80+r.IntN(70))
		return o
	case p < 12: // not shipped
		o.shipped = time.Time{}
		return o
	}
	o.events = trip(r, pickup, 0)
	return o
}

// trip is a parcel's way from pickup to delivery; stall > 0 puts that many
// hours between two transit scans.
func trip(r *rand.Rand, pickup time.Time, stall int) []event {
	at := pickup
	evs := []event{{at, "【浙江省金华市义乌公司】 已揽收", "揽收"}}
	hops := 2 + r.IntN(4)
	for h := range hops {
		step := time.Duration(2+r.IntN(30)) * time.Hour
		if stall > 0 && h == 1 {
			step = time.Duration(stall) * time.Hour
		}
		at = at.Add(step)
		evs = append(evs, event{at, fmt.Sprintf("【转运中心%d】 已发出", h+1), "在途"})
	}
	at = at.Add(time.Duration(1+r.IntN(6)) * time.Hour)
	evs = append(evs, event{at, "【营业部】 派件中 派件人: 李师傅", "派件"})
	at = at.Add(time.Duration(1+r.IntN(5)) * time.Hour)
	if at.Before(benchNow) {
		evs = append(evs, event{at, "已签收，签收人凭取货码签收", "签收"})
	}
	return evs
}

func generate(dir string, n int, seed uint64, form string) error {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	switch form {
	case "csv":
		return writeCSV(dir, n, r)
	case "jsonl":
		return writeJSONL(dir, n, r)
	}
	return fmt.Errorf("unknown form %q", form)
}

func each(n int, r *rand.Rand, fn func(*order) error) error {
	var prev *order
	for i := range n {
		o := shape(r, i, prev)
		if err := fn(&o); err != nil {
			return err
		}
		prev = &o
	}
	return nil
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(layout)
}

func (o *order) row() []string {
	return []string{o.id, "义乌好物店", o.platform, o.listing, o.buyer, strconv.FormatFloat(o.amount, 'f', 2, 64),
		timeText(o.paid), strconv.Itoa(o.promised), timeText(o.shipped), o.carrier, o.trackingNo}
}

var header = []string{"order_id", "shop", "platform", "listing_id", "buyer", "amount", "paid_at", "promised_ship_hours", "marked_shipped_at", "carrier", "tracking_no"}

func writeCSV(dir string, n int, r *rand.Rand) error {
	f, err := os.Create(filepath.Join(dir, "orders.csv"))
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(bufio.NewWriter(f))
	if err := w.Write(header); err != nil {
		return err
	}
	b := &batches{dir: filepath.Join(dir, "tracking")}
	if err := os.MkdirAll(b.dir, 0o755); err != nil {
		return err
	}
	err = each(n, r, func(o *order) error {
		if err := w.Write(o.row()); err != nil {
			return err
		}
		if o.events == nil {
			return nil
		}
		return b.add(o)
	})
	if err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return b.close()
}

func writeJSONL(dir string, n int, r *rand.Rand) error {
	f, err := os.Create(filepath.Join(dir, "orders.jsonl"))
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	enc := json.NewEncoder(bw)
	err = each(n, r, func(o *order) error {
		row := o.row()
		obj := map[string]any{}
		for i, h := range header {
			obj[h] = row[i]
		}
		evs := make([]map[string]string, 0, len(o.events))
		for _, e := range o.events {
			evs = append(evs, map[string]string{"time": timeText(e.at), "text": e.text})
		}
		obj["events"] = evs
		return enc.Encode(obj)
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}
