package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// The pack's rules build every finding with lib.finding(meta, hit)
// (policies/lib/finding.rego), whose first body is one builtin call,
// xiaoer.exposed_finding(meta, hit, input). As a Rego function it costs
// about 50k instructions a finding more than that call: the function
// plugs the hit into its cache key and plugs it again for the call, and
// remembers each answer. Where the engine answers xiaoer.exposure (it
// evaluates the pack with its Exposures, withExposures), the builtin is
// defined whenever meta and hit are objects, so the compiler stage
// engineFindingCalls writes the call in place of lib.finding's; every
// evaluation of the pack goes through evalPack, which gives it the
// Exposures. Policy tests and other tools keep lib.finding and its
// inline exposure, and so does an engine without the memo (EvaluateAll).

var (
	libFinding        = ast.MustParseRef("data.xiaoer.lib.finding")
	exposedFindingRef = ast.MustParseRef("xiaoer.exposed_finding")
)

// engineFindingCalls is the compiler stage (after ResolveRefs, so
// lib.finding is written out whatever its module imports) that makes
// every call lib.finding(meta, hit) of the pack
// xiaoer.exposed_finding(meta, hit, input).
var engineFindingCalls = ast.CompilerStageDefinition{
	Name:       "EngineFindingCalls",
	MetricName: "compile_stage_engine_finding_calls",
	Stage: func(c *ast.Compiler) *ast.Error {
		for _, m := range c.Modules {
			rewriteFindingCalls(m)
		}
		return nil
	},
}

// rewriteFindingCalls rewrites the lib.finding calls of m, nested in a
// term (f := lib.finding(m, h)) or an expression of their own
// (lib.finding(m, h, f)).
func rewriteFindingCalls(m *ast.Module) {
	ast.WalkTerms(m, func(t *ast.Term) bool {
		if call, ok := t.Value.(ast.Call); ok && isFindingCall(call) {
			t.Value = ast.Call(exposedFindingTerms(call))
		}
		return false
	})
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if terms, ok := e.Terms.([]*ast.Term); ok && isFindingCall(terms) {
			e.Terms = exposedFindingTerms(terms)
		}
		return false
	})
}

// isFindingCall: terms are lib.finding's operator and its two operands,
// and perhaps its output.
func isFindingCall(terms []*ast.Term) bool {
	if len(terms) != 3 && len(terms) != 4 {
		return false
	}
	op, ok := terms[0].Value.(ast.Ref)
	return ok && op.Equal(libFinding)
}

// exposedFindingTerms is the call of xiaoer.exposed_finding with terms'
// operands and input (and terms' output, if any).
func exposedFindingTerms(terms []*ast.Term) []*ast.Term {
	out := []*ast.Term{ast.NewTerm(exposedFindingRef).SetLocation(terms[0].Location), terms[1], terms[2], ast.NewTerm(ast.InputRootRef).SetLocation(terms[0].Location)}
	return append(out, terms[3:]...)
}

// evalPack is evalBounded of a query of the embedded pack, with the
// engine's Exposures (withExposures), whatever ctx the caller has: with
// the calls engineFindingCalls writes, a pack evaluation without them
// would find nothing. It reads the pack's store through the shared
// dataCache; user rules, which evalBounded evaluates too, have a store
// of their own.
func (e *Engine) evalPack(ctx context.Context, pq rego.PreparedEvalQuery, out any, input ast.Value) error {
	return e.evalBounded(e.withExposures(ctx), pq, out, input, rego.EvalBaseCache(e.data))
}
