package engine

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// fieldTerms shares a field's term {text, tokens, sentences} between the
// listings whose field is the same: an export's rows repeat a shop's
// description and attributes word for word, and a field's tokens and
// sentences are most of the objects of its input (issue 13: building the
// input is allocation-bound). The term is a function of the field's value
// alone and OPA only reads an input's values, so every listing with an
// equal field can hold the one term, from any worker.
//
// The slots are direct-mapped and lock-free. A field is kept only when
// its text is seen a second time (a list of unique titles then keeps
// nothing and evicts nothing), only if it is short, and only while the
// kept fields' tokens stay within a budget: what the cache holds is live
// heap the collector marks on every cycle.
type fieldTerms struct {
	seed   maphash.Seed
	slots  [fieldSlots]atomic.Pointer[fieldTerm]
	seen   [fieldSeen]atomic.Uint64 // the hashes of texts met once
	tokens atomic.Int64             // the kept fields' tokens
	facts  factTerms                // the kept facts (factterms.go)
}

// The slots are many more than the fields an export repeats: two
// fields of one slot, met in turn (rows of two shops), evict each other
// and are made at every sight.
const (
	fieldSlots = 4096
	fieldSeen  = 16384
	// A token's object and terms take about 400 bytes: fields of up to
	// 256 tokens, 64k tokens in all, keep the cache within about 25 MB.
	fieldMaxTokens    = 256
	fieldBudgetTokens = 64 << 10
)

type fieldTerm struct {
	field facts.Field
	term  *ast.Term
}

func newFieldTerms() *fieldTerms {
	return &fieldTerms{seed: maphash.MakeSeed(), facts: factTerms{seed: maphash.MakeSeed()}}
}

// of is the term of field f, shared when an equal field was kept (nil c:
// made for the listing alone).
func (c *fieldTerms) of(f facts.Field) (*ast.Term, error) {
	if c == nil {
		return astTerm(reflect.ValueOf(f))
	}
	h := maphash.String(c.seed, f.Text)
	slot := &c.slots[h%fieldSlots]
	old := slot.Load()
	if old != nil && sameField(old.field, f) {
		return old.term, nil
	}
	t, err := astTerm(reflect.ValueOf(f))
	if err != nil || len(f.Tokens) > fieldMaxTokens {
		return t, err
	}
	if seen := &c.seen[h%fieldSeen]; seen.Swap(h) != h {
		return t, nil // the first time: kept the next
	}
	grow := int64(len(f.Tokens))
	if old != nil {
		grow -= int64(len(old.field.Tokens))
	}
	if c.tokens.Add(grow) > fieldBudgetTokens {
		c.tokens.Add(-grow)
		return t, nil
	}
	if !slot.CompareAndSwap(old, &fieldTerm{field: f, term: frozenAll(t)}) {
		c.tokens.Add(-grow) // another worker filled the slot first
	}
	return t, nil
}

// frozenAll readies a term to be shared between goroutines as frozen
// does an object: every object in it has its keys sorted now, before
// another goroutine sees it.
func frozenAll(t *ast.Term) *ast.Term {
	ast.WalkTerms(t, func(x *ast.Term) bool {
		if _, ok := x.Value.(ast.Object); ok {
			frozen(x)
		}
		return false
	})
	return t
}

// sameField: a and b have the same text, tokens and sentences (their
// terms are equal).
func sameField(a, b facts.Field) bool {
	return a.Text == b.Text && slices.Equal(a.Tokens, b.Tokens) &&
		slices.EqualFunc(a.Sentences, b.Sentences, func(x, y facts.Sentence) bool {
			return x.Span == y.Span && sameInt(x.First, y.First) && sameInt(x.End, y.End)
		})
}

func sameInt(x, y *int) bool { return x == y || x != nil && y != nil && *x == *y }

// fieldsTerm is the object of a listing's fields, each field's term
// shared through c but the title's. A title names one listing: a real
// title list or export repeats a description or attributes, hardly ever a
// title, so keeping titles would pay only on inputs that cycle a few
// titles (the bench's title lists do) and would make the figures measured
// on them promise what real lists do not get.
func fieldsTerm(fields map[string]facts.Field, c *fieldTerms) (*ast.Term, error) {
	if fields == nil {
		return ast.NullTerm(), nil
	}
	items := make([][2]*ast.Term, 0, len(fields))
	for name, f := range fields {
		shared := c
		if name == facts.FieldTitle {
			shared = nil
		}
		t, err := shared.of(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		items = append(items, ast.Item(nameTerm(name), t))
	}
	return ast.ObjectTerm(items...), nil
}
