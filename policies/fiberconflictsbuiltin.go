package policies

import (
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_conflicts(statements, tolerance, complete_at) is
// material-fiber's conflicts: the pairs [ida, idb] of composition
// statements (xiaoer.fiber_statements' shape) of the same part that
// disagree, each pair once (ida < idb). tolerance is the difference of
// shares that counts (tables.material.conflict.tolerance), complete_at
// the total from which a statement is complete (tables.material.trace.
// percent). The Rego (rules/material_fiber/statements.rego, conflicting,
// which stays as the fallback) asked every pair of an export row's
// statements through three bodies of conflicting and three of covers:
// about half of the rule's steps on a row with two compositions.
//
// It answers only for statements of that shape (implied and at_least
// booleans, part a string, shares an object of numbers, total a number)
// and numeric bounds, and is undefined otherwise. Differences are OPA's
// own minus and abs, so numbers compare as the Rego's.
var fiberConflictsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_conflicts",
	Description: "The pairs of composition statements that disagree (see rules/material_fiber/statements.rego, conflicting).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("statements", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("tolerance", types.N),
			types.Named("complete_at", types.N),
		),
		types.Named("pairs", types.NewArray(nil, types.NewArray(nil, types.A))),
	),
}

// stated is one composition statement as conflicting reads it.
type stated struct {
	id               *ast.Term
	class            string
	shares           ast.Object
	implied, atLeast bool
	complete         bool
}

func fiberConflicts(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	tolerance, ok1 := operands[1].Value.(ast.Number)
	completeAt, ok2 := operands[2].Value.(ast.Number)
	if !ok1 || !ok2 {
		return nil
	}
	sts, ok := statedAll(operands[0].Value, completeAt)
	if !ok {
		return nil
	}
	pairs := []*ast.Term{}
	for _, a := range sts {
		for _, b := range sts {
			if ast.Compare(a.id, b.id) >= 0 || a.class != b.class {
				continue
			}
			hit, err := conflicting(bctx, a, b, tolerance)
			if err != nil {
				return err
			}
			if hit {
				pairs = append(pairs, ast.ArrayTerm(a.id, b.id))
			}
		}
	}
	return iter(ast.ArrayTerm(pairs...))
}

// statedAll reads the statements, or reports that one is not of the shape.
func statedAll(v ast.Value, completeAt ast.Number) ([]stated, bool) {
	obj, ok := v.(ast.Object)
	if !ok {
		return nil, false
	}
	out := make([]stated, 0, obj.Len())
	err := obj.Iter(func(id, t *ast.Term) error {
		st, ok := statedOf(id, t, completeAt)
		if !ok {
			return errNotStated
		}
		out = append(out, st)
		return nil
	})
	return out, err == nil
}

// errNotStated stops the walk of statements at one not of the shape.
var errNotStated = errors.New("not a composition statement")

func statedOf(id, t *ast.Term, completeAt ast.Number) (stated, bool) {
	obj, ok := t.Value.(ast.Object)
	if !ok {
		return stated{}, false
	}
	part, okP := termOf[ast.String](obj.Get(keyPart))
	shares, okS := termOf[ast.Object](obj.Get(keyShares))
	total, okT := termOf[ast.Number](obj.Get(keyTotal))
	implied, okI := boolOf(obj.Get(keyImplied))
	atLeast, okA := boolOf(obj.Get(keyAtLeast))
	if !okP || !okS || !okT || !okI || !okA || !numbersOnly(shares) {
		return stated{}, false
	}
	return stated{
		id: id, class: partClass(string(part)), shares: shares,
		implied: implied, atLeast: atLeast,
		complete: ast.Compare(total, completeAt) >= 0,
	}, true
}

func termOf[T ast.Value](t *ast.Term) (T, bool) {
	var zero T
	if t == nil {
		return zero, false
	}
	v, ok := t.Value.(T)
	return v, ok
}

func numbersOnly(shares ast.Object) bool {
	ok := true
	shares.Foreach(func(_, v *ast.Term) {
		if _, n := v.Value.(ast.Number); !n {
			ok = false
		}
	})
	return ok
}

// partClass is statements.rego's part_class: the unnamed part is the
// main fabric.
func partClass(part string) string {
	if part == "" {
		return "面料"
	}
	return part
}

// conflicting is statements.rego's conflicting(a, b): figures that
// disagree on a fibre, or a statement naming a fibre a complete one
// leaves out.
func conflicting(bctx topdown.BuiltinContext, a, b stated, tolerance ast.Number) (bool, error) {
	switch {
	case !a.implied && !b.implied && !a.atLeast && !b.atLeast:
		return sharesDisagree(bctx, a, b, tolerance)
	case a.implied && !b.implied && !b.atLeast && b.complete:
		return namesMissing(a.shares, b.shares), nil
	case b.implied && !a.implied && !a.atLeast && a.complete:
		return namesMissing(b.shares, a.shares), nil
	}
	return false, nil
}

// namesMissing: some fibre of named is not in complete.
func namesMissing(named, complete ast.Object) bool {
	missing := false
	named.Foreach(func(fib, _ *ast.Term) {
		missing = missing || complete.Get(fib) == nil
	})
	return missing
}

// sharesDisagree: some fibre either names differs by more than tolerance
// where both give it, or where the one that leaves it out is complete
// (covers).
func sharesDisagree(bctx topdown.BuiltinContext, a, b stated, tolerance ast.Number) (bool, error) {
	for _, pair := range [][2]stated{{a, b}, {b, a}} {
		// The keys in Until's order, not a closure passed to it: one
		// calling differ took bctx (288 bytes) to the heap each call.
		for _, fib := range pair[0].shares.Keys() {
			other := pair[1].shares.Get(fib)
			if other == nil && !pair[1].complete {
				continue
			}
			found, err := differ(bctx, pair[0].shares.Get(fib), other, tolerance)
			if found || err != nil {
				return found, err
			}
		}
	}
	return false, nil
}

// differ: abs(share - other) > tolerance, other 0 where it is missing.
func differ(bctx topdown.BuiltinContext, share, other *ast.Term, tolerance ast.Number) (bool, error) {
	if other == nil {
		other = ast.InternedTerm(0)
	}
	diff, err := call(bctx, "minus", share, other)
	if err != nil {
		return false, err
	}
	if diff, err = call(bctx, "abs", diff); err != nil {
		return false, err
	}
	return ast.Compare(diff.Value, tolerance) > 0, nil
}
