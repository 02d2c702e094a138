package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_conflict_hits(statements, pairs, field_names) is
// material-fiber's conflict_hits (rules/material_fiber/material_fiber.rego,
// which keeps the Rego as the fallback): for each pair [ida, idb] of
// statements that disagree (conflicts), the hit of its finding, at the
// second statement, naming where each was stated. Most findings of a
// shop export are these; in Rego each took two calls of source_name (an
// else chain with a sprintf and a name lookup), a sprintf and a dozen
// reads of the statements. Here it is one step for all of them.
//
// It answers only for pairs of statements of the engine's shape (field
// and label strings; display, s and e present) and a field_names object;
// it is undefined otherwise, so the Rego meets anything else as it always
// did. Names are read with OPA's object.get and the texts written with
// its sprintf, so they read as the Rego's.
var fiberConflictHitsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_conflict_hits",
	Description: "The hits of material-fiber's conflicting statements (see rules/material_fiber/material_fiber.rego).",
	Decl: types.NewFunction(
		types.Args(types.Named("statements", types.A), types.Named("pairs", types.A), types.Named("field_names", types.A)),
		types.Named("hits", types.NewArray(nil, types.A)),
	),
}

var (
	keyFirst         = key("first")
	keySecond        = key("second")
	attributesField  = ast.String("attributes")
	conflictFormat   = ast.StringTerm("%s为 %s，但%s为 %s，两处成分不一致")
	conflictAdvice   = ast.StringTerm("核对实际成分，各处统一按实测结果标注")
	labelledSource   = ast.StringTerm("%s中的%s")
	unlabelledSource = ast.StringTerm("%s中的成分")
)

// conflictSide is a statement of a conflicting pair, as the hit reads it.
type conflictSide struct {
	field, label, display, s, e *ast.Term
}

func fiberConflictHits(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	statements, ok := operands[0].Value.(ast.Object)
	pairs, ok2 := operands[1].Value.(*ast.Array)
	_, ok3 := operands[2].Value.(ast.Object)
	if !ok || !ok2 || !ok3 {
		return nil
	}
	hits := make([]*ast.Term, 0, pairs.Len())
	for i := range pairs.Len() {
		a, b, ok := conflictPair(statements, pairs.Elem(i))
		if !ok {
			return nil
		}
		hit, err := conflictHit(bctx, a, b, operands[2])
		if err != nil {
			return err
		}
		hits = append(hits, hit)
	}
	return iter(ast.ArrayTerm(hits...))
}

// conflictPair reads the statements of pair [ida, idb], or reports that
// it is not a pair of statements of the shape.
func conflictPair(statements ast.Object, pair *ast.Term) (a, b conflictSide, ok bool) {
	ids, isArray := pair.Value.(*ast.Array)
	if !isArray || ids.Len() != 2 {
		return a, b, false
	}
	a, okA := conflictSideOf(statements.Get(ids.Elem(0)))
	b, okB := conflictSideOf(statements.Get(ids.Elem(1)))
	return a, b, okA && okB
}

func conflictSideOf(t *ast.Term) (conflictSide, bool) {
	if t == nil {
		return conflictSide{}, false
	}
	obj, ok := t.Value.(ast.Object)
	if !ok {
		return conflictSide{}, false
	}
	st := conflictSide{field: obj.Get(keyField), label: obj.Get(keyLabel), display: obj.Get(keyDisplay), s: obj.Get(keyS), e: obj.Get(keyE)}
	return st, st.display != nil && st.s != nil && st.e != nil && allOf[ast.String](st.field, st.label)
}

// conflictHit is the Rego's conflict_hit(a, b).
func conflictHit(bctx topdown.BuiltinContext, a, b conflictSide, names *ast.Term) (*ast.Term, error) {
	from, err := sourceName(bctx, a, names)
	if err != nil {
		return nil, err
	}
	to, err := sourceName(bctx, b, names)
	if err != nil {
		return nil, err
	}
	message, err := sprintf(bctx, conflictFormat, from, a.display, to, b.display)
	if err != nil {
		return nil, err
	}
	return ast.ObjectTerm(
		ast.Item(keyField, b.field), ast.Item(keyS, b.s), ast.Item(keyE, b.e),
		ast.Item(keyMessage, message), ast.Item(keySuggestion, conflictAdvice),
		ast.Item(keyDetails, ast.ObjectTerm(ast.Item(keyFirst, a.display), ast.Item(keySecond, b.display))),
	), nil
}

// sourceName is statements.rego's source_name(st): an attribute's label
// alone, else the field's name with the label, or with 成分 where there
// is no label.
func sourceName(bctx topdown.BuiltinContext, st conflictSide, names *ast.Term) (*ast.Term, error) {
	labelled := st.label.Value.(ast.String) != ""
	if labelled && st.field.Value.(ast.String) == attributesField {
		return st.label, nil
	}
	fieldName, err := call(bctx, "object.get", names, st.field, st.field)
	if err != nil {
		return nil, err
	}
	if labelled {
		return sprintf(bctx, labelledSource, fieldName, st.label)
	}
	return sprintf(bctx, unlabelledSource, fieldName)
}
