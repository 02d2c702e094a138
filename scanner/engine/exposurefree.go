package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// evalTraced is eval that also says whether the evaluation read the input
// beyond the operands: whether it evaluated an expression that refers to
// it. One that did not would take the same steps to the same answer on
// any input. Rule indexing is off, as the index reads input values to
// pick the rules it skips (input.kind == "listing" in lib.punitive), and
// so is early exit, which skips rules after the first answer; the
// evaluation then reads the input only through the expressions it
// evaluates. Tracing costs, so the memo traces once for each x and hit.
func (m *exposureMemo) evalTraced(bctx topdown.BuiltinContext, a *exposureAnswer) (*ast.Term, bool, error) {
	var t inputTracer
	v, err := m.eval(bctx, a, rego.EvalQueryTracer(&t), rego.EvalRuleIndexing(false), rego.EvalEarlyExit(false))
	return v, t.read, err
}

// inputTracer notes an evaluated expression that refers to the input
// other than through input.x and input.hit (the operands).
type inputTracer struct{ read bool }

func (t *inputTracer) Enabled() bool               { return true }
func (t *inputTracer) Config() topdown.TraceConfig { return topdown.TraceConfig{} }
func (t *inputTracer) TraceEvent(ev topdown.Event) {
	if expr, ok := ev.Node.(*ast.Expr); ok && ev.Op == topdown.EvalOp && !t.read {
		t.read = refersToInput(expr)
	}
}

// refersToInput is whether x refers to the input other than through
// input.x or input.hit.
func refersToInput(x any) bool {
	found := false
	ast.WalkTerms(x, func(t *ast.Term) bool {
		switch v := t.Value.(type) {
		case ast.Ref:
			if v[0].Equal(ast.InputRootDocument) {
				found = found || !isOperand(v)
				return true
			}
		case ast.Var:
			found = found || v.Equal(ast.InputRootDocument.Value)
		}
		return found
	})
	return found
}

var operandKeys = [...]*ast.Term{ast.StringTerm("x"), ast.StringTerm("hit")}

// isOperand is whether ref is input.x or input.hit, or a path under them.
func isOperand(ref ast.Ref) bool {
	return len(ref) > 1 && (ref[1].Equal(operandKeys[0]) || ref[1].Equal(operandKeys[1]))
}
