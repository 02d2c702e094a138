package policies

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.exposure(meta, hit, input) is lib.exposure(meta, hit)
// (lib/exposure.rego): exposure_of of meta.exposure and the hit's
// platform figures, on this input, as the Rego works it out, remembered.
// Working it out took a fifth of judging a title with a finding, and its
// operands repeat from listing to listing (a rule's meta.exposure, mostly
// no platform figures, the same few prices). The engine gives its
// evaluations the Exposures that remember the answers (WithExposures);
// elsewhere (policy tests, other tools) there is none and the builtin is
// undefined, so lib.finding works the exposure out inline. It is
// undefined too where meta or hit is not an object (object.get and
// object.filter fail there, inline).
//
// It is registered with OPA with the others (builtins.go).
var exposureBuiltin = &ast.Builtin{
	Name:        "xiaoer.exposure",
	Description: "lib.exposure(meta, hit) on this input, remembered by the engine; undefined outside the engine's evaluations (see lib/finding.rego).",
	Decl: types.NewFunction(
		engineArgs,
		types.Named("exposure", types.A),
	),
}

// engineArgs are the operands of the builtins lib.finding asks first,
// which only the engine's evaluations answer.
var engineArgs = types.Args(
	types.Named("meta", types.A).Description("the rule's meta"),
	types.Named("hit", types.A).Description("the hit"),
	types.Named("input", types.A).Description("the input document"),
)

// Exposures answers xiaoer.exposure: lib.exposure_of(x, hit) evaluated in
// Rego on the parts of input it reads (nil: undefined), within the
// evaluation bctx belongs to (its context and its halt).
type Exposures interface {
	Exposure(bctx topdown.BuiltinContext, x, hit, input *ast.Term) (*ast.Term, error)
}

type exposuresKey struct{}

// Metas answers, beside the Exposures of an evaluation, the meta of a
// rule package by its name (material_fiber), nil where it has none: the
// builtins that make a rule's findings take it from there, where asking
// the rule for it evaluated the meta rule in every evaluation.
type Metas interface {
	Meta(pkg string) *ast.Term
}

// metaOf is the meta the evaluation's Metas give package pkg (a string
// term), nil where there are none.
func metaOf(bctx topdown.BuiltinContext, pkg *ast.Term) *ast.Term {
	name, ok := pkg.Value.(ast.String)
	if !ok || bctx.Context == nil {
		return nil
	}
	m, _ := bctx.Context.Value(exposuresKey{}).(Metas)
	if m == nil {
		return nil
	}
	return m.Meta(string(name))
}

// WithExposures is ctx with the Exposures an evaluation started with it
// answers xiaoer.exposure with.
func WithExposures(ctx context.Context, e Exposures) context.Context {
	return context.WithValue(ctx, exposuresKey{}, e)
}

func exposure(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	e := exposuresOf(bctx)
	meta, ok := operands[0].Value.(ast.Object)
	hit, ok2 := operands[1].Value.(ast.Object)
	if e == nil || !ok || !ok2 {
		return nil // lib.finding works it out inline
	}
	x := meta.Get(keyExposure)
	if x == nil {
		x = ast.InternedEmptyObject
	}
	t, err := e.Exposure(bctx, x, platformFigures(hit), operands[2])
	if err != nil || t == nil {
		return err
	}
	return iter(t)
}

// exposuresOf are the Exposures of bctx's evaluation, nil where it has
// none.
func exposuresOf(bctx topdown.BuiltinContext) Exposures {
	if bctx.Context == nil {
		return nil
	}
	e, _ := bctx.Context.Value(exposuresKey{}).(Exposures)
	return e
}

// platformKeys are lib.platform_keys (exposure.rego).
var platformKeys = [...]*ast.Term{key("platform_cny"), key("platform_basis"), key("platform_confirmed")}

// platformFigures is object.filter(hit, platform_keys).
func platformFigures(hit ast.Object) *ast.Term {
	var items [][2]*ast.Term
	for _, k := range platformKeys {
		if v := hit.Get(k); v != nil {
			items = append(items, ast.Item(k, v))
		}
	}
	if items == nil {
		return ast.InternedEmptyObject
	}
	return ast.ObjectTerm(items...)
}

// xiaoer.exposed_finding(meta, hit, input) is
// xiaoer.finding(meta, hit, xiaoer.exposure(meta, hit, input)) in one
// call: lib.finding's first body. Each builtin a finding passes its hit
// to copies the hit out of the rule's bindings (about 38k instructions a
// finding); one call copies it once. Undefined where xiaoer.exposure is.
var exposedFindingBuiltin = &ast.Builtin{
	Name:        "xiaoer.exposed_finding",
	Description: "xiaoer.finding(meta, hit, xiaoer.exposure(meta, hit, input)) in one call; undefined outside the engine's evaluations (see lib/finding.rego).",
	Decl: types.NewFunction(
		engineArgs,
		types.Named("finding", findingType),
	),
}

func exposedFinding(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	return exposure(bctx, operands, func(x *ast.Term) error {
		return finding(bctx, []*ast.Term{operands[0], operands[1], x}, iter)
	})
}
