package shipments

import (
	"sort"
	"time"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// Document scopes: one order, or one listing's promise across its orders.
const (
	ScopeOrder   = "order"
	ScopeListing = "listing"
)

// Shipment is the "shipment" field of an order's policy input document.
// Times are given twice: RFC 3339 for people, Unix seconds for arithmetic.
type Shipment struct {
	Scope               string      `json:"scope"` // ScopeOrder
	OrderID             string      `json:"order_id"`
	Shop                string      `json:"shop"`
	Platform            string      `json:"platform"`
	ListingID           string      `json:"listing_id,omitempty"`
	Buyer               string      `json:"buyer,omitempty"`
	Amount              float64     `json:"amount"`
	PaidAt              string      `json:"paid_at"`
	PaidAtUnix          int64       `json:"paid_at_unix"`
	PromisedShipHours   float64     `json:"promised_ship_hours"` // 0: not stated, the platform default applies
	MarkedShipped       bool        `json:"marked_shipped"`
	MarkedShippedAt     string      `json:"marked_shipped_at,omitempty"`
	MarkedShippedAtUnix int64       `json:"marked_shipped_at_unix,omitempty"`
	Carrier             string      `json:"carrier,omitempty"`
	TrackingNo          string      `json:"tracking_no"`
	Trace               TraceFacts  `json:"trace"`
	Events              []EventFact `json:"events"` // oldest first
	Source              string      `json:"source"`
	Line                int         `json:"line,omitempty"`
}

// TraceFacts says where the events came from.
type TraceFacts struct {
	Found      bool   `json:"found"`            // a tracking answer or inline events were given
	Format     string `json:"format,omitempty"` // kuaidi100, kdniao, inline
	Carrier    string `json:"carrier,omitempty"`
	TrackingNo string `json:"tracking_no,omitempty"`
	State      string `json:"state,omitempty"`
	// MatchesOrder is false when the answer is for another tracking number
	// than the one the order was marked shipped with.
	MatchesOrder bool `json:"matches_order"`
}

// EventFact is one tracking event with its kind decided.
type EventFact struct {
	Time      string `json:"time"`
	Unix      int64  `json:"unix"`
	SincePrev int64  `json:"since_prev"` // seconds since the event before (0 for the first)
	Kind      string `json:"kind"`
	Status    string `json:"status,omitempty"`
	Text      string `json:"text"`
}

// ShopFacts is the shop-level context of one order.
type ShopFacts struct {
	Name string `json:"name"`
	// SharedWith lists the other orders marked shipped with the same
	// tracking number.
	SharedWith []SharedOrder `json:"shared_with"`
	// OtherBuyerOrders are the ids of SharedWith's orders of other buyers,
	// sorted: what a shared number is judged by, without a walk over
	// SharedWith in every order's evaluation.
	OtherBuyerOrders []string `json:"other_buyer_orders"`
}

// SharedOrder is another order on the same tracking number. SameBuyer is
// true only when both orders name the same buyer (a combined shipment);
// unknown buyers are not the same.
type SharedOrder struct {
	OrderID   string `json:"order_id"`
	Shop      string `json:"shop"`
	SameBuyer bool   `json:"same_buyer"`
}

// ListingPromise is the "shipment" field of a listing-scope document: how
// one listing kept its shipping promise across its orders.
type ListingPromise struct {
	Scope             string   `json:"scope"` // ScopeListing
	Shop              string   `json:"shop"`
	Platform          string   `json:"platform"`
	ListingID         string   `json:"listing_id"`
	PromisedShipHours float64  `json:"promised_ship_hours"`
	Orders            int      `json:"orders"`
	Late              int      `json:"late"`
	Pending           int      `json:"pending"`
	LateOrders        []string `json:"late_orders"`
}

// OrderDocument builds the policy input document of one order.
func OrderDocument(o *Order, shop string, trace *Trace, sharing []OrderRef, now time.Time) *facts.Document {
	return orderDocument(o, shop, trace, shopFacts(o, shop, sharing), now)
}

func orderDocument(o *Order, shop string, trace *Trace, sf ShopFacts, now time.Time) *facts.Document {
	s := &Shipment{
		Scope: ScopeOrder, OrderID: o.ID, Shop: shop, Platform: o.Platform, ListingID: o.ListingID,
		Buyer: o.Buyer, Amount: o.Amount, PaidAt: rfc3339(o.PaidAt), PaidAtUnix: o.PaidAt.Unix(),
		PromisedShipHours: o.PromisedShipHours, Carrier: o.Carrier, TrackingNo: o.TrackingNo,
		Events: []EventFact{}, Source: o.Source, Line: o.Line,
	}
	if !o.MarkedShippedAt.IsZero() {
		s.MarkedShipped = true
		s.MarkedShippedAt = rfc3339(o.MarkedShippedAt)
		s.MarkedShippedAtUnix = o.MarkedShippedAt.Unix()
	}
	if trace != nil {
		s.Trace = TraceFacts{Found: true, Format: trace.Format, Carrier: trace.Carrier, TrackingNo: trace.TrackingNo,
			State: trace.State, MatchesOrder: trace.TrackingNo == "" || trace.TrackingNo == o.TrackingNo}
		for i, e := range trace.Events {
			ef := EventFact{Time: rfc3339(e.Time), Unix: e.Time.Unix(), Kind: e.Kind, Status: e.Status, Text: e.Text}
			if i > 0 {
				ef.SincePrev = ef.Unix - s.Events[i-1].Unix
			}
			s.Events = append(s.Events, ef)
		}
	}
	return &facts.Document{
		Kind: "shipment", Version: facts.SchemaVersion, Shipment: s,
		Context: facts.Context{Platform: o.Platform, Now: rfc3339(now), Shop: sf},
	}
}

func shopFacts(o *Order, shop string, sharing []OrderRef) ShopFacts {
	sf := ShopFacts{Name: shop, SharedWith: []SharedOrder{}, OtherBuyerOrders: []string{}}
	for _, r := range sharing {
		same := o.Buyer != "" && r.Buyer == o.Buyer
		sf.SharedWith = append(sf.SharedWith, SharedOrder{OrderID: r.ID, Shop: r.Shop, SameBuyer: same})
		if !same {
			sf.OtherBuyerOrders = append(sf.OtherBuyerOrders, r.ID)
		}
	}
	sort.Strings(sf.OtherBuyerOrders)
	return sf
}

// ListingDocument builds the listing-scope document of one listing's
// promise counts.
func ListingDocument(st *ListingStats, now time.Time) *facts.Document {
	late := st.LateOrders
	if late == nil {
		late = []string{}
	}
	lp := &ListingPromise{
		Scope: ScopeListing, Shop: st.Shop, Platform: st.Platform, ListingID: st.ListingID,
		PromisedShipHours: st.PromisedShipHours, Orders: st.Orders, Late: st.Late, Pending: st.Pending, LateOrders: late,
	}
	return &facts.Document{
		Kind: "shipment", Version: facts.SchemaVersion, Shipment: lp,
		Context: facts.Context{Platform: st.Platform, Now: rfc3339(now), Shop: ShopFacts{Name: st.Shop, SharedWith: []SharedOrder{}, OtherBuyerOrders: []string{}}},
	}
}

func rfc3339(t time.Time) string { return t.In(facts.Shanghai).Format(time.RFC3339) }
