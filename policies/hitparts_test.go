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

// exposedFindings, one call's findings, are exposedFindingOf's for each
// hit of the call, in every evaluation context, and ask the exposure of
// a meta once for the hits in a row that share it.
func TestExposedFindingsAskOnce(t *testing.T) {
	input := ast.NewTerm(findingCaseInput(findingCases[0]))
	for _, ctx := range exposureContexts() {
		bctx := topdown.BuiltinContext{Context: ctx}
		ef := &exposedFindings{bctx: bctx, input: input}
		for _, c := range findingCases {
			meta, hit := ast.MustParseTerm(c[0]), ast.MustParseTerm(c[1])
			obj, isObject := hit.Value.(ast.Object)
			if !isObject {
				continue
			}
			got, gotErr := ef.of(meta, partsOf(obj))
			want, wantErr := exposedFindingOf(bctx, meta, input, partsOf(obj))
			if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(gotErr) != fmt.Sprint(wantErr) {
				t.Errorf("of(%s, %s):\n got %v, %v\nwant %v, %v", c[0], c[1], got, gotErr, want, wantErr)
			}
		}
	}
	stub := &stubExposures{answer: ast.StringTerm("remembered")}
	ef := &exposedFindings{bctx: topdown.BuiltinContext{Context: WithExposures(context.Background(), stub)}, input: input}
	changes, hits := 0, 0
	var last *ast.Term
	for _, c := range findingCases {
		meta := ast.MustParseTerm(c[0])
		x := or(get(meta, keyExposure), ast.InternedEmptyObject)
		if _, isObject := meta.Value.(ast.Object); !isObject {
			continue
		}
		if last == nil || !last.Equal(x) {
			changes++
		}
		last, hits = x, hits+1
		if _, err := ef.of(meta, hitParts{message: ast.StringTerm("m")}); err != nil {
			t.Fatal(err)
		}
	}
	if len(stub.asked) != changes || changes >= hits {
		t.Errorf("%d hits, %d changes of exposure: asked %d times, want %d (and fewer than the hits)", hits, changes, len(stub.asked), changes)
	}
}
