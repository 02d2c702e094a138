package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_unbacked(claims, tables) is material-fiber's unbacked_hits
// (rules/material_fiber/material_fiber.rego, which keeps the Rego as the
// fallback): for each fibre claim no composition backs, the hit of its
// finding, with the message and suggestion that name the field, the part
// and the claimed fibre. Every title that reaches the rule has only such
// claims; in Rego each took a lookup of its fibre's entry, two of names,
// two sprintf calls and a dozen reads of the claim, about 70k
// instructions a finding. Here it is one step for all of them.
//
// It answers only for claims of the engine's shape (field, text, part,
// fiber and form strings, s and e present) whose fibre has an entry
// (an object with a name) in tables.fiber_claims, and for a
// tables.field_names object; it is undefined otherwise, so the Rego meets
// anything else as it always did. Names are read with OPA's object.get
// and the texts written with its sprintf, so they read as the Rego's.
var fiberUnbackedBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_unbacked",
	Description: "The hits of material-fiber's claims that no composition backs (see rules/material_fiber/material_fiber.rego).",
	Decl: types.NewFunction(
		types.Args(types.Named("claims", types.A), types.Named("tables", types.A)),
		types.Named("hits", types.NewArray(nil, types.A)),
	),
}

var (
	keyForm        = key("form")
	keyText        = key("text")
	keyForms       = key("forms")
	keyClaim       = key("claim")
	keyFieldNames  = key("field_names")
	warningTerm    = ast.StringTerm("warning")
	unbackedFormat = ast.StringTerm("%s称「%s」，但商品没有标注%s纤维成分")
	unbackedAdvice = ast.StringTerm("在属性「材质成分」中标注实测成分（如「%s100%%」）；没有检测依据时删去「%s」")
)

// unbackedClaim is one claim of the engine's shape, with its fibre's entry.
type unbackedClaim struct {
	field, s, e, text, part, fiber, form *ast.Term
	entry                                ast.Object
}

func fiberUnbacked(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	claims, ok := operands[0].Value.(*ast.Array)
	tables, ok2 := operands[1].Value.(ast.Object)
	if !ok || !ok2 {
		return nil
	}
	known, ok := objectEntry(tables, keyFiberClaims)
	names, ok2 := objectEntry(tables, keyFieldNames)
	if !ok || !ok2 {
		return nil
	}
	hits := make([]*ast.Term, 0, claims.Len())
	for i := range claims.Len() {
		c, ok := unbackedOf(claims.Elem(i), known)
		if !ok {
			return nil
		}
		hit, err := unbackedHit(bctx, c, ast.NewTerm(names))
		if err != nil {
			return err
		}
		hits = append(hits, hit)
	}
	return iter(ast.ArrayTerm(hits...))
}

// unbackedOf reads claim t, or reports that it is not of the shape or its
// fibre has no entry.
func unbackedOf(t *ast.Term, known ast.Object) (unbackedClaim, bool) {
	obj, ok := t.Value.(ast.Object)
	if !ok {
		return unbackedClaim{}, false
	}
	c := unbackedClaim{
		field: obj.Get(keyField), s: obj.Get(keyS), e: obj.Get(keyE), text: obj.Get(keyText),
		part: obj.Get(keyPart), fiber: obj.Get(keyFiber), form: obj.Get(keyForm),
	}
	if c.s == nil || c.e == nil || !allOf[ast.String](c.field, c.text, c.part, c.fiber, c.form) {
		return unbackedClaim{}, false
	}
	entry, ok := objectEntry(known, c.fiber)
	if !ok || entry.Get(keyName) == nil {
		return unbackedClaim{}, false
	}
	c.entry = entry
	return c, true
}

// unbackedHit is the Rego's unbacked_hit(c): the claim's place, a
// warning, and what it lacks.
func unbackedHit(bctx topdown.BuiltinContext, c unbackedClaim, names *ast.Term) (*ast.Term, error) {
	fieldName, err := call(bctx, "object.get", names, c.field, c.field)
	if err != nil {
		return nil, err
	}
	message, err := sprintf(bctx, unbackedFormat, fieldName, c.text, c.part)
	if err != nil {
		return nil, err
	}
	name, err := call(bctx, "object.get", ast.NewTerm(c.entry), ast.ArrayTerm(keyForms, c.form, keyName), c.entry.Get(keyName))
	if err != nil {
		return nil, err
	}
	suggestion, err := sprintf(bctx, unbackedAdvice, name, c.text)
	if err != nil {
		return nil, err
	}
	return ast.ObjectTerm(
		ast.Item(keyField, c.field), ast.Item(keyS, c.s), ast.Item(keyE, c.e),
		ast.Item(keySeverity, warningTerm),
		ast.Item(keyMessage, message), ast.Item(keySuggestion, suggestion),
		ast.Item(keyDetails, ast.ObjectTerm(ast.Item(keyClaim, c.text), ast.Item(keyFiber, c.fiber))),
	), nil
}
