package policies

import (
	"math"
	"strconv"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.fiber_statements(composition) groups a listing's composition
// (input.listing.composition) into the statements material-fiber judges:
// {id: statement}, each statement the fibres stated together for one
// part (棉95% 聚氨酯弹性纤维5%) with their shares, total, display text and
// span. material-fiber grouped them in Rego (rules/material_fiber/
// statements.rego, which keeps that as the fallback): a scan over the
// fibres per statement and several comprehensions per statement, half of
// the rule's steps on an export row. Here it is one step.
//
// It answers only for a composition of well-formed fibres (every field
// of the schema there, of its type, statement ids whole numbers written
// as such) and is undefined otherwise, so the Rego fallback meets
// anything else as it always did. Sums, texts and bounds are OPA's own
// sum, sprintf, concat, min and max, so numbers read as the Rego's.
var fiberStatementsBuiltin = &ast.Builtin{
	Name:        "xiaoer.fiber_statements",
	Description: "The composition statements of a listing's fibres, by statement id (see rules/material_fiber/statements.rego).",
	Decl: types.NewFunction(
		types.Args(types.Named("composition", types.A)),
		types.Named("statements", types.NewObject(nil, types.NewDynamicProperty(types.A, types.A))),
	),
}

// fibre is one well-formed composition entry.
type fibre struct {
	fiber, percent, field, part, label, s, e *ast.Term
	atLeast, implied                         bool
	statement                                int
}

var (
	keyFiber     = key("fiber")
	keyPercent   = key("percent")
	keyAtLeast   = key("at_least")
	keyImplied   = key("implied")
	keyPart      = key("part")
	keyLabel     = key("label")
	keyStatement = key("statement")
	keyShares    = key("shares")
	keyTotal     = key("total")
	keyDisplay   = key("display")
)

func fiberStatements(bctx topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	fibres, ok := wellFormed(operands[0].Value)
	if !ok {
		return nil
	}
	var order []int
	groups := map[int][]fibre{}
	for _, f := range fibres {
		if _, seen := groups[f.statement]; !seen {
			order = append(order, f.statement)
		}
		groups[f.statement] = append(groups[f.statement], f)
	}
	out := ast.NewObject()
	for _, id := range order {
		st, err := statement(bctx, ast.InternedTerm(id), groups[id])
		if err != nil {
			return err
		}
		out.Insert(ast.InternedTerm(id), st)
	}
	return iter(ast.NewTerm(out))
}

// wellFormed reads the composition, or reports that some entry is not
// the schema's.
func wellFormed(v ast.Value) ([]fibre, bool) {
	arr, ok := v.(*ast.Array)
	if !ok {
		return nil, false
	}
	out := make([]fibre, 0, arr.Len())
	for i := range arr.Len() {
		obj, ok := arr.Elem(i).Value.(ast.Object)
		if !ok {
			return nil, false
		}
		var f fibre
		f.fiber, f.field, f.part, f.label = obj.Get(keyFiber), obj.Get(keyField), obj.Get(keyPart), obj.Get(keyLabel)
		f.percent, f.s, f.e = obj.Get(keyPercent), obj.Get(keyS), obj.Get(keyE)
		if !allOf[ast.String](f.fiber, f.field, f.part, f.label) || !allOf[ast.Number](f.percent, f.s, f.e) {
			return nil, false
		}
		var okA, okI, okS bool
		f.atLeast, okA = boolOf(obj.Get(keyAtLeast))
		f.implied, okI = boolOf(obj.Get(keyImplied))
		f.statement, okS = wholeNumber(obj.Get(keyStatement))
		if !okA || !okI || !okS {
			return nil, false
		}
		out = append(out, f)
	}
	return out, true
}

func allOf[T ast.Value](terms ...*ast.Term) bool {
	for _, t := range terms {
		if t == nil {
			return false
		}
		if _, ok := t.Value.(T); !ok {
			return false
		}
	}
	return true
}

func boolOf(t *ast.Term) (bool, bool) {
	if t == nil {
		return false, false
	}
	b, ok := t.Value.(ast.Boolean)
	return bool(b), ok
}

// wholeNumber is a statement id written as a whole number (0, not 0.0 or
// 1e0: those equal it in Rego but are other terms).
func wholeNumber(t *ast.Term) (int, bool) {
	if t == nil {
		return 0, false
	}
	n, ok := t.Value.(ast.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(string(n))
	return i, err == nil && strconv.Itoa(i) == string(n)
}

// statement is statements.rego's statement(id, members).
func statement(bctx topdown.BuiltinContext, id *ast.Term, members []fibre) (*ast.Term, error) {
	first := members[0]
	percents := make([]*ast.Term, len(members))
	texts := make([]*ast.Term, len(members))
	atLeast := false
	for k, g := range members {
		percents[k] = g.percent
		atLeast = atLeast || g.atLeast
		text, err := fibreText(bctx, g, first.implied)
		if err != nil {
			return nil, err
		}
		texts[k] = text
	}
	total, err := sumOf(bctx, percents)
	if err != nil {
		return nil, err
	}
	shares, err := sharesOf(bctx, members)
	if err != nil {
		return nil, err
	}
	display, s, e, err := displayed(bctx, members, texts)
	if err != nil {
		return nil, err
	}
	return ast.ObjectTerm(
		ast.Item(keyID, id),
		ast.Item(keyField, first.field),
		ast.Item(keyPart, first.part),
		ast.Item(keyLabel, first.label),
		ast.Item(keyImplied, ast.BooleanTerm(first.implied)),
		ast.Item(keyAtLeast, ast.BooleanTerm(atLeast)),
		ast.Item(keyShares, shares),
		ast.Item(keyTotal, total),
		ast.Item(keyDisplay, display),
		ast.Item(keyS, s),
		ast.Item(keyE, e),
	), nil
}

// displayed is a statement's display and span: its one fibre's text and
// span, or the fibres' texts joined (by 、 where the fibres are implied)
// over the span from the first start to the last end.
func displayed(bctx topdown.BuiltinContext, members []fibre, texts []*ast.Term) (display, s, e *ast.Term, err error) {
	first := members[0]
	if len(members) == 1 {
		return texts[0], first.s, first.e, nil
	}
	starts := make([]*ast.Term, len(members))
	ends := make([]*ast.Term, len(members))
	for k, g := range members {
		starts[k], ends[k] = g.s, g.e
	}
	sep := " "
	if first.implied {
		sep = "、"
	}
	if display, err = call(bctx, "concat", ast.StringTerm(sep), ast.ArrayTerm(texts...)); err != nil {
		return nil, nil, nil, err
	}
	if s, err = call(bctx, "min", ast.ArrayTerm(starts...)); err != nil {
		return nil, nil, nil, err
	}
	if e, err = call(bctx, "max", ast.ArrayTerm(ends...)); err != nil {
		return nil, nil, nil, err
	}
	return display, s, e, nil
}

// fibreText is how fibre g shows in its statement's display: its name in
// a statement that only names fibres (implied), else fiber_text. A
// percentage written as a whole number is written in place, as
// plainSprintf writes it (the fibre is a string, wellFormed).
func fibreText(bctx topdown.BuiltinContext, g fibre, implied bool) (*ast.Term, error) {
	if implied {
		return g.fiber, nil
	}
	format, mark := "%s%v%%", ""
	if g.atLeast {
		format, mark = "%s≥%v%%", "≥"
	}
	if percent := string(g.percent.Value.(ast.Number)); wholeDigits(percent) {
		return ast.InternedTerm(string(g.fiber.Value.(ast.String)) + mark + percent + "%"), nil
	}
	return sprintf(bctx, ast.StringTerm(format), g.fiber, g.percent)
}

// sumOf is OPA's sum of terms. Where OPA takes its fast path (each term a
// number it reads as an int, no overflow) the sum is added here, without
// the array and the call; the rest is OPA's.
func sumOf(bctx topdown.BuiltinContext, terms []*ast.Term) (*ast.Term, error) {
	total := 0
	for _, t := range terms {
		n, ok := t.Value.(ast.Number)
		if !ok {
			return call(bctx, "sum", ast.ArrayTerm(terms...))
		}
		i, ok := n.Int()
		if !ok || (i > 0 && total > math.MaxInt-i) || (i < 0 && total < math.MinInt-i) {
			return call(bctx, "sum", ast.ArrayTerm(terms...))
		}
		total += i
	}
	return ast.InternedTerm(total), nil
}

// sharesOf sums each fibre's percentages, in the members' order.
func sharesOf(bctx topdown.BuiltinContext, members []fibre) (*ast.Term, error) {
	var names []*ast.Term
	byName := map[string][]*ast.Term{}
	for _, g := range members {
		name := string(g.fiber.Value.(ast.String))
		if _, seen := byName[name]; !seen {
			names = append(names, g.fiber)
		}
		byName[name] = append(byName[name], g.percent)
	}
	shares := ast.NewObject()
	for _, name := range names {
		total, err := sumOf(bctx, byName[string(name.Value.(ast.String))])
		if err != nil {
			return nil, err
		}
		shares.Insert(name, total)
	}
	return ast.NewTerm(shares), nil
}

// call runs OPA's builtin name on operands, as Rego would.
func call(bctx topdown.BuiltinContext, name string, operands ...*ast.Term) (*ast.Term, error) {
	if name == sprintfName {
		if t, ok := plainSprintf(operands); ok {
			return t, nil
		}
	}
	return callFunc(bctx, topdown.GetBuiltin(name), operands...)
}

// callFunc is call of a builtin's function in hand. The answer is caught
// by an outputs from a pool: a closure over a local of its own escaped to
// the heap with that local, two allocations a call (a few thousand an
// export of a thousand rows), as fn is called through a variable.
func callFunc(bctx topdown.BuiltinContext, fn topdown.BuiltinFunc, operands ...*ast.Term) (*ast.Term, error) {
	o := outputsPool.Get().(*outputs)
	err := fn(bctx, operands, o.catch)
	out := o.out
	o.out = nil
	outputsPool.Put(o)
	return out, err
}

// outputs catches the last output of a builtin (catch is its iter).
type outputs struct {
	out   *ast.Term
	catch func(*ast.Term) error
}

var outputsPool = sync.Pool{New: func() any {
	o := new(outputs)
	o.catch = func(t *ast.Term) error {
		o.out = t
		return nil
	}
	return o
}}
