package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.entry_meta(meta, entry, law) is a word rule's meta for a hit of
// a table entry, as ad-absolute's hit_meta(c, cat) writes it in Rego
// (rules/ad_absolute/, which keeps it as the reference its tests compare
// with), law being the category's (cat.basis): meta itself where law is
// meta's own and the entry has none of basis, link and fine (most
// entries); meta with law where the entry has none of them; else meta
// with the entry's basis (law by default), link and fine. The unions are
// OPA's object.union, so they merge as the Rego's. As a Rego function it
// was a call and two or three bodies per finding, about 45k
// instructions; here it is one step. It errs where object.filter would
// (an entry that is no object), and the Rego is never undefined where
// its operands are defined.
//
// It is registered with OPA with the others (builtins.go).
var entryMetaBuiltin = &ast.Builtin{
	Name:        "xiaoer.entry_meta",
	Description: "A word rule's meta for a hit of a table entry (see hit_meta in rules/ad_absolute/ad_absolute.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("meta", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("entry", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("law", types.A).Description("the entry's category's basis"),
		),
		types.Named("meta", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
	),
}

var keyFine = key("fine")

// ownBasis are the keys by which an entry has a basis of its own.
var ownBasis = ast.SetTerm(keyBasis, keyLink, keyFine)

func entryMeta(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	meta, entry, law := operands[0], operands[1], operands[2]
	own, err := call(bctx, "object.filter", entry, ownBasis)
	if err != nil {
		return err
	}
	made, err := entryMetaOf(bctx, meta, entry, law, own.Value.(ast.Object).Len() > 0)
	if err != nil || made == nil {
		return err
	}
	return iter(made)
}

// entryMetaOf is hit_meta's else chain; own: the entry has a basis, link
// or fine of its own. It is nil where a read of meta is undefined.
func entryMetaOf(bctx topdown.BuiltinContext, meta, entry, law *ast.Term, own bool) (*ast.Term, error) {
	basis := get(meta, keyBasis)
	if basis == nil {
		return nil, nil
	}
	if !own {
		if metaLaw := get(basis, keyLaw); metaLaw != nil && ast.Compare(metaLaw.Value, law.Value) == 0 {
			return meta, nil
		}
		return unionIn(bctx, meta, keyBasis, basis, ast.ObjectTerm(ast.Item(keyLaw, law)))
	}
	link, exposure := get(basis, keyLink), get(meta, keyExposure)
	fine := get(exposure, keyFine)
	if link == nil || fine == nil {
		return nil, nil
	}
	withBasis, err := call(bctx, "object.union", basis, ast.ObjectTerm(
		ast.Item(keyLaw, or(get(entry, keyBasis), law)), ast.Item(keyLink, or(get(entry, keyLink), link)),
	))
	if err != nil {
		return nil, err
	}
	withFine, err := call(bctx, "object.union", exposure, ast.ObjectTerm(ast.Item(keyFine, or(get(entry, keyFine), fine))))
	if err != nil {
		return nil, err
	}
	return call(bctx, "object.union", meta, ast.ObjectTerm(ast.Item(keyBasis, withBasis), ast.Item(keyExposure, withFine)))
}

// unionIn is object.union(meta, {key: object.union(inner, with)}).
func unionIn(bctx topdown.BuiltinContext, meta, key, inner, with *ast.Term) (*ast.Term, error) {
	merged, err := call(bctx, "object.union", inner, with)
	if err != nil {
		return nil, err
	}
	return call(bctx, "object.union", meta, ast.ObjectTerm(ast.Item(key, merged)))
}
