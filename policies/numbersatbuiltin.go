package policies

import (
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.numbers_at(fields, name, figures, a, b, marks) are the numbers
// that start at tokens a..b of field name with no clause mark (a token
// whose t is in marks) from token a to the token before them. A number
// starts at a token whose t begins with a digit and whose previous token
// does not. For each, in token order, it gives {"i": its token, "figure":
// num} for every figure num of figures in field name that starts there
// (num.s is the token's s), or, where no figure starts there, {"i", "last",
// "e"}: the run of up to 12 tokens of digits and points from it (热销233,
// 5|0|0|0 as older cuts gave it), its last token and that token's end.
//
// It is the search ad-unsourced-claim made after every count word (已售,
// 销量) in Rego: for each of three tokens a digit test, a clause test, a
// walk of every figure and a regular expression per token of the run,
// about 170k instructions per bench export row with a count word; here a
// call is one step. What counts as a claim stays in the rule: which
// figures count, and that a run is no model code.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var numbersAtBuiltin = &ast.Builtin{
	Name:        "xiaoer.numbers_at",
	Description: "The numbers starting at tokens a..b of a field after no clause mark: the figures there, or the runs of digits.",
	Decl: types.NewFunction(
		tokenRangeArgs,
		types.Named("numbers", types.NewArray(nil, types.A)),
	),
}

// maxDigitRun is the longest run of digit tokens a number is read from
// (figure_end's numbers.range(1, 12)).
const maxDigitRun = 12

var (
	keyFigure = key("figure")
	keyLast   = key("last")
)

func numbersAt(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	r, err := tokenRangeOf(operands)
	if err != nil {
		return err
	}
	found := numbersAtRange(r.toks, r.a, r.b, r.name, r.figures, r.marks)
	out := make([]*ast.Term, len(found))
	for k, n := range found {
		out[k] = n.term()
	}
	return iter(ast.ArrayTerm(out...))
}

// numberAt is one number xiaoer.numbers_at gives, unbuilt (xiaoer.count_claims
// reads it as it is): at token i, a figure, or, where figure is nil, the
// run of digits to token last, which ends at e.
type numberAt struct {
	figure, e *ast.Term
	i, last   int
}

// term is the number as numbers_at's object.
func (n numberAt) term() *ast.Term {
	i := ast.InternedTerm(n.i)
	if n.figure != nil {
		return ast.ObjectTerm(ast.Item(keyI, i), ast.Item(keyFigure, n.figure))
	}
	return ast.ObjectTerm(ast.Item(keyI, i), ast.Item(keyLast, ast.InternedTerm(n.last)), ast.Item(keyE, n.e))
}

// numbersAtRange are the numbers xiaoer.numbers_at gives for tokens a..b
// of a field (toks: its tokens, nil where missing).
func numbersAtRange(toks *ast.Array, a, b int, name *ast.Term, figures *ast.Array, marks *ast.Term) []numberAt {
	var found []numberAt
	for p := max(a, 0); toks != nil && p <= min(b, toks.Len()-1); p++ {
		if p > a && truthy(get(marks, tokenT(toks, p-1))) {
			break // a clause mark: no number after it is read
		}
		if digitAt(toks, p) && !digitAt(toks, p-1) {
			found = append(found, numbersFrom(toks, p, name, figures)...)
		}
	}
	return found
}

// numbersFrom are the numbers starting at token p: the figures of field
// name there, or else the run of digits.
func numbersFrom(toks *ast.Array, p int, name *ast.Term, figures *ast.Array) []numberAt {
	var found []numberAt
	if s := get(toks.Elem(p), keyS); s != nil {
		figures.Foreach(func(num *ast.Term) {
			if f, at := get(num, keyField), get(num, keyS); f != nil && at != nil && f.Equal(name) && at.Equal(s) {
				found = append(found, numberAt{i: p, figure: num})
			}
		})
	}
	if len(found) > 0 {
		return found
	}
	last := p - 1
	for last+1 < min(p+maxDigitRun, toks.Len()) && digitsOnly(get(toks.Elem(last+1), keyT)) {
		last++
	}
	if last < p {
		return nil
	}
	e := get(toks.Elem(last), keyE)
	if e == nil {
		return nil
	}
	return []numberAt{{i: p, last: last, e: e}}
}

// tokenT is toks[p].t, nil where undefined.
func tokenT(toks *ast.Array, p int) *ast.Term {
	if p < 0 || p >= toks.Len() {
		return nil
	}
	return get(toks.Elem(p), keyT)
}

// digitAt: token p's t is a string that starts with a digit (the rule's
// digit, regex ^[0-9]).
func digitAt(toks *ast.Array, p int) bool {
	s, ok := valueOf(tokenT(toks, p)).(ast.String)
	return ok && len(s) > 0 && s[0] >= '0' && s[0] <= '9'
}

// digitsOnly: t is a string of digits and points that starts with a
// digit, or a point alone (regex ^[0-9][0-9.]*$|^\.$).
func digitsOnly(t *ast.Term) bool {
	s, ok := valueOf(t).(ast.String)
	if !ok || s == "." {
		return ok
	}
	for k := 0; k < len(s); k++ {
		if (s[k] < '0' || s[k] > '9') && (k == 0 || s[k] != '.') {
			return false
		}
	}
	return len(s) > 0
}
