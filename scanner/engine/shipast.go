package engine

import (
	"reflect"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/shipments"
	"github.com/xiaoer-dev/xiaoer/policies"
)

// Every order of a shipments run is converted to the policies' input:
// through reflection that was a twentieth of judging a varied order. An
// order's facts are written out here, field by field, as astTerm writes
// them (json names, omitempty, numbers as encoding/json formats them);
// TestShipmentTermIsAstTerm holds the two together. A value astTerm
// treats specially (text that is not UTF-8, a float JSON cannot hold)
// sends the order back to astTerm.

var shipmentType = reflect.TypeFor[shipments.Shipment]()

// Keys of the shipment facts, sorted as jsonFieldsOf sorts them.
var (
	keyAmount        = policies.KeyTerm("amount")
	keyBuyer         = policies.KeyTerm("buyer")
	keyCarrier       = policies.KeyTerm("carrier")
	keyListingID     = policies.KeyTerm("listing_id")
	keyMarkedShipped = policies.KeyTerm("marked_shipped")
	keyMarkedAt      = policies.KeyTerm("marked_shipped_at")
	keyMarkedAtUnix  = policies.KeyTerm("marked_shipped_at_unix")
	keyPaidAt        = policies.KeyTerm("paid_at")
	keyPaidAtUnix    = policies.KeyTerm("paid_at_unix")
	keyPlatform      = policies.KeyTerm("platform")
	keyPromised      = policies.KeyTerm("promised_ship_hours")
	keyScope         = policies.KeyTerm("scope")
	keySource        = policies.KeyTerm("source")
	keyTrace         = policies.KeyTerm("trace")
	keyFound         = policies.KeyTerm("found")
	keyFormat        = policies.KeyTerm("format")
	keyMatchesOrder  = policies.KeyTerm("matches_order")
	keyState         = policies.KeyTerm("state")
	keySincePrev     = policies.KeyTerm("since_prev")
	keyStatus        = policies.KeyTerm("status")
	keyText          = policies.KeyTerm("text")
	keyTime          = policies.KeyTerm("time")
	keyUnix          = policies.KeyTerm("unix")
)

// shipmentTerm is astTerm of s; false when s holds a value it leaves to
// astTerm.
func shipmentTerm(s *shipments.Shipment) (*ast.Term, bool) {
	w := termWriter{ok: true}
	items := make([][2]*ast.Term, 0, 20)
	items = append(items, ast.Item(keyAmount, w.float(s.Amount)))
	items = w.optString(items, keyBuyer, s.Buyer)
	items = w.optString(items, keyCarrier, s.Carrier)
	items = append(items, ast.Item(keyEvents, w.events(s.Events)))
	if s.Line != 0 {
		items = append(items, ast.Item(keyLine, ast.InternedTerm(s.Line)))
	}
	items = w.optString(items, keyListingID, s.ListingID)
	items = append(items, ast.Item(keyMarkedShipped, ast.InternedTerm(s.MarkedShipped)))
	items = w.optString(items, keyMarkedAt, s.MarkedShippedAt)
	if s.MarkedShippedAtUnix != 0 {
		items = append(items, ast.Item(keyMarkedAtUnix, ast.InternedTerm(int(s.MarkedShippedAtUnix))))
	}
	items = append(items,
		ast.Item(keyOrderID, w.str(s.OrderID)),
		ast.Item(keyPaidAt, w.str(s.PaidAt)),
		ast.Item(keyPaidAtUnix, ast.InternedTerm(int(s.PaidAtUnix))),
		ast.Item(keyPlatform, w.str(s.Platform)),
		ast.Item(keyPromised, w.float(s.PromisedShipHours)),
		ast.Item(keyScope, w.str(s.Scope)),
		ast.Item(keyShop, w.str(s.Shop)),
		ast.Item(keySource, w.str(s.Source)),
		ast.Item(keyTrace, w.trace(s.Trace)),
		ast.Item(keyTrackingNo, w.str(s.TrackingNo)),
	)
	return ast.ObjectTerm(items...), w.ok
}

// termWriter writes terms and notes any value it leaves to astTerm.
type termWriter struct{ ok bool }

func (w *termWriter) str(s string) *ast.Term {
	if !utf8.ValidString(s) {
		w.ok = false
	}
	return ast.StringTerm(s)
}

func (w *termWriter) optString(items [][2]*ast.Term, key *ast.Term, s string) [][2]*ast.Term {
	if s == "" {
		return items
	}
	return append(items, ast.Item(key, w.str(s)))
}

func (w *termWriter) float(f float64) *ast.Term {
	t, err := floatTerm(f, 64)
	if err != nil {
		w.ok = false
		return ast.NullTerm()
	}
	return t
}

func (w *termWriter) trace(t shipments.TraceFacts) *ast.Term {
	items := make([][2]*ast.Term, 0, 6)
	items = w.optString(items, keyCarrier, t.Carrier)
	items = w.optString(items, keyFormat, t.Format)
	items = append(items, ast.Item(keyFound, ast.InternedTerm(t.Found)), ast.Item(keyMatchesOrder, ast.InternedTerm(t.MatchesOrder)))
	items = w.optString(items, keyState, t.State)
	items = w.optString(items, keyTrackingNo, t.TrackingNo)
	return ast.ObjectTerm(items...)
}

func (w *termWriter) events(events []shipments.EventFact) *ast.Term {
	if events == nil {
		return ast.NullTerm()
	}
	terms := make([]*ast.Term, len(events))
	for i, e := range events {
		items := make([][2]*ast.Term, 0, 6)
		items = append(items,
			ast.Item(keyKind, w.str(e.Kind)),
			ast.Item(keySincePrev, ast.InternedTerm(int(e.SincePrev))),
		)
		items = w.optString(items, keyStatus, e.Status)
		items = append(items,
			ast.Item(keyText, w.str(e.Text)),
			ast.Item(keyTime, w.str(e.Time)),
			ast.Item(keyUnix, ast.InternedTerm(int(e.Unix))),
		)
		terms[i] = ast.ObjectTerm(items...)
	}
	return ast.ArrayTerm(terms...)
}
