package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.finding(meta, hit, exposure) is the finding object lib.finding
// (lib/finding.rego) makes of a rule's meta and a hit, given the hit's
// exposure (which stays in Rego, from the data tables). Assembled in
// Rego it took a dozen object.get steps and a copy of the object per
// finding, a fifth of judging a title that has one; here it is one step.
// It reads the fields as the Rego did: the hit's severity and suggestion
// win over meta's, but meta must have both; meta.id, meta.basis and
// hit.message must be there, or the finding is undefined.
//
// It is registered with OPA with the others (builtins.go).
var findingBuiltin = &ast.Builtin{
	Name:        "xiaoer.finding",
	Description: "The finding object of a rule's meta and a hit, with the hit's exposure (see lib/finding.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("meta", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("hit", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
			types.Named("exposure", types.A),
		),
		types.Named("finding", findingType),
	),
}

// findingType is the finding's shape, so the type checker still catches
// a rule reading a field a finding lacks (f.feild).
var findingType = types.NewObject([]*types.StaticProperty{
	types.NewStaticProperty("rule", types.A),
	types.NewStaticProperty("severity", types.A),
	types.NewStaticProperty("message", types.A),
	types.NewStaticProperty("field", types.A),
	types.NewStaticProperty("span", types.NewObject([]*types.StaticProperty{
		types.NewStaticProperty("start", types.A),
		types.NewStaticProperty("end", types.A),
	}, nil)),
	types.NewStaticProperty("evidence", types.A),
	types.NewStaticProperty("basis", types.A),
	types.NewStaticProperty("suggestion", types.A),
	types.NewStaticProperty("exposure", types.A),
	types.NewStaticProperty("details", types.A),
}, nil)

var (
	keyRule       = key("rule")
	keySeverity   = key("severity")
	keyMessage    = key("message")
	keyField      = key("field")
	keySpan       = key("span")
	keyStart      = key("start")
	keyEnd        = key("end")
	keyEvidence   = key("evidence")
	keyBasis      = key("basis")
	keySuggestion = key("suggestion")
	keyExposure   = key("exposure")
	keyDetails    = key("details")
	keyID         = key("id")
	keyS          = key("s")
	keyE          = key("e")
	emptyString   = ast.StringTerm("")
	zero          = ast.IntNumberTerm(0)
)

// finding is xiaoer.finding; it calls iter with nothing (undefined) where
// the Rego object was undefined, and errs on operands that are not objects
// as object.get does.
func finding(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	meta, err := builtins.ObjectOperand(operands[0].Value, 1)
	if err != nil {
		return err
	}
	hit, err := builtins.ObjectOperand(operands[1].Value, 2)
	if err != nil {
		return err
	}
	return findingOf(meta, partsOf(hit), operands[2], iter)
}

// findingOf is lib.finding's object of meta, a hit's parts and its
// exposure, given to iter; nothing where the Rego object is undefined.
func findingOf(meta ast.Object, h hitParts, exposure *ast.Term, iter func(*ast.Term) error) error {
	id, severity, suggestion, basis := meta.Get(keyID), meta.Get(keySeverity), meta.Get(keySuggestion), meta.Get(keyBasis)
	if id == nil || severity == nil || suggestion == nil || basis == nil || h.message == nil {
		return nil
	}
	// The items go in their keys' order: a finding's keys are sorted
	// when it is first read in order (decoded, or compared in the set of
	// findings), and sorting items already in order moves none.
	return iter(ast.ObjectTerm(
		ast.Item(keyBasis, basis),
		ast.Item(keyDetails, or(h.details, ast.InternedEmptyObject)),
		ast.Item(keyEvidence, or(h.evidence, emptyString)),
		ast.Item(keyExposure, exposure),
		ast.Item(keyField, or(h.field, emptyString)),
		ast.Item(keyMessage, h.message),
		ast.Item(keyRule, id),
		ast.Item(keySeverity, or(h.severity, severity)),
		ast.Item(keySpan, ast.ObjectTerm(
			ast.Item(keyEnd, or(h.e, zero)),
			ast.Item(keyStart, or(h.s, zero)),
		)),
		ast.Item(keySuggestion, or(h.suggestion, suggestion)),
	))
}

// or is t, or def when t is absent (object.get's default).
func or(t, def *ast.Term) *ast.Term {
	if t == nil {
		return def
	}
	return t
}
