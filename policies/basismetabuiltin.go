package policies

import (
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.basis_meta(meta, entry) is a rule's meta with the basis of a
// data table entry (its source as the law, its link and confirmed, the
// rule's own penalty): object.union(meta, {"basis": {"law": entry.source,
// "penalty": meta.basis.penalty, "link": entry.link, "confirmed":
// entry.confirmed}}), as material-fiber's unstated_meta and conflict_meta
// write it in Rego (rules/material_fiber/, which keeps that as the
// fallback). Both depend on the data alone, yet Rego built them again in
// every evaluation: about 70k instructions of an export row with a
// conflicting composition, a third of its finding's cost.
//
// The answer is remembered for the operand terms (the compiled meta and
// the store's entry are the same terms in every evaluation), so each
// evaluation gets the same term, which the engine reads once
// (scanner/engine/astparts.go). It is undefined where the Rego is.
var basisMetaBuiltin = &ast.Builtin{
	Name:        "xiaoer.basis_meta",
	Description: "A rule's meta with the basis of a data table entry (see rules/material_fiber/material_fiber.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("meta", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("entry", types.A),
		),
		types.Named("meta", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
	),
}

var (
	keySource    = key("source")
	keyLaw       = key("law")
	keyPenalty   = key("penalty")
	keyLink      = key("link")
	keyConfirmed = key("confirmed")
)

// basisMetas remembers xiaoer.basis_meta's answers by operand terms; a
// policy has a few such pairs, so it starts over when it holds more
// (operands built during an evaluation are new terms every time).
var basisMetas = struct {
	sync.Mutex
	by map[[2]*ast.Term]*ast.Term
}{by: map[[2]*ast.Term]*ast.Term{}}

const maxBasisMetas = 64

func basisMeta(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	key := [2]*ast.Term{operands[0], operands[1]}
	basisMetas.Lock()
	known, ok := basisMetas.by[key]
	basisMetas.Unlock()
	if ok {
		return iter(known)
	}
	made, err := basisMetaOf(bctx, operands[0], operands[1])
	if err != nil || made == nil {
		return err
	}
	basisMetas.Lock()
	if len(basisMetas.by) >= maxBasisMetas {
		clear(basisMetas.by)
	}
	basisMetas.by[key] = made
	basisMetas.Unlock()
	return iter(made)
}

// basisMetaOf is the answer, nil where the Rego is undefined. The union
// is OPA's own, so it merges as the Rego's.
func basisMetaOf(bctx topdown.BuiltinContext, meta, entry *ast.Term) (*ast.Term, error) {
	m, ok := meta.Value.(ast.Object)
	e, ok2 := entry.Value.(ast.Object)
	if !ok || !ok2 {
		return nil, nil
	}
	basis, ok := objectEntry(m, keyBasis)
	if !ok {
		return nil, nil
	}
	law, penalty, link, confirmed := e.Get(keySource), basis.Get(keyPenalty), e.Get(keyLink), e.Get(keyConfirmed)
	if law == nil || penalty == nil || link == nil || confirmed == nil {
		return nil, nil
	}
	with := ast.ObjectTerm(ast.Item(keyBasis, ast.ObjectTerm(
		ast.Item(keyLaw, law), ast.Item(keyPenalty, penalty), ast.Item(keyLink, link), ast.Item(keyConfirmed, confirmed),
	)))
	return call(bctx, "object.union", meta, with)
}
