package policies

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.exposure(x, hit, input) is lib.exposure_of(x, hit) (lib/exposure.rego)
// on this input, as the Rego works it out, remembered: working it out
// took a fifth of judging a title with a finding, and its operands
// repeat from listing to listing (a rule's meta.exposure, mostly no
// platform figures, the same few prices). The engine gives its
// evaluations the Exposures that remember the answers (WithExposures);
// elsewhere (policy tests, other tools) there is none and the builtin is
// undefined, so lib.finding works the exposure out inline.
//
// It is registered with OPA with the others (builtins.go).
var exposureBuiltin = &ast.Builtin{
	Name:        "xiaoer.exposure",
	Description: "lib.exposure_of(x, hit) on this input, remembered by the engine; undefined outside the engine's evaluations (see lib/finding.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("x", types.A).Description("the rule's meta.exposure"),
			types.Named("hit", types.A).Description("the hit's platform figures"),
			types.Named("input", types.A).Description("the input document"),
		),
		types.Named("exposure", types.A),
	),
}

// Exposures answers xiaoer.exposure: lib.exposure_of(x, hit) evaluated in
// Rego on the parts of input it reads (nil: undefined), within the
// evaluation bctx belongs to (its context and its halt).
type Exposures interface {
	Exposure(bctx topdown.BuiltinContext, x, hit, input *ast.Term) (*ast.Term, error)
}

type exposuresKey struct{}

// WithExposures is ctx with the Exposures an evaluation started with it
// answers xiaoer.exposure with.
func WithExposures(ctx context.Context, e Exposures) context.Context {
	return context.WithValue(ctx, exposuresKey{}, e)
}

func exposure(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	if bctx.Context == nil {
		return nil
	}
	e, _ := bctx.Context.Value(exposuresKey{}).(Exposures)
	if e == nil {
		return nil // lib.finding works it out inline
	}
	t, err := e.Exposure(bctx, operands[0], operands[1], operands[2])
	if err != nil || t == nil {
		return err
	}
	return iter(t)
}
