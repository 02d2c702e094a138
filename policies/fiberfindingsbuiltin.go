package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_findings(listing, tables, meta, input) is material-fiber's
// findings (rules/material_fiber/material_fiber.rego) in one call, in the
// engine's evaluations, for a listing none of whose claims has a
// statement of its part: every title that reaches the rule (its claims
// are unbacked) and the export rows whose statements conflict. Walking
// the rule's three bodies there took about 400k instructions a listing
// (the claims, the statements, the unbacked hits and their meta, a call
// of lib.finding a hit, each a rule or a call); here the builtins those
// bodies call are called in turn from Go.
//
// It is undefined outside the engine's evaluations (no Exposures: the
// findings' exposure is worked out inline there), where a claim has a
// statement of its part (the Rego grades it), and wherever one of those
// builtins is, so walked_findings takes every such listing as before.
var fiberFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_findings",
	Description: "material-fiber's findings in one call where no claim has a statement of its part; undefined outside the engine's evaluations (see rules/material_fiber/material_fiber.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A),
			types.Named("tables", types.A),
			types.Named("meta", types.A),
			types.Named("input", types.A),
		),
		types.Named("findings", types.NewSet(findingType)),
	),
}

var (
	keyComposition = ast.StringTerm("composition")
	keyUnstated    = ast.StringTerm("unstated")
)

func fiberFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, ok := operands[0].Value.(ast.Object)
	if !ok || !withExposures(bctx) {
		return nil
	}
	tables, meta, input := operands[1], operands[2], operands[3]
	claims, statements, err := claimsAndStatements(bctx, listing, tables)
	if claims == nil || statements == nil || err != nil {
		return err
	}
	if anyBacked(claims, statements) != noneBacked {
		return nil // graded in Rego
	}
	found := ast.NewSet()
	if claims.Len() > 0 {
		if ok, err := addUnbacked(bctx, found, claims, tables, meta, input); !ok || err != nil {
			return err
		}
	}
	if statements.Len() > 1 {
		conflicts, err := call(bctx, fiberConflictFindingsBuiltin.Name, ast.NewTerm(statements), tables, meta, input)
		if conflicts == nil || err != nil {
			return err
		}
		conflicts.Value.(*ast.Array).Foreach(found.Add)
	}
	return iter(ast.NewTerm(found))
}

// claimsAndStatements are the rule's claims and statements: those of
// xiaoer.fiber_claims and xiaoer.fiber_statements, none where the listing
// has no claims or composition (as the rules' comprehensions have it);
// nil where a builtin is undefined.
func claimsAndStatements(bctx topdown.BuiltinContext, listing ast.Object, tables *ast.Term) (*ast.Array, ast.Object, error) {
	claims, statements := ast.NewArray(), ast.NewObject()
	if t := listing.Get(keyFiberClaims); t != nil {
		kept, err := call(bctx, fiberClaimsBuiltin.Name, t, tables)
		if kept == nil || err != nil {
			return nil, nil, err
		}
		claims = kept.Value.(*ast.Array)
	}
	if t := listing.Get(keyComposition); t != nil {
		grouped, err := call(bctx, fiberStatementsBuiltin.Name, t)
		if grouped == nil || err != nil {
			return nil, nil, err
		}
		statements = grouped.Value.(ast.Object)
	}
	return claims, statements, nil
}

// backing is whether some claim has a statement of its part.
type backing int

const (
	noneBacked backing = iota
	someBacked
	unknownPart // a part that is not a string: the Rego compares it
)

// anyBacked tells whether some claim has a statement of its part
// (relevant(c) is not empty), by part_class.
func anyBacked(claims *ast.Array, statements ast.Object) backing {
	if statements.Len() == 0 {
		return noneBacked
	}
	var parts []string
	for _, k := range statements.Keys() {
		p, ok := partOf(statements.Get(k))
		if !ok {
			return unknownPart
		}
		parts = append(parts, p)
	}
	for i := range claims.Len() {
		c, ok := partOf(claims.Elem(i))
		if !ok {
			return unknownPart
		}
		for _, p := range parts {
			if p == c {
				return someBacked
			}
		}
	}
	return noneBacked
}

// partOf is the part_class of t's part, false where it has no string part.
func partOf(t *ast.Term) (string, bool) {
	p := get(t, keyPart)
	if p == nil {
		return "", false
	}
	part, ok := p.Value.(ast.String)
	if !ok {
		return "", false
	}
	return partClass(string(part)), true
}

// addUnbacked adds the findings of the claims nothing backs, as the
// rule's second body makes them: xiaoer.fiber_unbacked's hits with
// unstated_meta. false where a builtin is undefined.
func addUnbacked(bctx topdown.BuiltinContext, found ast.Set, claims *ast.Array, tables, meta, input *ast.Term) (bool, error) {
	unstated := memberOf(tables, keyUnstated)
	if unstated == nil {
		return false, nil
	}
	hits, err := call(bctx, fiberUnbackedBuiltin.Name, ast.NewTerm(claims), tables)
	if hits == nil || err != nil {
		return false, err
	}
	unstatedMeta, err := call(bctx, basisMetaBuiltin.Name, meta, unstated)
	if unstatedMeta == nil || err != nil {
		return false, err
	}
	return addFindings(bctx, found, unstatedMeta, hits, input)
}

// addFindings adds to found the finding of each of the hits with meta,
// as lib.finding makes it in the engine's evaluations
// (xiaoer.exposed_finding); false where one is undefined.
func addFindings(bctx topdown.BuiltinContext, found ast.Set, meta, hits, input *ast.Term) (bool, error) {
	list := hits.Value.(*ast.Array)
	for i := range list.Len() {
		f, err := call(bctx, exposedFindingBuiltin.Name, meta, list.Elem(i), input)
		if f == nil || err != nil {
			return false, err
		}
		found.Add(f)
	}
	return true, nil
}
