package policies

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// failingExposures answer xiaoer.exposure with err.
type failingExposures struct{ err error }

func (f failingExposures) Exposure(topdown.BuiltinContext, *ast.Term, *ast.Term, *ast.Term) (*ast.Term, error) {
	return nil, f.err
}

// exposedFindingOf of a hit's parts is what the registered
// xiaoer.exposed_finding gives for the hit object, for every finding case
// whose hit has no platform figures: with an answer, without one, without
// Exposures and with Exposures that fail (the same error, wrapped alike).
func TestExposedFindingOfAsBuiltin(t *testing.T) {
	builtin := topdown.GetBuiltin(exposedFindingBuiltin.Name)
	loc := &ast.Location{Row: 3, Col: 4}
	checked, defined := 0, 0
	for _, c := range findingCases {
		meta, hitTerm := ast.MustParseTerm(c[0]), ast.MustParseTerm(c[1])
		hit, isObject := hitTerm.Value.(ast.Object)
		if !isObject || !platformFigures(hit).Equal(ast.InternedEmptyObject) {
			continue
		}
		input := ast.NewTerm(findingCaseInput(c))
		for _, ctx := range exposureContexts() {
			bctx := topdown.BuiltinContext{Context: ctx, Location: loc}
			got, gotErr := exposedFindingOf(bctx, meta, input, partsOf(hit))
			want, wantErr := callFunc(bctx, builtin, meta, hitTerm, input)
			if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprintf("%#v", gotErr) != fmt.Sprintf("%#v", wantErr) {
				t.Errorf("finding(%s, %s):\n got %v, %#v\nwant %v, %#v", c[0], c[1], got, gotErr, want, wantErr)
			}
			checked++
			if got != nil {
				defined++
			}
		}
	}
	if checked < 40 || defined < 8 {
		t.Errorf("%d cases checked, %d defined", checked, defined)
	}
}

// exposureContexts are evaluations' contexts: without Exposures, with
// no answer, with an answer, and failing (a plain error and a halt).
func exposureContexts() []context.Context {
	bg := context.Background()
	return []context.Context{
		bg,
		WithExposures(bg, &stubExposures{}),
		WithExposures(bg, &stubExposures{answer: ast.StringTerm("remembered")}),
		WithExposures(bg, failingExposures{errors.New("no exposure")}),
		WithExposures(bg, failingExposures{topdown.Halt{Err: errors.New("halted")}}),
	}
}
