package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_conflict_findings(statements, tables, meta, input) is
// material-fiber's conflict findings (rules/material_fiber/
// material_fiber.rego, which keeps the Rego as the fallback): for each
// hit of conflict_hits, lib.finding(conflict_meta, hit). It chains the
// builtins the Rego asks one by one (xiaoer.fiber_conflicts,
// xiaoer.fiber_conflict_hits, xiaoer.basis_meta and, per hit,
// xiaoer.exposed_finding) with the operands the Rego gives them, read
// from tables (data.tables.material) as the Rego reads them. Asked one
// by one they were two rules, a call of lib.finding per hit and five
// builtin calls: the most of an export row's material-fiber, where most
// rows that reach the rule have a conflict and no claim.
//
// It is undefined wherever one of them is (outside the engine's
// evaluations, where exposed_finding is; statements or tables not of the
// shape), so the Rego then works the findings out as it always did.
var fiberConflictFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_conflict_findings",
	Description: "material-fiber's conflict findings in one call (see rules/material_fiber/material_fiber.rego); undefined outside the engine's evaluations.",
	Decl: types.NewFunction(
		types.Args(
			types.Named("statements", types.A),
			types.Named("tables", types.A),
			types.Named("meta", types.A),
			types.Named("input", types.A),
		),
		types.Named("findings", types.NewArray(nil, findingType)),
	),
}

var (
	keyConflict  = key("conflict")
	keyTolerance = key("tolerance")
	keyTrace     = key("trace")
)

func fiberConflictFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	statements, tables, meta, input := operands[0], operands[1], operands[2], operands[3]
	conflict, tolerance, percent, names, ok := conflictTables(tables)
	if !ok {
		return nil
	}
	pairs, err := call(bctx, fiberConflictsBuiltin.Name, statements, tolerance, percent)
	if pairs == nil || err != nil {
		return err
	}
	hits, err := call(bctx, fiberConflictHitsBuiltin.Name, statements, pairs, names)
	if hits == nil || err != nil {
		return err
	}
	conflictMeta, err := call(bctx, basisMetaBuiltin.Name, meta, conflict)
	if conflictMeta == nil || err != nil {
		return err
	}
	list := hits.Value.(*ast.Array)
	found := make([]*ast.Term, 0, list.Len())
	for i := range list.Len() {
		f, err := call(bctx, exposedFindingBuiltin.Name, conflictMeta, list.Elem(i), input)
		if f == nil || err != nil {
			return err
		}
		found = append(found, f)
	}
	return iter(ast.ArrayTerm(found...))
}

// conflictTables reads tables.conflict, tables.conflict.tolerance,
// tables.trace.percent and tables.field_names, as the Rego's references
// do (ok false where one is missing: the reference is undefined).
func conflictTables(tables *ast.Term) (conflict, tolerance, percent, names *ast.Term, ok bool) {
	obj, isObject := tables.Value.(ast.Object)
	if !isObject {
		return nil, nil, nil, nil, false
	}
	conflict, trace, names := obj.Get(keyConflict), obj.Get(keyTrace), obj.Get(keyFieldNames)
	if conflict == nil || trace == nil || names == nil {
		return nil, nil, nil, nil, false
	}
	tolerance, percent = memberOf(conflict, keyTolerance), memberOf(trace, keyPercent)
	return conflict, tolerance, percent, names, tolerance != nil && percent != nil
}

// memberOf is t[key] where t is an object, else nil.
func memberOf(t, key *ast.Term) *ast.Term {
	if obj, ok := t.Value.(ast.Object); ok {
		return obj.Get(key)
	}
	return nil
}
