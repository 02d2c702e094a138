package engine

import (
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/shipments"
)

// Shipment rules declare needs too, in facts of the shipment document
// only: most orders are on time, tracked or not, and share their number
// with no one, and such an order never reaches the policies. A rule that
// declares no needs is evaluated on every shipment document.

// shipmentFacts are the facts a shipment rule may need, and whether a
// document has them. They are cheap and err on the side of yes.
var shipmentFacts = map[string]func(*facts.Document) bool{
	// listing_promise: a listing's promise counts across its orders.
	"listing_promise": func(d *facts.Document) bool { _, ok := d.Shipment.(*shipments.ListingPromise); return ok },
	// tracking: tracking data was given for the order (an answer or inline
	// events, even none).
	"tracking": func(d *facts.Document) bool { s := orderOf(d); return s != nil && (s.Trace.Found || len(s.Events) > 0) },
	// events: the order's tracking has at least one event.
	"events": func(d *facts.Document) bool { s := orderOf(d); return s != nil && len(s.Events) > 0 },
	// shared_other_buyer: another buyer's order uses the tracking number.
	"shared_other_buyer": sharedWithOtherBuyer,
	// overdue: the order was marked shipped, or is still unshipped, later
	// than its stated promise after payment; an order that states no
	// promise may be overdue by the platform default, which only the
	// policies know.
	"overdue": overdue,
}

func orderOf(d *facts.Document) *shipments.Shipment {
	s, _ := d.Shipment.(*shipments.Shipment)
	return s
}

func sharedWithOtherBuyer(d *facts.Document) bool {
	if orderOf(d) == nil {
		return false
	}
	shop, _ := d.Context.Shop.(shipments.ShopFacts)
	for _, o := range shop.SharedWith {
		if !o.SameBuyer {
			return true
		}
	}
	return false
}

// overdue compares whole seconds with a second to spare, so rounding can
// only make it say yes.
func overdue(d *facts.Document) bool {
	s := orderOf(d)
	switch {
	case s == nil:
		return false
	case s.PromisedShipHours <= 0:
		return true
	}
	until := s.MarkedShippedAtUnix
	if !s.MarkedShipped {
		now, err := time.Parse(time.RFC3339, d.Context.Now)
		if err != nil {
			return true
		}
		until = now.Unix()
	}
	return float64(until-s.PaidAtUnix) > s.PromisedShipHours*3600-1
}

// shipGate decides, per shipment document, which embedded shipment rules
// can find something in it.
type shipGate struct {
	rules []string  // shipment rule packages, sorted
	alts  [][]Needs // each rule's ways to find something; nil: always
}

// newShipGate reads the shipment rules' needs (data.xiaoer.main.needs.shipments).
func newShipGate(declared map[string]json.RawMessage) (*shipGate, error) {
	g := &shipGate{}
	for id := range declared {
		g.rules = append(g.rules, id)
	}
	sort.Strings(g.rules)
	for _, id := range g.rules {
		alts, err := shipmentNeeds(declared[id])
		if err != nil {
			return nil, fmt.Errorf("rule package %s: needs: %w", id, err)
		}
		g.alts = append(g.alts, alts)
	}
	return g, nil
}

// shipmentNeeds reads one rule's needs: null, one object or an array, each
// naming shipment facts only.
func shipmentNeeds(raw json.RawMessage) ([]Needs, error) {
	var alts []Needs
	if err := json.Unmarshal(raw, &alts); err != nil {
		var one *Needs
		if err := json.Unmarshal(raw, &one); err != nil {
			return nil, fmt.Errorf("want an object or an array of objects: %w", err)
		}
		if one != nil {
			alts = []Needs{*one}
		}
	}
	if len(alts) == 0 {
		return nil, nil // no needs: always evaluated
	}
	for _, n := range alts {
		if len(n.Words)+len(n.Prefixes)+len(n.Promises)+len(n.Against)+len(n.Units) > 0 || len(n.Facts) == 0 {
			return nil, fmt.Errorf("a shipment rule needs facts, and only facts (%s)", shipmentFactNames())
		}
		for _, f := range n.Facts {
			if shipmentFacts[f] == nil {
				return nil, fmt.Errorf("unknown shipment fact %q (want one of %s)", f, shipmentFactNames())
			}
		}
	}
	return alts, nil
}

func shipmentFactNames() string {
	names := make([]string, 0, len(shipmentFacts))
	for n := range shipmentFacts {
		names = append(names, n)
	}
	sort.Strings(names)
	return fmt.Sprint(names)
}

// needed lists the rule packages that can find something in doc.
func (g *shipGate) needed(doc *facts.Document) []string {
	var out []string
	for i, id := range g.rules {
		if g.alts[i] == nil || g.anyHolds(g.alts[i], doc) {
			out = append(out, id)
		}
	}
	return out
}

// skipped lists the rule packages that cannot find anything in doc.
func (g *shipGate) skipped(doc *facts.Document) []string {
	var out []string
	for i, id := range g.rules {
		if g.alts[i] != nil && !g.anyHolds(g.alts[i], doc) {
			out = append(out, id)
		}
	}
	return out
}

// anyHolds: one of the alternatives has one of its facts in doc.
func (g *shipGate) anyHolds(alts []Needs, doc *facts.Document) bool {
	for _, n := range alts {
		for _, f := range n.Facts {
			if shipmentFacts[f](doc) {
				return true
			}
		}
	}
	return false
}

// embeddedRules keeps the needs of the embedded rule packages: user rules
// are judged apart (userrules.go), on every document.
func embeddedRules(declared map[string]json.RawMessage, embedded *bundle.Bundle) map[string]json.RawMessage {
	owned := embeddedRulePackages(embedded)
	out := map[string]json.RawMessage{}
	for id, n := range declared {
		if owned[id] {
			out[id] = n
		}
	}
	return out
}
