package engine

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// A rule package's constants (skip := {"attributes": true}, ad-pressure's
// messages, ad-absolute's message_format) are rules, and OPA evaluates a
// rule again in every evaluation that refers to it: its index, its body
// (true), its value plugged and put in the evaluation's cache, about 16k
// instructions a constant an evaluation that reaches the rule. The
// compiler stage engineConstantRules writes the constant's value in place
// of every reference to it in the pack's rules, so the compiler holds it
// once. The rule stays: tests, xiaoer explain and main.rego's setup read
// it as before.
//
// A constant is a complete rule with one definition and nothing below its
// path, not a default nor a function, without else, whose body is true
// and whose value is a literal: the value Rego gives it in every
// evaluation. A rule that a with modifier replaces anywhere (policy
// tests, user policies) is left to Rego, and so is everything inside a
// with.

// engineConstantRules is the compiler stage (after SetRuleTree, so the
// rules are found by path, and before the stages that rewrite bodies)
// that writes constants in place of the references to them. One walk
// finds the references and the with targets; the references are written
// after it, those to a replaced constant left out.
var engineConstantRules = ast.CompilerStageDefinition{
	Name:       "EngineConstantRules",
	MetricName: "compile_stage_engine_constant_rules",
	Stage: func(c *ast.Compiler) *ast.Error {
		constants := constantRules(c)
		if len(constants.lengths) == 0 {
			return nil
		}
		var refs referencesToConstants
		for _, m := range c.Modules {
			for _, r := range m.Rules {
				refs.find(r, constants)
			}
		}
		refs.write()
		return nil
	},
}

// constants are a compiler's constants: their values by path, and the
// lengths of their paths (a reference is looked up at those alone).
type constants struct {
	values  *ast.ValueMap
	lengths []int
}

// at is the constant that ref reads, a whole or a part of it (ref's path
// past the constant's: messages.click, meta.basis.law): its path and the
// value read; nil where ref reads no constant or no part of one.
func (cs constants) at(ref ast.Ref) (ast.Ref, ast.Value) {
	for _, n := range cs.lengths {
		if n > len(ref) {
			continue
		}
		if value := cs.values.Get(ref[:n]); value != nil {
			return ref[:n], partOf(value, ref[n:])
		}
	}
	return nil, nil
}

// partOf is value's part at path (nil: none).
func partOf(value ast.Value, path ast.Ref) ast.Value {
	t := ast.NewTerm(value)
	for _, key := range path {
		if t = t.Get(key); t == nil {
			return nil
		}
	}
	return t.Value
}

// constantRules are c's constants.
func constantRules(c *ast.Compiler) constants {
	constants := constants{values: ast.NewValueMap()}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if !isConstant(r) {
				continue
			}
			path := r.Ref()
			if !path.IsGround() || len(c.GetRulesWithPrefix(path)) != 1 {
				continue
			}
			constants.values.Put(path, r.Head.Value.Value)
			if !slices.Contains(constants.lengths, len(path)) {
				constants.lengths = append(constants.lengths, len(path))
			}
		}
	}
	return constants
}

// isConstant: r is a complete rule, not a default nor a function, without
// else, whose body is true and whose value is a literal.
func isConstant(r *ast.Rule) bool {
	h := r.Head
	if r.Default || r.Else != nil || len(h.Args) > 0 || h.Value == nil || h.Key != nil {
		return false
	}
	return r.Body.Equal(ast.NewBody(ast.NewExpr(ast.BooleanTerm(true)))) && isLiteral(h.Value)
}

// isLiteral: t is made of scalars, arrays, objects and sets alone. A
// reference or call (input.x, object.get(...), floor(...)) counts as
// ground to OPA, whose refs are ground past their head, yet its value is
// asked again in every evaluation.
func isLiteral(t *ast.Term) bool {
	literal := true
	ast.NewGenericVisitor(func(x any) bool {
		switch x.(type) {
		case ast.Ref, ast.Call, ast.Var, *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension, *ast.TemplateString:
			literal = false
		}
		return !literal
	}).Walk(t)
	return literal
}

// referencesToConstants are the terms that read a constant, with what
// they read, and the paths with modifiers replace.
type referencesToConstants struct {
	sites   []constantSite
	targets []ast.Ref
}

// constantSite is a term that reads the constant at path, and its value.
type constantSite struct {
	term  *ast.Term
	path  ast.Ref
	value ast.Value
}

// find adds the references to constants in r's value, key and body, and
// in its else chain (none inside a with), and r's with targets. The walk
// is written out, not a visitor's: that one calls a function for every
// node of the pack (every string and variable), which cost most of the
// stage's time at start-up.
func (refs *referencesToConstants) find(r *ast.Rule, constants constants) {
	for ; r != nil; r = r.Else {
		refs.body(r.Body, constants)
		if r.Head.Value != nil {
			refs.term(r.Head.Value, constants)
		}
		if r.Head.Key != nil {
			refs.term(r.Head.Key, constants)
		}
	}
}

func (refs *referencesToConstants) body(b ast.Body, constants constants) {
	for _, e := range b {
		for _, w := range e.With {
			if ref, ok := w.Target.Value.(ast.Ref); ok {
				refs.targets = append(refs.targets, ref)
			}
		}
		switch t := e.Terms.(type) {
		case *ast.Term:
			refs.term(t, constants)
		case []*ast.Term:
			refs.terms(t, constants)
		case *ast.SomeDecl:
			refs.terms(t.Symbols, constants)
		case *ast.Every:
			refs.terms([]*ast.Term{t.Domain}, constants) // key and value are variables
			refs.body(t.Body, constants)
		}
	}
}

func (refs *referencesToConstants) terms(ts []*ast.Term, constants constants) {
	for _, t := range ts {
		if t != nil {
			refs.term(t, constants)
		}
	}
}

// term adds t, where it reads a constant, or the references inside it.
func (refs *referencesToConstants) term(t *ast.Term, constants constants) {
	switch v := t.Value.(type) {
	case ast.Ref:
		refs.ref(t, v, constants)
	case ast.Call:
		refs.terms(v[1:], constants) // v[0] names a function
	case *ast.Array:
		v.Foreach(func(x *ast.Term) { refs.term(x, constants) })
	case ast.Set:
		v.Foreach(func(x *ast.Term) { refs.term(x, constants) })
	case ast.Object:
		v.Foreach(func(k, x *ast.Term) { refs.term(k, constants); refs.term(x, constants) })
	case *ast.ArrayComprehension:
		refs.term(v.Term, constants)
		refs.body(v.Body, constants)
	case *ast.SetComprehension:
		refs.term(v.Term, constants)
		refs.body(v.Body, constants)
	case *ast.ObjectComprehension:
		refs.term(v.Key, constants)
		refs.term(v.Value, constants)
		refs.body(v.Body, constants)
	case *ast.TemplateString:
		refs.template(v)
	}
}

// ref adds t (reference r) where it reads a constant, else the references
// in r's path (data.tables.x[skip.y]).
func (refs *referencesToConstants) ref(t *ast.Term, r ast.Ref, constants constants) {
	if r.HasPrefix(ast.DefaultRootRef) && r.IsGround() {
		if path, value := constants.at(r); value != nil {
			refs.sites = append(refs.sites, constantSite{term: t, path: path, value: value})
			return
		}
	}
	refs.terms(r[1:], constants)
}

// template adds the with targets of a template string's expressions; its
// references are left to Rego (a template string is rare, and walked
// whole here so that no with is missed).
func (refs *referencesToConstants) template(ts *ast.TemplateString) {
	ast.WalkWiths(ts, func(w *ast.With) bool {
		if ref, ok := w.Target.Value.(ast.Ref); ok {
			refs.targets = append(refs.targets, ref)
		}
		return false
	})
}

// write writes each constant's value in place of the references to it,
// but for a constant a with replaces (its path, above it or below it).
func (refs *referencesToConstants) write() {
	for _, s := range refs.sites {
		replaced := slices.ContainsFunc(refs.targets, func(t ast.Ref) bool {
			return t.HasPrefix(s.path) || s.path.HasPrefix(t)
		})
		if !replaced {
			s.term.Value = ast.NewTerm(s.value).Copy().Value
		}
	}
}
