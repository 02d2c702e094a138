package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_findings(listing, tables, package, input) is material-fiber's
// findings (rules/material_fiber/material_fiber.rego) in one call, in the
// engine's evaluations: the claims graded by the statements of their part
// with figures (fibergrade.go), the unbacked claims and the conflicting
// statements. Walking the rule's three bodies took about 400k
// instructions a listing without graded claims (the claims, the
// statements, the unbacked hits and their meta, a call of lib.finding a
// hit, each a rule or a call) and about 350k more a graded claim; here
// the builtins those bodies call are called in turn from Go.
//
// The rule's meta is the one the evaluation's Metas give its package
// (exposurebuiltin.go), where passing meta evaluated the meta rule in
// every evaluation that reached the rule (about 16k instructions).
//
// It is undefined outside the engine's evaluations (no Exposures: the
// findings' exposure is worked out inline there), where a claim's part
// has only statements without figures (implied_grade, in Rego), and
// wherever one of those builtins or the data read is not of the shape
// expected, so walked_findings takes every such listing as before.
var fiberFindingsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_findings",
	Description: "material-fiber's findings in one call; undefined outside the engine's evaluations and for claims beside implied statements (see rules/material_fiber/material_fiber.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("listing", types.A),
			types.Named("tables", types.A),
			types.Named("package", types.S),
			types.Named("input", types.A),
		),
		types.Named("findings", types.NewSet(findingType)),
	),
}

var (
	keyComposition = key("composition")
	keyUnstated    = key("unstated")
)

func fiberFindings(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	listing, ok := operands[0].Value.(ast.Object)
	if !ok || !withExposures(bctx) {
		return nil
	}
	tables, meta, input := operands[1], metaOf(bctx, operands[2]), operands[3]
	if meta == nil {
		return nil
	}
	claims, statements, err := claimsAndStatements(bctx, listing, tables)
	if claims == nil || statements == nil || err != nil {
		return err
	}
	found := ast.NewSet()
	unbacked, ok, err := addGraded(bctx, found, claims, statements, judged{tables: tables, meta: meta}, input)
	if !ok || err != nil {
		return err
	}
	if unbacked.Len() > 0 {
		if ok, err := addUnbacked(bctx, found, unbacked, tables, meta, input); !ok || err != nil {
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

// addGraded adds the finding of each claim with statements of its part
// (the rule's first body) and gives the claims without (unbacked), in
// order; false where the Rego grades some claim.
func addGraded(bctx topdown.BuiltinContext, found ast.Set, claims *ast.Array, statements ast.Object, j judged, input *ast.Term) (*ast.Array, bool, error) {
	unbacked := ast.NewArray()
	names := memberOf(j.tables, keyFieldNames)
	for i := range claims.Len() {
		c := claims.Elem(i)
		relevant, ok := relevantTo(c, statements)
		if !ok || names == nil {
			return nil, false, nil
		}
		if len(relevant) == 0 {
			unbacked = unbacked.Append(c)
			continue
		}
		th, err := thresholdOf(bctx, c, j.tables)
		if th == nil || err != nil {
			return nil, false, err
		}
		j.claim, j.th, j.names = c.Value.(ast.Object), th, names
		f, ok, err := claimFinding(bctx, j, relevant, input)
		if !ok || err != nil {
			return nil, false, err
		}
		if f != nil {
			found.Add(f)
		}
	}
	return unbacked, true, nil
}

// relevantTo is relevant(c): the statements of the claim's part, in key
// order; false where a part is not a string (the Rego compares it).
func relevantTo(c *ast.Term, statements ast.Object) ([]ast.Object, bool) {
	part, ok := partOf(c)
	if !ok {
		return nil, false
	}
	var out []ast.Object
	ok = true
	statements.Foreach(func(_, st *ast.Term) {
		p, isPart := partOf(st)
		ok = ok && isPart
		if isPart && p == part {
			out = append(out, st.Value.(ast.Object))
		}
	})
	return out, ok
}

// thresholdOf is threshold(c): the claimed fibre's table entry with the
// claim form's keys in place of its own.
func thresholdOf(bctx topdown.BuiltinContext, c, tables *ast.Term) (ast.Object, error) {
	entry := get(get(tables, keyFiberClaims), get(c, keyFiber))
	t := &texts{bctx: bctx}
	form := t.call("object.get", entry, ast.ArrayTerm(keyForms, get(c, keyForm)), ast.InternedEmptyObject)
	th := t.call("object.union", t.call("object.remove", entry, t.call("object.keys", form)), form)
	obj, _ := termOf[ast.Object](th)
	return obj, t.err
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
