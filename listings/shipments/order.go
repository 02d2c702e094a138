package shipments

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// Order is one order as the seller's export has it.
type Order struct {
	ID                string
	Shop              string // "" when the export does not say: the orders file stands in
	Platform          string // taobao, tmall, pdd, jd, douyin ...
	ListingID         string // the item (宝贝/商品) ordered, when the export says
	Buyer             string // buyer id or nickname, to tell combined shipments apart
	Amount            float64
	PaidAt            time.Time
	PromisedShipHours float64   // 0: not stated, the platform default applies
	MarkedShippedAt   time.Time // zero: not marked shipped yet
	Carrier           string
	TrackingNo        string // normalised (NormalizeTrackingNo)
	Trace             *Trace // inline tracking, nil when the export has none

	Source string // orders file
	Line   int    // 1-based line (CSV row, JSON object start)
}

// orderFields is an order before its values are read; both readers fill it.
type orderFields struct {
	id, shop, platform, listing, buyer         string
	amount, paidAt, promised, shipped, carrier string
	trackingNo                                 string
}

// build reads the values of one order.
func (f orderFields) build(source string, line int) (*Order, error) {
	o := &Order{
		ID: cleanCell(f.id), Shop: cleanCell(f.shop), Platform: Platform(f.platform),
		ListingID: cleanCell(f.listing), Buyer: cleanCell(f.buyer), Carrier: cleanCell(f.carrier),
		TrackingNo: NormalizeTrackingNo(f.trackingNo), Source: source, Line: line,
	}
	if o.ID == "" {
		return nil, fmt.Errorf("%s:%d: order has no order_id", source, line)
	}
	if len(o.ID) > maxIDBytes {
		return nil, fmt.Errorf("%s:%d: order_id %s is longer than %d bytes", source, line, shortValue(o.ID), maxIDBytes)
	}
	var err error
	if o.Amount, err = number(f.amount); err != nil {
		return nil, fmt.Errorf("%s:%d: order %s: amount %s is not a number", source, line, o.ID, shortValue(f.amount))
	}
	if o.PromisedShipHours, err = number(f.promised); err != nil {
		return nil, fmt.Errorf("%s:%d: order %s: promised_ship_hours %s is not a number", source, line, o.ID, shortValue(f.promised))
	}
	if o.PaidAt, err = ParseTime(cleanCell(f.paidAt)); err != nil {
		return nil, fmt.Errorf("%s:%d: order %s: paid_at: %w", source, line, o.ID, err)
	}
	if o.PaidAt.IsZero() {
		return nil, fmt.Errorf("%s:%d: order %s has no paid_at", source, line, o.ID)
	}
	if o.MarkedShippedAt, err = ParseTime(cleanCell(f.shipped)); err != nil {
		return nil, fmt.Errorf("%s:%d: order %s: marked_shipped_at: %w", source, line, o.ID, err)
	}
	if err := o.check(); err != nil {
		return nil, fmt.Errorf("%s:%d: order %s: %w", source, line, o.ID, err)
	}
	return o, nil
}

// maxIDBytes bounds an order id: ids name orders in every message.
const maxIDBytes = 256

// MaxPromisedShipHours bounds a shipping promise: no platform lets a seller
// promise more than 90 days, and larger values overflow deadlines.
const MaxPromisedShipHours = 90 * 24

// check refuses values no real order has: the rules would judge them
// wrongly or not at all.
func (o *Order) check() error {
	switch {
	case math.IsNaN(o.Amount) || math.IsInf(o.Amount, 0) || o.Amount < 0:
		return fmt.Errorf("amount %v: want a finite amount of 0 or more", o.Amount)
	case math.IsNaN(o.PromisedShipHours) || o.PromisedShipHours < 0 || o.PromisedShipHours > MaxPromisedShipHours:
		return fmt.Errorf("promised_ship_hours %v: want more than 0 and at most %d (empty: the platform default)",
			o.PromisedShipHours, MaxPromisedShipHours)
	case !o.MarkedShippedAt.IsZero() && o.MarkedShippedAt.Before(o.PaidAt):
		return fmt.Errorf("marked_shipped_at %s is before paid_at %s", o.MarkedShippedAt.Format(time.DateTime), o.PaidAt.Format(time.DateTime))
	}
	return nil
}

// platformNames maps the names exports use to xiaoer's platform ids.
var platformNames = map[string]string{
	"淘宝": "taobao", "taobao": "taobao", "tb": "taobao", "天猫": "tmall", "tmall": "tmall",
	"拼多多": "pdd", "pdd": "pdd", "pinduoduo": "pdd", "京东": "jd", "jd": "jd",
	"抖音": "douyin", "抖店": "douyin", "douyin": "douyin",
}

// Platform returns xiaoer's id for a platform name; unknown names are kept
// in lower case, so the policies can say they have no table for them.
func Platform(s string) string {
	s = strings.ToLower(cleanCell(s))
	if id, ok := platformNames[s]; ok {
		return id
	}
	return s
}
