package facts

import (
	"slices"

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
	return promisesOf(nil, fields, normalFieldsOf(fields))
}

// promisesOf is Promises of the fields normalised as nf. The promises of
// a field follow from its name and text alone: with a memo, those of a
// field other than the title that listings repeat are kept (m.promises).
func promisesOf(m *FieldMemo, fields map[string]Field, nf normalFields) []Promise {
	var out []Promise
	for _, f := range nf {
		text := fields[f.name].Text
		if m == nil || f.name == FieldTitle {
			out = appendFieldPromises(out, text, f.normal, f.name)
			continue
		}
		h := m.textHash(f.name, text)
		old := m.promises.At(h)
		if old != nil && old.field == f.name && old.text == text {
			out = append(out, old.promises...)
			continue
		}
		from := len(out)
		out = appendFieldPromises(out, text, f.normal, f.name)
		if m.promises.MetBefore(h) {
			kept := &keptFieldPromises{field: f.name, text: text, promises: slices.Clone(out[from:])}
			m.promises.keep(h, old, kept, len(text), old.size())
		}
	}
	return out
}

// appendFieldPromises appends the promises of one field's text.
func appendFieldPromises(dst []Promise, text string, nt normalText, field string) []Promise {
	from := len(dst)
	dst = appendPromisesIn(dst, text, nt, field)
	if field == FieldSKUs {
		for i := range dst[from:] {
			dst[from+i].Scope = ScopePartial
		}
	}
	return dst
}

// keptFieldPromises are a field's name and text and its promises, kept
// (FieldMemo.promises).
type keptFieldPromises struct {
	field, text string
	promises    []Promise
}

// size is the bytes of the kept text (0 for none).
func (k *keptFieldPromises) size() int {
	if k == nil {
		return 0
	}
	return len(k.text)
}
