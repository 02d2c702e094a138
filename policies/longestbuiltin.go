package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.longest(hits) keeps, of hits that overlap, the longest: what
// lexicon.longest (lib/lexicon.rego) did in Rego, where ranking and
// pairing the hits of a listing took a hundred steps and more (a tenth of
// the word rules on a listing export); here it is one. The ranking is the
// Rego's: a hit is dropped when another hit of the same field overlaps it
// (each starts before the other ends) and ranks higher, by length, then
// the earlier start, then a word (no entry.pattern) over a pattern.
// Hits lacking field, s, e or entry are left out, as the Rego's
// comprehension left them out; fewer than two hits come back as given.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var longestBuiltin = &ast.Builtin{
	Name:        "xiaoer.longest",
	Description: "Of the hits that overlap, the longest (see lexicon.longest in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(types.Named("hits", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A)))),
		types.Named("kept", types.A),
	),
}

var keyEntry, keyPattern = key("entry"), key("pattern")

// ranked is a hit with what its rank and overlap are read from.
type ranked struct {
	hit   *ast.Term
	field *ast.Term
	s, e  offset
	word  bool
}

func longest(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	hits, err := elements(operands[0], 1)
	if err != nil {
		return err
	}
	if len(hits) < 2 {
		return iter(operands[0])
	}
	kept, err := longestKept(hits)
	if err != nil {
		return err
	}
	return iter(ast.NewTerm(kept))
}

// longestKept is longest's answer of two hits or more.
func longestKept(hits []*ast.Term) (ast.Set, error) {
	rs, err := rankAll(hits)
	if err != nil {
		return nil, err
	}
	kept := ast.NewSet()
	for k := range rs {
		if !outrankedIn(rs, k) {
			kept.Add(rs[k].hit)
		}
	}
	return kept, nil
}

// rankAll reads each hit's field, span and kind once; a hit that is no
// object, or lacks one of them, is left out. Offsets that are not numbers,
// and an entry that is no object, are errors, as the Rego's arithmetic and
// object.get were.
func rankAll(hits []*ast.Term) ([]ranked, error) {
	rs := make([]ranked, 0, len(hits))
	for _, h := range hits {
		obj, ok := h.Value.(ast.Object)
		if !ok {
			continue
		}
		field, s, e, entry := obj.Get(keyField), obj.Get(keyS), obj.Get(keyE), obj.Get(keyEntry)
		if field == nil || s == nil || e == nil || entry == nil {
			continue
		}
		sn, err := builtins.NumberOperand(s.Value, 1)
		if err != nil {
			return nil, err
		}
		en, err := builtins.NumberOperand(e.Value, 1)
		if err != nil {
			return nil, err
		}
		eo, err := builtins.ObjectOperand(entry.Value, 1)
		if err != nil {
			return nil, err
		}
		pattern := eo.Get(keyPattern)
		word := pattern == nil || ast.Compare(pattern.Value, ast.Boolean(false)) == 0
		rs = append(rs, ranked{hit: h, field: field, s: offsetOf(sn), e: offsetOf(en), word: word})
	}
	return rs, nil
}

// outrankedIn: some other hit of rs overlaps the k-th and ranks higher.
func outrankedIn(rs []ranked, k int) bool {
	r := rs[k]
	for q := range rs {
		o := rs[q]
		if q == k || o.s.cmp(r.e) >= 0 || r.s.cmp(o.e) >= 0 || ast.Compare(o.field.Value, r.field.Value) != 0 {
			continue
		}
		if outranks(o, r) {
			return true
		}
	}
	return false
}

// outranks compares the ranks [length, -start, word] of two hits.
func outranks(o, r ranked) bool {
	if c := o.e.minus(o.s).cmp(r.e.minus(r.s)); c != 0 {
		return c > 0
	}
	if c := o.s.cmp(r.s); c != 0 {
		return c < 0
	}
	return o.word && !r.word
}
