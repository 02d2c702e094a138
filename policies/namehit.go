package policies

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// nameHit is a hit as xiaoer.name_kind reads it: its field, the field's
// tokens (none where the field is missing) and its first token and
// length.
type nameHit struct {
	fields, field *ast.Term
	toks          fieldTokens
	i, n          int
}

func nameHitOf(listing, c *ast.Term) (nameHit, error) {
	i, okI := intAt(c, keyI)
	n, okN := intAt(c, keyN)
	if !okI || !okN {
		return nameHit{}, errOddToken
	}
	fields, field := get(listing, keyFields), get(c, keyField)
	return nameHit{fields: fields, field: field, toks: tokensOf(get(fields, field)), i: i, n: n}, nil
}

func (h nameHit) sameField(run *ast.Term) bool {
	f := get(run, keyField)
	return f != nil && h.field != nil && f.Equal(h.field)
}

// insideName is inside_name: a run of tokens from up to 8 before the
// hit to up to 8 after it spells a name of known (an object keyed by
// names). With up to 16 names, only those that hold the hit's own text
// are spelt out; with more, each run is looked up.
func (h nameHit) insideName(known *ast.Term) (bool, error) {
	names, ok := known.Value.(ast.Object)
	if !ok {
		return false, errOddToken
	}
	if names.Len() == 0 || h.toks.arr == nil {
		return false, nil
	}
	if names.Len() > 16 {
		return h.anyRunIn(names)
	}
	text, err := h.toks.concat(h.i, h.last())
	if err != nil {
		return false, err
	}
	for _, key := range names.Keys() {
		name, ok := termOf[ast.String](key)
		if !ok {
			return false, errOddToken
		}
		if strings.Contains(string(name), text) {
			if spelt, err := h.runSpells(string(name)); err != nil || spelt {
				return spelt, err
			}
		}
	}
	return false, nil
}

func (h nameHit) last() int { return h.i + h.n - 1 }

// runSpells is run_spells: a run around the hit spells name.
func (h nameHit) runSpells(name string) (bool, error) {
	for _, a := range numbersRange(max(h.i-8, 0), h.i) {
		for _, b := range numbersRange(h.last(), min(h.last()+8, h.toks.arr.Len()-1)) {
			if spelt, err := h.toks.spells(a, b, name); err != nil || spelt {
				return spelt, err
			}
		}
	}
	return false, nil
}

// anyRunIn: a run around the hit is a name of names (its value not false).
func (h nameHit) anyRunIn(names ast.Object) (bool, error) {
	for _, a := range numbersRange(max(h.i-8, 0), h.i) {
		for _, b := range numbersRange(h.last(), min(h.last()+8, h.toks.arr.Len()-1)) {
			run, err := h.toks.concat(a, b)
			if err != nil || truthy(names.Get(ast.StringTerm(run))) {
				return err == nil, err
			}
		}
	}
	return false, nil
}

// numbersRange is numbers.range(a, b): a to b, counting down where a > b.
func numbersRange(a, b int) []int {
	step := 1
	if a > b {
		step = -1
	}
	out := make([]int, 0, (b-a)*step+1)
	for m := a; ; m += step {
		out = append(out, m)
		if m == b {
			return out
		}
	}
}
