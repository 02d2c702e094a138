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
// evaluation.
// A rule that a with modifier replaces anywhere (policy tests, user
// policies) is left to Rego, and so is everything inside a with.

// engineConstantRules is the compiler stage (after SetRuleTree, so the
// rules are found by path, and before the stages that rewrite bodies)
// that writes constants in place of the references to them.
var engineConstantRules = ast.CompilerStageDefinition{
	Name:       "EngineConstantRules",
	MetricName: "compile_stage_engine_constant_rules",
	Stage: func(c *ast.Compiler) *ast.Error {
		constants := constantRules(c)
		if len(constants.lengths) == 0 {
			return nil
		}
		for _, m := range c.Modules {
			for _, r := range m.Rules {
				inlineConstantsOf(r, constants)
			}
		}
		return nil
	},
}

// constants are a compiler's constants: their values by path, and the
// lengths of their paths (a reference is looked up at those alone).
type constants struct {
	values  *ast.ValueMap
	lengths []int
}

// at is the value of the constant at path ref[:n] and the rest of ref.
func (cs constants) at(ref ast.Ref) (ast.Value, ast.Ref) {
	for _, n := range cs.lengths {
		if n > len(ref) {
			continue
		}
		if value := cs.values.Get(ref[:n]); value != nil {
			return value, ref[n:]
		}
	}
	return nil, nil
}

// constantRules are c's constants.
func constantRules(c *ast.Compiler) constants {
	replaced := withTargets(c)
	constants := constants{values: ast.NewValueMap()}
	for _, m := range c.Modules {
		for _, r := range m.Rules {
			if !isConstant(r) {
				continue
			}
			path := r.Ref()
			if !path.IsGround() || replacedAt(replaced, path) || len(c.GetRulesWithPrefix(path)) != 1 {
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

// withTargets are the data paths that a with modifier replaces in c.
func withTargets(c *ast.Compiler) []ast.Ref {
	var targets []ast.Ref
	for _, m := range c.Modules {
		ast.WalkWiths(m, func(w *ast.With) bool {
			if ref, ok := w.Target.Value.(ast.Ref); ok {
				targets = append(targets, ref)
			}
			return false
		})
	}
	return targets
}

// replacedAt: a with target is path, above it or below it.
func replacedAt(targets []ast.Ref, path ast.Ref) bool {
	for _, t := range targets {
		if t.HasPrefix(path) || path.HasPrefix(t) {
			return true
		}
	}
	return false
}

// inlineConstantsOf writes constants in place of the references to them
// in r's value, key and body, and in its else chain; not inside a with.
func inlineConstantsOf(r *ast.Rule, constants constants) {
	for ; r != nil; r = r.Else {
		v := ast.NewGenericVisitor(func(x any) bool {
			switch x := x.(type) {
			case *ast.With:
				return true
			case *ast.Term:
				if value := constantAt(x, constants); value != nil {
					x.Value = ast.NewTerm(value).Copy().Value
					return true
				}
			}
			return false
		})
		v.Walk(r.Body)
		if r.Head.Value != nil {
			v.Walk(r.Head.Value)
		}
		if r.Head.Key != nil {
			v.Walk(r.Head.Key)
		}
	}
}

// constantAt is the value that term t refers to: a constant, or a part of
// one read with a ground path (messages.click, meta.basis.law); nil where
// t refers to no constant or to no part of one.
func constantAt(t *ast.Term, constants constants) ast.Value {
	ref, ok := t.Value.(ast.Ref)
	if !ok || !ref.HasPrefix(ast.DefaultRootRef) || !ref.IsGround() {
		return nil
	}
	if value, rest := constants.at(ref); value != nil {
		return partOf(value, rest)
	}
	return nil
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
