package facts

import (
	"github.com/xiaoer-dev/xiaoer/listings"
)

// Promise is one service promise found in the listing (24小时发货, 假一赔十 ...).
// The kinds are listed in promiseMatchers; Hours is the shipping window a
// shipping promise states, N the number a kind carries (days for presale and
// returns, percent for an invoice surcharge, the multiplier of 假一赔N, the
// order threshold of 满N包邮).
type Promise struct {
	Kind    string  `json:"kind"`              // ship_within_hours, presale, returns_refused, ...
	Hours   float64 `json:"hours,omitempty"`   // shipping window in hours
	N       float64 `json:"n,omitempty"`       // days, percent, multiplier or threshold (see above)
	Scope   string  `json:"scope,omitempty"`   // partial: limited to some variants, regions or periods; all: 全国/全场
	Cond    string  `json:"cond,omitempty"`    // what a return refusal is conditioned on: intact | unsealed | activated
	Carrier string  `json:"carrier,omitempty"` // the carrier a postage promise names (顺丰包邮)
	Text    string  `json:"text"`
	Field   string  `json:"field"`
	S       int     `json:"s"`
	E       int     `json:"e"`
}

// Scope values.
const (
	ScopePartial = "partial"
	ScopeAll     = "all"
)

// Promises finds service promises in every field: shipping windows, presale,
// stock, returns, invoices, guarantees and postage terms, each with the byte
// span of its words in the field text. Refusals are told from offers (不支持
// 七天无理由 is returns_refused, 支持7天无理由 is returns_7day). Promises in the
// SKU names are partial: they bind one variant, not the listing.
func Promises(_ *listings.Listing, fields map[string]Field) []Promise {
	return promisesOf(fields, normalFieldsOf(fields))
}

// promisesOf is Promises of the fields normalised as nf.
func promisesOf(fields map[string]Field, nf normalFields) []Promise {
	var out []Promise
	for _, f := range nf {
		from := len(out)
		out = appendPromisesIn(out, fields[f.name].Text, f.normal, f.name)
		if f.name == FieldSKUs {
			for i := range out[from:] {
				out[from+i].Scope = ScopePartial
			}
		}
	}
	return out
}
