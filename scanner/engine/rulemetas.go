package engine

import (
	"context"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// A rule's meta is a constant of its package, yet a builtin that makes
// the rule's findings (xiaoer.fiber_findings, xiaoer.guarantee_findings)
// was given it by the rule, and Rego evaluated the meta rule again in
// every evaluation that reached it: about 16k instructions each time.
// The engine reads every rule package's meta once, when it is set up,
// and those builtins ask the memo for it by package name
// (policies.Metas): the same value the rule would give, as long as it is
// a constant, which is all the memo keeps.

// metasQuery is every rule package's meta, by package name.
const metasQuery = "x := {id: m | some id; m := data.xiaoer.rules[id].meta}"

// ruleMetas reads the metas of the pack's rule packages: only those that
// are ground, so no meta that depends on its evaluation (a user rule's
// reading input or data) is answered from here.
func ruleMetas(ctx context.Context, base []func(*rego.Rego)) (map[string]*ast.Term, error) {
	pq, err := prepare(ctx, metasQuery, base)
	if err != nil {
		return nil, err
	}
	rs, err := pq.Eval(ctx, resultAST, rego.EvalParsedInput(ast.NewObject()))
	if err != nil {
		return nil, err
	}
	metas := map[string]*ast.Term{}
	if len(rs) == 0 {
		return metas, nil
	}
	all, _ := rs[0].Bindings["x"].(*ast.Term)
	if all == nil {
		return metas, nil
	}
	obj, _ := all.Value.(ast.Object)
	if obj == nil {
		return metas, nil
	}
	obj.Foreach(func(k, v *ast.Term) {
		if id, ok := k.Value.(ast.String); ok && v.IsGround() {
			metas[string(id)] = v
		}
	})
	return metas, nil
}

// Meta is the meta of rule package pkg, nil where the memo has none.
func (m *exposureMemo) Meta(pkg string) *ast.Term {
	return m.metas[pkg]
}
