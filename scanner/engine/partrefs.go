package engine

import (
	"slices"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ruleParts is the parts of a listing's input one rule (its head, body
// and nested comprehensions, not its else) can read by the references it
// writes: an input reference reads the part its path names, or every
// part when the path stops above a part's key or names a key only at
// evaluation (a variable); input passed whole reads every part, but to
// object.get with a path written out (read as the path) and to the
// engine's exposure builtins (which read only exposureReads). The
// compiler passes input to a call through a variable of its own
// (__local1__ = input): such variables stand for input.
func ruleParts(rule *ast.Rule) inputParts {
	r := partRefs{aliases: inputAliases(rule)}
	var visit func(x any) bool
	visit = func(x any) bool {
		switch x := x.(type) {
		case *ast.Rule:
			return x != rule // an else is a rule of its own (closureParts)
		case *ast.Expr:
			return r.expr(x, visit)
		case ast.Call:
			r.call(x, visit)
			return true
		case ast.Ref:
			if path, ok := r.inputPath(x); ok {
				r.parts |= pathParts(path)
				walkAll(x[1:], visit)
				return true
			}
		case ast.Var:
			if r.isInput(x) {
				r.parts = allParts
			}
		}
		return false
	}
	ast.NewGenericVisitor(visit).Walk(rule)
	return r.parts
}

// partRefs gathers what one rule's references read.
type partRefs struct {
	aliases map[ast.Var]bool // variables the compiler bound to input
	parts   inputParts
}

// expr reads expression x: an alias's binding reads nothing, a call its
// operands; true when x is read through (not to be walked further).
func (r *partRefs) expr(x *ast.Expr, visit func(any) bool) bool {
	if _, ok := aliasOf(x); ok {
		return true
	}
	terms, ok := x.Terms.([]*ast.Term)
	if !ok || !x.IsCall() {
		return false
	}
	r.call(terms, visit)
	for _, w := range x.With {
		ast.NewGenericVisitor(visit).Walk(w)
	}
	return true
}

// call reads a call's operands: input passed whole to object.get with
// a path written out reads that path, to an exposure builtin no part.
func (r *partRefs) call(terms []*ast.Term, visit func(any) bool) {
	op, _ := terms[0].Value.(ast.Ref)
	args := terms[1:]
	switch {
	case op.Equal(objectGetRef) && len(args) >= 2:
		base, ok := r.inputPath(args[0].Value)
		path, literal := literalPath(args[1])
		if ok && literal {
			r.parts |= pathParts(append(slices.Clip(base), path...))
			walkAll(args[2:], visit)
			return
		}
	case (op.Equal(exposedFindingRef) || op.Equal(exposureRef)) && len(args) >= 3 && r.isInput(args[2].Value):
		walkAll(args[:2], visit)
		walkAll(args[3:], visit)
		return // exposureReads: no part
	}
	walkAll(terms, visit)
}

// isInput: v is input itself, as a variable, a reference or an alias.
func (r *partRefs) isInput(v ast.Value) bool {
	path, ok := r.inputPath(v)
	return ok && len(path) == 0
}

// inputPath is the path into input that v refers to, false when v is not
// input, an alias or a reference from either.
func (r *partRefs) inputPath(v ast.Value) ([]*ast.Term, bool) {
	switch v := v.(type) {
	case ast.Var:
		return nil, v.Equal(ast.InputRootDocument.Value) || r.aliases[v]
	case ast.Ref:
		head, ok := v[0].Value.(ast.Var)
		if ok && (head.Equal(ast.InputRootDocument.Value) || r.aliases[head]) {
			return v[1:], true
		}
	}
	return nil, false
}

// inputAliases are the variables rule binds to input alone.
func inputAliases(rule *ast.Rule) map[ast.Var]bool {
	var aliases map[ast.Var]bool
	ast.WalkExprs(rule, func(x *ast.Expr) bool {
		if v, ok := aliasOf(x); ok {
			if aliases == nil {
				aliases = map[ast.Var]bool{}
			}
			aliases[v] = true
		}
		return false
	})
	return aliases
}

// aliasOf: x is v = input, v a variable.
func aliasOf(x *ast.Expr) (ast.Var, bool) {
	if !x.IsEquality() || x.Negated || len(x.With) > 0 {
		return "", false
	}
	a, b := x.Operand(0), x.Operand(1)
	if isInputTerm(a) {
		a, b = b, a
	}
	v, ok := a.Value.(ast.Var)
	return v, ok && isInputTerm(b)
}

func isInputTerm(t *ast.Term) bool {
	switch v := t.Value.(type) {
	case ast.Var:
		return v.Equal(ast.InputRootDocument.Value)
	case ast.Ref:
		return len(v) == 1 && v[0].Equal(ast.InputRootDocument)
	}
	return false
}

var (
	objectGetRef = ast.MustParseRef("object.get")
	exposureRef  = ast.MustParseRef("xiaoer.exposure")
)

// literalPath is an array of strings as terms, false for anything else.
func literalPath(t *ast.Term) ([]*ast.Term, bool) {
	arr, ok := t.Value.(*ast.Array)
	if !ok {
		return nil, false
	}
	path := make([]*ast.Term, arr.Len())
	for i := range path {
		if _, ok := arr.Elem(i).Value.(ast.String); !ok {
			return nil, false
		}
		path[i] = arr.Elem(i)
	}
	return path, true
}

func walkAll(terms []*ast.Term, visit func(any) bool) {
	for _, t := range terms {
		ast.NewGenericVisitor(visit).Walk(t)
	}
}

// pathParts is the parts a reference into input at path can read.
func pathParts(path []*ast.Term) inputParts {
	switch {
	case len(path) == 0:
		return allParts
	case !isKey(path[0], "listing"):
		return unlessKey(path[0])
	case len(path) == 1:
		return allParts
	case isKey(path[1], "lexicon"):
		return partLexicon
	case !isKey(path[1], "fields"):
		return unlessKey(path[1])
	case len(path) <= 3:
		return allParts // the fields, or a field, whole
	case isKey(path[3], "tokens"):
		return partTokens
	case isKey(path[3], "sentences"):
		return partSentences
	}
	return unlessKey(path[3])
}

// unlessKey: a key other than a part's reads no part; a key known only
// at evaluation may be any part's.
func unlessKey(t *ast.Term) inputParts {
	if _, ok := t.Value.(ast.String); ok {
		return 0
	}
	return allParts
}

func isKey(t *ast.Term, key string) bool {
	s, ok := t.Value.(ast.String)
	return ok && string(s) == key
}
