package policies

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// The later parts of a pattern, for xiaoer.pattern_hits: each answers the
// ends (index after the last token) of the runs of one part that start
// within the pattern's gap after index start of field, as pattern.rego's
// nexts answered the runs.

var (
	keySuffixes = key("suffixes")
	keyNot      = key("not")
	keyUnit     = key("unit")
	keyTi       = key("ti")
	keyTl       = key("tl")
)

// nexts are the ends of the runs of part (a class, "~name" or "#unit").
func (sc scan) nexts(p, field *ast.Term, start int, part *ast.Term) map[int]bool {
	gap, ok := intOf(or(get(p, keyGap), ast.InternedTerm(2)))
	if !ok {
		return nil
	}
	s, _ := part.Value.(ast.String)
	switch {
	case strings.HasPrefix(string(s), "~"):
		return sc.suffixEnds(p, field, start, gap, ast.StringTerm(string(s)[1:]))
	case strings.HasPrefix(string(s), "#"):
		return sc.figureEnds(p, field, start, gap, ast.StringTerm(string(s)[1:]))
	}
	return sc.wordEnds(p, field, start, gap, part)
}

// wordEnds: pattern words of the class part (the Rego's word_runs).
func (sc scan) wordEnds(p, field *ast.Term, start, gap int, part *ast.Term) map[int]bool {
	ends := map[int]bool{}
	for _, r := range sc.words {
		if r.i < start || r.i > start+gap || !r.field.Equal(field) {
			continue
		}
		classes := get(get(get(sc.table, keyWords), r.key), keyClasses)
		if classes != nil && member(part, classes) && sc.open(p, field, start, r.i-1) {
			ends[r.i+r.n] = true
		}
	}
	return ends
}

// suffixEnds: runs of one to three tokens whose text ends with a suffix
// of class name, with a character before it, and is not in its "not"
// list (suffixed).
func (sc scan) suffixEnds(p, field *ast.Term, start, gap int, name *ast.Term) map[int]bool {
	cls := get(get(sc.table, keySuffixLists), name)
	toks, ok := valueOf(sc.tokens(field)).(*ast.Array)
	if cls == nil || !ok {
		return nil
	}
	ends := map[int]bool{}
	for _, q := range between(start, start+gap) {
		for n := 1; n <= 3; n++ {
			key, err := joined(toks, q, n)
			if key == nil || err != nil {
				continue
			}
			if s, ok := key.Value.(ast.String); ok && suffixed(cls, []rune(string(s))) && !truthy(get(get(cls, keyNot), key)) && sc.open(p, field, start, q-1) {
				ends[q+n] = true
			}
		}
	}
	return ends
}

// suffixed: some ending of text, shorter than text, is a suffix of cls.
func suffixed(cls *ast.Term, text []rune) bool {
	suffixes := get(cls, keySuffixes)
	for l := 1; l < len(text); l++ {
		if get(suffixes, ast.StringTerm(string(text[len(text)-l:]))) != nil {
			return true
		}
	}
	return false
}

// figureEnds: figures of the listing with the unit, in field
// (the Rego's figure_runs).
func (sc scan) figureEnds(p, field *ast.Term, start, gap int, unit *ast.Term) map[int]bool {
	nums, ok := valueOf(get(sc.listing, keyNumbers)).(*ast.Array)
	if !ok {
		return nil
	}
	ends := map[int]bool{}
	nums.Foreach(func(num *ast.Term) {
		if u, f := get(num, keyUnit), get(num, keyField); u == nil || f == nil || !u.Equal(unit) || !f.Equal(field) {
			return
		}
		first, ok := sc.figureToken(num, keyTi, keyS, keyS)
		if !ok || first < start || first > start+gap || !sc.open(p, field, start, first-1) {
			return
		}
		if last, ok := sc.figureToken(num, keyTl, keyE, keyE); ok {
			ends[last+1] = true
		}
	})
	return ends
}

// figureToken is lexicon.figure_first (index ti, offset s) or
// figure_last (tl, e): the engine's index where it is one, else the token
// whose offset (tokKey) is the figure's where the figure has no index.
func (sc scan) figureToken(num, index, offset, tokKey *ast.Term) (int, bool) {
	ti := get(num, index)
	if ti != nil && !ti.Equal(ast.InternedTerm(false)) {
		i, ok := intOf(ti)
		return i, ok && i >= 0
	}
	toks, ok := valueOf(sc.tokens(get(num, keyField))).(*ast.Array)
	at := get(num, offset)
	if !ok || at == nil {
		return 0, false
	}
	for i := 0; i < toks.Len(); i++ {
		if o := get(toks.Elem(i), tokKey); o != nil && o.Equal(at) {
			return i, true
		}
	}
	return 0, false
}

// open: no token of boundaries and no word of a blocking class of p
// among tokens a..b of field (the Rego's open_between).
func (sc scan) open(p, field *ast.Term, a, b int) bool {
	toks := sc.tokens(field)
	block := or(get(p, keyBlock), ast.InternedEmptyArray)
	for m := a; m <= b; m++ {
		t := get(get(toks, ast.InternedTerm(m)), keyT)
		if t == nil {
			continue
		}
		if truthy(get(sc.boundaries, t)) {
			return false
		}
		for _, cls := range terms(valueOf(get(get(get(sc.table, keyWords), t), keyClasses))) {
			if member(cls, block) {
				return false
			}
		}
	}
	return true
}

func (sc scan) tokens(field *ast.Term) *ast.Term {
	return get(get(get(sc.listing, keyFields), field), keyTokens)
}

// between are the integers from a to b, counting down where b < a, as
// numbers.range gives them.
func between(a, b int) []int {
	step := 1
	if b < a {
		step = -1
	}
	out := []int{a}
	for k := a; k != b; {
		k += step
		out = append(out, k)
	}
	return out
}

// member is Rego's `x in coll`: an element of an array or set, a value of
// an object. An array (the usual classes and block lists) is walked by
// index: the slice terms makes was the most made of any of its callers'.
func member(x, coll *ast.Term) bool {
	if arr, ok := coll.Value.(*ast.Array); ok {
		for i := range arr.Len() {
			if arr.Elem(i).Equal(x) {
				return true
			}
		}
		return false
	}
	for _, t := range terms(coll.Value) {
		if t.Equal(x) {
			return true
		}
	}
	return false
}

// terms are the elements of an array or set, the values of an object,
// as `some x in coll` walks them; none for anything else.
// The slice is made at its length at once, where appending grew it a
// few times on the way (attributes, runs, claims).
func terms(v ast.Value) []*ast.Term {
	switch c := v.(type) {
	case *ast.Array:
		if c.Len() == 0 {
			return nil
		}
		out := make([]*ast.Term, c.Len())
		for i := range out {
			out[i] = c.Elem(i)
		}
		return out
	case ast.Set:
		return c.Slice()
	case ast.Object:
		if c.Len() == 0 {
			return nil
		}
		out := make([]*ast.Term, 0, c.Len())
		c.Foreach(func(_, t *ast.Term) { out = append(out, t) })
		return out
	}
	return nil
}

// truthy: t is defined and not false, as a condition on a reference is.
func truthy(t *ast.Term) bool {
	return t != nil && !t.Equal(ast.InternedTerm(false))
}
