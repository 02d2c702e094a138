package engine

import (
	"encoding/json"
	"fmt"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// PromiseNeed is one entry of Needs.Promises or Needs.Against: a promise
// kind, written as its name ("returns_refused"), or an object that also
// says which promises of that kind cannot give the rule a finding, so
// that a listing holding only those is skipped: 7天无理由退货 is a
// returns_7day promise the returns rule never reports, and most shop
// exports state it on every row.
type PromiseNeed struct {
	Kind string `json:"kind"`
	// Unless: a promise whose field (cond, scope or carrier; "" where the
	// promise has none) holds one of these values does not count.
	Unless map[string][]string `json:"unless"`
	// Below: a promise counts only where its field (n or hours; 0 where
	// the promise has none) is below the value.
	Below map[string]float64 `json:"below"`
}

// UnmarshalJSON reads a kind's name or an object.
func (n *PromiseNeed) UnmarshalJSON(raw []byte) error {
	if err := json.Unmarshal(raw, &n.Kind); err == nil {
		return nil
	}
	type object PromiseNeed // without this method
	return json.Unmarshal(raw, (*object)(n))
}

// promiseTexts and promiseFigures read the fields Unless and Below may
// name, as the facts extractor fills them (facts.Promise).
var (
	promiseTexts = map[string]func(*facts.Promise) string{
		"cond":    func(p *facts.Promise) string { return p.Cond },
		"scope":   func(p *facts.Promise) string { return p.Scope },
		"carrier": func(p *facts.Promise) string { return p.Carrier },
	}
	promiseFigures = map[string]func(*facts.Promise) float64{
		"n":     func(p *facts.Promise) float64 { return p.N },
		"hours": func(p *facts.Promise) float64 { return p.Hours },
	}
)

// check refuses an entry the gate cannot read.
func (n PromiseNeed) check() error {
	if n.Kind == "" {
		return fmt.Errorf("a promise entry without a kind")
	}
	for field := range n.Unless {
		if promiseTexts[field] == nil {
			return fmt.Errorf("promise %s: unless %q: want cond, scope or carrier", n.Kind, field)
		}
	}
	for field := range n.Below {
		if promiseFigures[field] == nil {
			return fmt.Errorf("promise %s: below %q: want n or hours", n.Kind, field)
		}
	}
	return nil
}

// counts: p is a promise of the entry's kind that its Unless and Below
// leave in.
func (n *PromiseNeed) counts(p *facts.Promise) bool {
	if p.Kind != n.Kind {
		return false
	}
	for field, values := range n.Unless {
		v := promiseTexts[field](p)
		for _, unless := range values {
			if v == unless {
				return false
			}
		}
	}
	for field, limit := range n.Below {
		if promiseFigures[field](p) >= limit {
			return false
		}
	}
	return true
}

// promiseKinds are the kinds of the entries.
func promiseKinds(needs []PromiseNeed) []string {
	kinds := make([]string, len(needs))
	for i, n := range needs {
		kinds[i] = n.Kind
	}
	return kinds
}

// checkPromises refuses entries the gate cannot read, and against without
// promises.
func checkPromises(n Needs) error {
	if len(n.Against) > 0 && len(n.Promises) == 0 {
		return fmt.Errorf("against: want promises beside it")
	}
	for _, list := range [][]PromiseNeed{n.Promises, n.Against} {
		for _, p := range list {
			if err := p.check(); err != nil {
				return err
			}
		}
	}
	return nil
}

// anyCounts: some entry counts p.
func anyCounts(needs []PromiseNeed, p *facts.Promise) bool {
	for i := range needs {
		if needs[i].counts(p) {
			return true
		}
	}
	return false
}

// hasPromise: a promise the alternative's promises count is there, and,
// where it names Against, another that its Against counts and that says
// something else (another kind, or another value: a conflict is never
// between a promise and its repetition); or it asks for no promise.
func (a *alternative) hasPromise(ps []facts.Promise) bool {
	for i := range ps {
		if anyCounts(a.promises, &ps[i]) && (len(a.against) == 0 || a.hasAgainst(ps, &ps[i])) {
			return true
		}
	}
	return len(a.promises) == 0
}

// hasAgainst: a promise of ps that Against counts says something else
// than p.
func (a *alternative) hasAgainst(ps []facts.Promise, p *facts.Promise) bool {
	for i := range ps {
		if anyCounts(a.against, &ps[i]) && !saysTheSame(&ps[i], p) {
			return true
		}
	}
	return false
}

// saysTheSame: p and q are one promise or its repetition: the same kind
// and values, wherever they stand and however they are worded. Only the
// place and the words are cleared, so a value facts.Promise gains later
// makes two promises differ, as a conflict needs.
func saysTheSame(p, q *facts.Promise) bool {
	return valuesOf(*p) == valuesOf(*q)
}

// valuesOf is p without its words and place.
func valuesOf(p facts.Promise) facts.Promise {
	p.Text, p.Field, p.S, p.E = "", "", 0, 0
	return p
}
