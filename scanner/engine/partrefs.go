package engine

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// ruleParts is the parts of a listing's input one rule (its head, body
// and nested comprehensions, not its else) can read by the references it
// writes: an input reference reads the part its path names, or every
// part when the path stops above a part's key or names a key only at
// evaluation (a variable); input passed whole reads every part, but to
// object.get with a path written out (read as the path) and to the
// engine's exposure builtins and the findings builtins that pass it on to
// them (exposurePassers, which read exposureReads and the parts they
// declare). The compiler passes input to a call through a variable of its
// own (__local1__ = input): such variables stand for input.
func ruleParts(rule *ast.Rule) inputParts {
	aliases, bindings := inputAliases(rule)
	r := partRefs{aliases: aliases, bindings: bindings}
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
			if path, ok := r.inputPath(x); ok {
				r.parts |= pathParts(path) // an alias read whole
			}
		}
		return false
	}
	ast.NewGenericVisitor(visit).Walk(rule)
	return r.parts
}

// partRefs gathers what one rule's references read.
type partRefs struct {
	aliases  map[ast.Var][]*ast.Term // variables the compiler bound to input or a path of it
	bindings map[*ast.Expr]bool      // the expressions that bind them
	parts    inputParts
}

// expr reads expression x: an alias's binding reads nothing, a call its
// operands; true when x is read through (not to be walked further).
func (r *partRefs) expr(x *ast.Expr, visit func(any) bool) bool {
	if r.bindings[x] {
		return true // the variable's uses read the path
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
// a path written out reads that path, to an exposure builtin (or one that
// passes it on to one) no part.
func (r *partRefs) call(terms []*ast.Term, visit func(any) bool) {
	op, _ := terms[0].Value.(ast.Ref)
	args := terms[1:]
	if op.Equal(objectGetRef) && len(args) >= 2 {
		base, ok := r.inputPath(args[0].Value)
		path, literal := literalPath(args[1])
		if ok && literal {
			r.parts |= pathParts(append(slices.Clip(base), path...))
			walkAll(args[2:], visit)
			return
		}
	}
	if b, ok := exposureInput(op); ok && len(args) > b.at && r.isInput(args[b.at].Value) {
		r.parts |= b.reads // and exposureReads: no part
		r.operands(op, append(slices.Clip(args[:b.at]), args[b.at+1:]...), visit)
		return
	}
	if _, ok := listingReads(op); ok {
		r.operands(op, args, visit)
		return
	}
	walkAll(terms, visit)
}

// operands reads the operands of a call of op: input.listing, where op
// is one of listingBuiltins, what its code reads of it; the rest as
// they are written.
func (r *partRefs) operands(op ast.Ref, args []*ast.Term, visit func(any) bool) {
	reads, whole := listingReads(op)
	for _, arg := range args {
		if path, ok := r.inputPath(arg.Value); whole && ok && len(path) == 1 && isKey(path[0], "listing") {
			r.parts |= reads
			continue
		}
		walkAll([]*ast.Term{arg}, visit)
	}
}

// exposurePassers are the builtins of the policies that take input whole
// by operand at, read the parts of its listing in reads (their code,
// policies/*builtin.go) and pass it on to the exposure (exposureReads):
// xiaoer.fiber_conflict_findings, xiaoer.fiber_findings,
// xiaoer.guarantee_findings, xiaoer.absolute_findings and
// xiaoer.unsourced_findings only pass it to xiaoer.exposed_finding;
// xiaoer.pressure_findings, xiaoer.unsourced_hits and
// xiaoer.plain_unsourced_findings read the lexicon, the fields and the
// numbers of it too (what their rules' Rego reads). Read as input whole,
// each of these kept every fact array for the rows reaching its rule.
var exposurePassers = []exposurePasser{
	{exposedFindingRef, 2, 0}, {exposureRef, 2, 0}, {ast.MustParseRef("xiaoer.fiber_conflict_findings"), 3, 0},
	{fiberFindingsRef, 3, 0}, {guaranteeFindingsRef, 4, 0}, {ast.MustParseRef("xiaoer.absolute_findings"), 6, 0},
	// the found words and held contexts, the fields' runs, the figures
	{ast.MustParseRef("xiaoer.pressure_findings"), 4, partLexicon | fieldParts | partNumbers},
	{ast.MustParseRef("xiaoer.unsourced_findings"), 4, 0},
	{ast.MustParseRef("xiaoer.unsourced_hits"), 5, partLexicon | fieldParts | partNumbers},
	{ast.MustParseRef("xiaoer.plain_unsourced_findings"), 7, partLexicon | fieldParts | partNumbers},
}

// exposurePasser is one of exposurePassers: op takes input by operand at
// and reads the parts reads of its listing.
type exposurePasser struct {
	op    ast.Ref
	at    int
	reads inputParts
}

// exposureInput is exposurePassers' entry for op, false when op is none
// of them.
func exposureInput(op ast.Ref) (exposurePasser, bool) {
	for _, b := range exposurePassers {
		if op.Equal(b.op) {
			return b, true
		}
	}
	return exposurePasser{}, false
}

// listingBuiltins are the builtins of the policies that take input.listing
// whole, and the parts of it their code reads (policies/*builtin.go): as
// a reference to the listing, each would read every part, and the word
// rules that call them would keep every fact array.
var listingBuiltins = []struct {
	op    ast.Ref
	reads inputParts
}{
	{ast.MustParseRef("xiaoer.plain_listing"), partLexicon},            // lexicon.found, lexicon.held, attributes
	{ast.MustParseRef("xiaoer.brand_names"), partLexicon | partTokens}, // lexicon.found, attributes, fields[_].tokens
	{ast.MustParseRef("xiaoer.name_kind"), partLexicon | partTokens},   // lexicon.found, fields[_].tokens
	// lexicon.found and held, the fields (name_kind's tokens, held contexts)
	{ast.MustParseRef("xiaoer.unregistered_hits"), partLexicon | fieldParts},
	{ast.MustParseRef("xiaoer.pattern_hits"), partTokens | partNumbers}, // fields[_].tokens, numbers
	{ast.MustParseRef("xiaoer.found_pattern_hits"), partTokens | partNumbers},
	// lexicon, the fields (held contexts, matches) and what pattern_hits reads
	{ast.MustParseRef("xiaoer.medical_hits"), partLexicon | fieldParts | partNumbers},
	// the fields (held contexts, matches, prefix tokens), numbers (pattern
	// hits; absolute_hits' guarantee figures); lexicon is an operand
	{ast.MustParseRef("xiaoer.partnered_hits"), partLexicon | fieldParts | partNumbers},
	{ast.MustParseRef("xiaoer.absolute_hits"), partLexicon | fieldParts | partNumbers},
	{fiberFindingsRef, partComposition | partFiberClaims}, // fiber_claims, composition
	{guaranteeFindingsRef, partPromises | partLexicon},    // promises, price, lexicon.found
}

var (
	fiberFindingsRef     = ast.MustParseRef("xiaoer.fiber_findings")
	guaranteeFindingsRef = ast.MustParseRef("xiaoer.guarantee_findings")
)

// listingReads is what builtin op reads of the listing it takes whole,
// false when it is none of listingBuiltins (compared as references: the
// analysis meets every call of the pack, and spelling each out costs the
// start-up).
func listingReads(op ast.Ref) (inputParts, bool) {
	for _, b := range listingBuiltins {
		if op.Equal(b.op) {
			return b.reads, true
		}
	}
	return 0, false
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
		if v.Equal(ast.InputRootDocument.Value) {
			return nil, true
		}
		path, ok := r.aliases[v]
		return path, ok
	case ast.Ref:
		head, ok := v[0].Value.(ast.Var)
		if !ok {
			return nil, false
		}
		if head.Equal(ast.InputRootDocument.Value) {
			return v[1:], true
		}
		if base, ok := r.aliases[head]; ok {
			return append(slices.Clip(base), v[1:]...), true
		}
	}
	return nil, false
}

// inputAliases are the variables rule binds to input alone, or to a
// path of input written out (the compiler's __local1__ = input.listing,
// which it writes for every operand of a call), with their paths, and the
// expressions that bind them. A path's variable is taken from the rule's
// own body, where the expression that binds it is the first to name it.
func inputAliases(rule *ast.Rule) (map[ast.Var][]*ast.Term, map[*ast.Expr]bool) {
	var aliases map[ast.Var][]*ast.Term
	var bindings map[*ast.Expr]bool
	bind := func(v ast.Var, path []*ast.Term, x *ast.Expr) {
		if aliases == nil {
			aliases, bindings = map[ast.Var][]*ast.Term{}, map[*ast.Expr]bool{}
		}
		aliases[v], bindings[x] = path, true
	}
	ast.WalkExprs(rule, func(x *ast.Expr) bool {
		if v, path, ok := aliasOf(x); ok && len(path) == 0 {
			bind(v, nil, x)
		}
		return false
	})
	var binds []int // the body's expressions that may bind a path's variable
	for k, x := range rule.Body {
		if _, path, ok := aliasOf(x); ok && len(path) > 0 {
			binds = append(binds, k)
		}
	}
	if len(binds) == 0 {
		return aliases, bindings
	}
	firstAt := make(map[ast.Var]int, len(binds)) // the first expression naming each
	for _, k := range binds {
		v, _, _ := aliasOf(rule.Body[k])
		firstAt[v] = k
	}
	for k, x := range rule.Body[:binds[len(binds)-1]] {
		ast.WalkVars(x, func(v ast.Var) bool {
			if first, ok := firstAt[v]; ok && k < first {
				firstAt[v] = k
			}
			return false
		})
	}
	for _, k := range binds {
		if v, path, _ := aliasOf(rule.Body[k]); firstAt[v] == k {
			bind(v, path, rule.Body[k])
		}
	}
	return aliases, bindings
}

// aliasOf: x is v = input, v a variable, and the path (none); or x is
// v = input.<path>, v a variable of the compiler's own, and the path.
// Bound there (inputAliases: no expression before names it), v only
// names the value, and its uses read the path; where v was bound before,
// x compares, and reads the path itself.
func aliasOf(x *ast.Expr) (ast.Var, []*ast.Term, bool) {
	if !x.IsEquality() || x.Negated || len(x.With) > 0 {
		return "", nil, false
	}
	a, b := x.Operand(0), x.Operand(1)
	if _, ok := inputRefPath(a); ok {
		a, b = b, a
	}
	v, ok := a.Value.(ast.Var)
	path, isInput := inputRefPath(b)
	switch {
	case !ok || !isInput:
		return "", nil, false
	case len(path) == 0:
		return v, nil, true
	}
	return v, path, strings.HasPrefix(string(v), "__local")
}

// inputRefPath is the path into input t writes out, false when t is not
// input or a reference from it.
func inputRefPath(t *ast.Term) ([]*ast.Term, bool) {
	switch v := t.Value.(type) {
	case ast.Var:
		return nil, v.Equal(ast.InputRootDocument.Value)
	case ast.Ref:
		return v[1:], v[0].Equal(ast.InputRootDocument)
	}
	return nil, false
}

var (
	objectGetRef = ast.MustParseRef("object.get")
	exposureRef  = ast.MustParseRef("xiaoer.exposure")
)

// literalPath is an array of strings as terms, or a string as a path of
// one key (object.get's key), false for anything else.
func literalPath(t *ast.Term) ([]*ast.Term, bool) {
	if _, ok := t.Value.(ast.String); ok {
		return []*ast.Term{t}, true
	}
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
		return listingKeyParts(path[1])
	case len(path) <= 3:
		return fieldParts // the fields, or a field, whole
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

// listingKeyParts is the parts a reference to the listing's item t (not
// its fields or lexicon) reads: a fact array's own, none for another key,
// any for a key known only at evaluation.
func listingKeyParts(t *ast.Term) inputParts {
	if s, ok := t.Value.(ast.String); ok {
		return factParts[string(s)]
	}
	return allParts
}

func isKey(t *ast.Term, key string) bool {
	s, ok := t.Value.(ast.String)
	return ok && string(s) == key
}
