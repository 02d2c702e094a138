package engine

import (
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// TestHeldMemoKeepsAListAtItsSecondSight: a list of positions is made
// at its first two sights and shared from the third, frozen; a list
// holding elsewhere, or in another field, is made for itself.
func TestHeldMemoKeepsAListAtItsSecondSight(t *testing.T) {
	t.Parallel()
	m := newHeldMemo()
	made := 0
	value := func(at []heldPos) *ast.Term {
		t, _ := m.of(at, func(slab *termSlab) *ast.Term {
			made++
			items := make([][2]*ast.Term, 0, len(at))
			for _, p := range at {
				items = append(items, ast.Item(ast.StringTerm(p.field), slab.term(ast.NewSet(ast.InternedTerm(int(p.at))))))
			}
			return slab.object(items...)
		}, &termSlab{})
		return t
	}
	sentence := []heldPos{{"title", 76}, {"title", wholeField}}
	first, second := value(sentence), value(append([]heldPos(nil), sentence...))
	sentence[0].at = 77 // the memo keeps a copy of the caller's list
	third := value([]heldPos{{"title", 76}, {"title", wholeField}})
	if made != 2 || first == second || third != second {
		t.Errorf("made %d values, shared %v %v: want 2, kept from the second sight", made, first == second, third == second)
	}
	if !first.Equal(third) {
		t.Errorf("kept %v, made %v", third, first)
	}
	for _, other := range [][]heldPos{{{"title", 77}, {"title", wholeField}}, {{"description", 76}, {"description", wholeField}}} {
		if value(other) == third || value(other).Equal(third) {
			t.Errorf("%v takes the value of another list", other)
		}
	}
	var plain *heldMemo
	t1, k1 := plain.of(nil, func(*termSlab) *ast.Term { return ast.ObjectTerm() }, nil)
	t2, k2 := plain.of(nil, func(*termSlab) *ast.Term { return ast.ObjectTerm() }, nil)
	if t1 == t2 || k1 != nil || k2 != nil {
		t.Errorf("a nil memo shared a value")
	}
}
