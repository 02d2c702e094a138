package engine

import (
	"github.com/open-policy-agent/opa/v1/ast"
)

// A rule's meta is a constant of its package, yet a builtin that makes
// the rule's findings (xiaoer.fiber_findings, xiaoer.pressure_findings
// and the others that take a package name) was given it by the rule, and Rego evaluated the meta rule again in
// every evaluation that reached it: about 16k instructions each time.
// The engine reads the metas off the compiled modules once, when it is
// set up, and those builtins ask the memo for it by package name
// (policies.Metas). Only a meta written as one constant (meta := {...},
// no body, nothing in it to evaluate) is kept: the value Rego gives it in
// every evaluation. For any other the builtin is undefined and the rule's
// Rego decides.

// ruleMetas are the constant metas of the compiled rule packages
// (data.xiaoer.rules.<name>), by package name.
func ruleMetas(c *ast.Compiler) map[string]*ast.Term {
	metas := map[string]*ast.Term{}
	for _, m := range c.Modules {
		id, literal, isRule := rulePackageOf(m.Package.Path)
		if !literal || !isRule || len(m.Package.Path) != 4 {
			continue
		}
		if meta := constantMeta(c.GetRulesExact(m.Package.Path.Append(ast.StringTerm("meta")))); meta != nil {
			metas[id] = meta
		}
	}
	return metas
}

// constantMeta is the value of the one meta rule in rules when it is a
// constant: a complete rule, not a default or a function, with no else,
// whose body is true and whose value is ground (the compiler moves what
// a value reads, input.id or a table, into the body).
func constantMeta(rules []*ast.Rule) *ast.Term {
	if len(rules) != 1 {
		return nil
	}
	r := rules[0]
	if r.Default || r.Else != nil || len(r.Head.Args) > 0 || r.Head.Value == nil || r.Head.Key != nil {
		return nil
	}
	if !r.Body.Equal(ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))) || !r.Head.Value.IsGround() {
		return nil
	}
	return r.Head.Value
}

// Meta is the meta of rule package pkg, nil where the memo has none.
func (m *exposureMemo) Meta(pkg string) *ast.Term {
	return m.metas[pkg]
}
