package engine

import (
	"fmt"
	"hash/maphash"
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
	"github.com/xiaoer-dev/xiaoer/listings/kept"
)

// fieldTerms shares a field's term {text, tokens, sentences} between the
// listings whose field is the same: an export's rows repeat a shop's
// description and attributes word for word, and a field's tokens and
// sentences are most of the objects of its input (issue 13: building the
// input is allocation-bound). The term is a function of the field's value
// alone and OPA only reads an input's values, so every listing with an
// equal field can hold the one term, from any worker.
//
// A field is kept (kept.Slots) only if it is short, and only while the
// kept fields' tokens stay within a budget.
type fieldTerms struct {
	seed   maphash.Seed
	kept   kept.Slots[fieldTerm]
	facts  factTerms  // the kept facts (factterms.go)
	labels labelTerms // the kept labels (labelterms.go)
}

// A token's object and terms take about 400 bytes: fields of up to 256
// tokens, 64k tokens in all, keep the cache within about 25 MB.
const (
	fieldMaxTokens    = 256
	fieldBudgetTokens = 64 << 10
)

type fieldTerm struct {
	field facts.Field
	parts inputParts // the parts term holds
	term  *ast.Term
}

func newFieldTerms() *fieldTerms {
	return &fieldTerms{seed: maphash.MakeSeed(), facts: factTerms{seed: maphash.MakeSeed()}, labels: labelTerms{seed: maphash.MakeSeed()}}
}

// of is the term of field f holding parts, shared when an equal field
// was kept with the same parts (nil c: made for the listing alone).
func (c *fieldTerms) of(f facts.Field, parts inputParts) (*ast.Term, error) {
	if c == nil {
		return fieldAST(f, parts)
	}
	h := maphash.String(c.seed, f.Text) ^ uint64(parts)*0x9e3779b97f4a7c15
	old := c.kept.At(h)
	if old != nil && old.parts == parts && sameField(old.field, f) {
		return old.term, nil
	}
	t, err := fieldAST(f, parts)
	if err != nil || len(f.Tokens) > fieldMaxTokens || !c.kept.MetBefore(h) {
		return t, err // the first time: kept the next
	}
	grow := int64(len(f.Tokens))
	if old != nil {
		grow -= int64(len(old.field.Tokens))
	}
	if c.kept.Reserve(grow, fieldBudgetTokens) {
		c.kept.Put(h, old, &fieldTerm{field: f, parts: parts, term: frozenAll(t)}, grow)
	}
	return t, nil
}

// frozenAll readies a term to be shared between goroutines as frozen
// does an object: every object and set in it has its keys sorted now,
// before another goroutine sees it. Reading a collection in order sorts
// it, so one walk that reads each in order is all it takes (a kept field
// has hundreds of objects: ast.WalkTerms and Keys cost it a visit of
// every scalar and a slice per object).
func frozenAll(t *ast.Term) *ast.Term {
	freezeValue(t.Value)
	return t
}

func freezeValue(v ast.Value) {
	switch v := v.(type) {
	case ast.Object:
		v.Foreach(freezeItem)
	case *ast.Array:
		v.Foreach(freezeTerm)
	case ast.Set:
		v.Foreach(freezeTerm)
	}
}

func freezeItem(k, v *ast.Term) {
	freezeValue(k.Value)
	freezeValue(v.Value)
}

func freezeTerm(t *ast.Term) { freezeValue(t.Value) }

// sameField: a and b have the same text, tokens and sentences (their
// terms are equal).
func sameField(a, b facts.Field) bool {
	return a.Text == b.Text && sameTokens(a.Tokens, b.Tokens) &&
		(sameList(a.Sentences, b.Sentences) || slices.EqualFunc(a.Sentences, b.Sentences, func(x, y facts.Sentence) bool {
			return x.Span == y.Span && sameInt(x.First, y.First) && sameInt(x.End, y.End)
		}))
}

// sameTokens: a and b hold the same tokens. The fields of a text that
// listings repeat share its lists (facts.FieldMemo), which nothing
// changes once made: such a list is the same without a walk.
func sameTokens(a, b []facts.Token) bool { return sameList(a, b) || slices.Equal(a, b) }

// sameList: a and b are one list (both empty, or of one length from one
// start).
func sameList[E any](a, b []E) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

func sameInt(x, y *int) bool { return x == y || x != nil && y != nil && *x == *y }

// fieldsTerm is the object of a listing's fields, each field's term
// shared through c but the title's. A title names one listing: a real
// title list or export repeats a description or attributes, hardly ever a
// title, so keeping titles would pay only on inputs that cycle a few
// titles (the bench's title lists do) and would make the figures measured
// on them promise what real lists do not get.
func fieldsTerm(fields map[string]facts.Field, c *fieldTerms, parts inputParts) (*ast.Term, error) {
	if fields == nil {
		return ast.NullTerm(), nil
	}
	parts &= fieldParts // a field's term holds no other: shared whatever they are
	items := make([][2]*ast.Term, 0, len(fields))
	for name, f := range fields {
		shared := c
		if name == facts.FieldTitle {
			shared = nil
		}
		t, err := shared.of(f, parts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		items = append(items, ast.Item(nameTerm(name), t))
	}
	return ast.ObjectTerm(items...), nil
}
