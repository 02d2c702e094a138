package engine

import (
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/policies"
)

// The memo keys an answer on the input values at exposureReads and gives
// the query only those: exposure_of, and every rule it reaches, must read
// no other part of the input. This walks the compiled rules reachable
// from exposure_of for the input they refer to.
func TestExposureReadsCoverInput(t *testing.T) {
	read := exposureInputReads(t)
	if len(read) == 0 {
		t.Fatal("exposure_of reads no input: is the walk broken?")
	}
	covered := map[string]bool{}
	for _, p := range exposureReads {
		covered[strings.Join(p, ".")] = true
	}
	for _, p := range read {
		if !covered[p] {
			t.Errorf("exposure_of reads input.%s, which the memo's key (exposureReads) leaves out", p)
		}
	}
}

// exposureInputReads are the input paths the rules reachable from
// lib.exposure_of read: refs to input, and object.get(input, path, _)
// with a path written out ("*" for any other use of the whole input).
func exposureInputReads(t *testing.T) []string {
	t.Helper()
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	modules := map[string]*ast.Module{}
	for _, m := range b.Modules {
		modules[m.Path] = m.Parsed
	}
	c := ast.NewCompiler().WithDefaultRegoVersion(ast.RegoV1)
	if c.Compile(modules); c.Failed() {
		t.Fatal(c.Errors)
	}
	var read []string
	seen := map[*ast.Rule]bool{}
	var walkRule func(r *ast.Rule)
	alias := map[ast.Var]bool{} // locals the whole input is assigned to
	visit := func(x any) bool {
		switch v := x.(type) {
		case ast.Ref:
			switch {
			case v[0].Equal(ast.InputRootDocument):
				read = append(read, refPath(v))
				return true
			case v[0].Equal(ast.DefaultRootDocument):
				for _, r := range c.GetRules(v.GroundPrefix()) {
					walkRule(r)
				}
			}
		case ast.Var:
			if v.Equal(ast.InputRootDocument.Value) || alias[v] {
				read = append(read, "*")
			}
		}
		return false
	}
	walkExpr := func(e *ast.Expr) {
		if v, ok := inputAlias(e); ok {
			alias[v] = true
			return
		}
		if p, ok := objectGetPath(e, alias); ok {
			read = append(read, p)
			for _, op := range e.Operands()[1:] {
				ast.NewGenericVisitor(visit).Walk(op)
			}
			return
		}
		ast.NewGenericVisitor(visit).Walk(e)
	}
	walkRule = func(r *ast.Rule) {
		for ; r != nil && !seen[r]; r = r.Else {
			seen[r] = true
			for _, e := range r.Body {
				walkExpr(e)
			}
			ast.NewGenericVisitor(visit).Walk(r.Head)
		}
	}
	for _, r := range c.GetRules(ast.MustParseRef("data.xiaoer.lib.exposure_of")) {
		walkRule(r)
	}
	slices.Sort(read)
	return slices.Compact(read)
}

// inputAlias is the local of an expression local = input (as the
// compiler writes object.get(input, ...)).
func inputAlias(e *ast.Expr) (ast.Var, bool) {
	if !e.IsEquality() {
		return "", false
	}
	a, b := e.Operand(0), e.Operand(1)
	if isInputRoot(a, nil) {
		a, b = b, a
	}
	v, ok := a.Value.(ast.Var)
	return v, ok && isInputRoot(b, nil)
}

// objectGetPath is the input path of object.get(input, path, default)
// written out, as "a.b.c" (input, or a local in alias).
func objectGetPath(e *ast.Expr, alias map[ast.Var]bool) (string, bool) {
	if !e.IsCall() || !e.Operator().Equal(ast.ObjectGet.Ref()) {
		return "", false
	}
	ops := e.Operands()
	if !isInputRoot(ops[0], alias) {
		return "", false
	}
	var path []string
	switch p := ops[1].Value.(type) {
	case ast.String:
		path = []string{string(p)}
	case *ast.Array:
		for i := 0; i < p.Len(); i++ {
			s, ok := p.Elem(i).Value.(ast.String)
			if !ok {
				return "", false
			}
			path = append(path, string(s))
		}
	default:
		return "", false
	}
	return strings.Join(path, "."), true
}

// isInputRoot is whether t is the whole input, or a local in alias.
func isInputRoot(t *ast.Term, alias map[ast.Var]bool) bool {
	switch v := t.Value.(type) {
	case ast.Var:
		return v.Equal(ast.InputRootDocument.Value) || alias[v]
	case ast.Ref:
		return len(v) == 1 && v[0].Equal(ast.InputRootDocument)
	}
	return false
}

// refPath is an input ref's path after input, "*" where a part is not a
// string written out.
func refPath(r ast.Ref) string {
	if len(r) == 1 {
		return "*"
	}
	parts := make([]string, 0, len(r)-1)
	for _, t := range r[1:] {
		s, ok := t.Value.(ast.String)
		if !ok {
			return "*"
		}
		parts = append(parts, string(s))
	}
	return strings.Join(parts, ".")
}

// The memo evaluates exposure_of on the pack's data: an embedded rule
// that replaced data (with data.tables.exposure as ...) around a finding
// would get the answer for the data it replaced. None does.
func TestNoEmbeddedRuleReplacesData(t *testing.T) {
	b, err := policies.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range b.Modules {
		if strings.HasSuffix(m.Path, "_test.rego") {
			continue // policy tests run without the memo
		}
		ast.WalkExprs(m.Parsed, func(e *ast.Expr) bool {
			for _, w := range e.With {
				if ref, ok := w.Target.Value.(ast.Ref); ok && ref[0].Equal(ast.DefaultRootDocument) {
					t.Errorf("%s: %v replaces data", m.Path, e)
				}
			}
			return false
		})
	}
}
