package policies

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.key_at(tokens, i, n) is the text of n tokens from index i, as
// lexicon.key_at (lib/tokens.rego) joined it in Rego: tokens[i].t alone
// for one token, the tokens' t joined for more; undefined where i is
// negative, n is below one or the tokens end before i + n. In Rego each
// call tried five clauses, a few steps each, and the rules call it for
// the tokens around every hit and figure; here a call is one step. Like
// concat, it fails on a t that is no string (when joining).
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var keyAtBuiltin = &ast.Builtin{
	Name:        "xiaoer.key_at",
	Description: "The text of n tokens from index i (see lexicon.key_at in lib/tokens.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("tokens", types.NewArray(nil, types.A)),
			types.Named("i", types.N),
			types.Named("n", types.N),
		),
		types.Named("key", types.A),
	),
}

var keyT = key("t")

func keyAt(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	toks, err := builtins.ArrayOperand(operands[0].Value, 1)
	if err != nil {
		return err
	}
	i, iok := intOf(operands[1])
	n, nok := intOf(operands[2])
	if !iok || !nok {
		return nil
	}
	key, err := joined(toks, i, n)
	if key == nil || err != nil {
		return err
	}
	return iter(key)
}

// joined is the text of n tokens of toks from index i as xiaoer.key_at
// gives it: nil where it is undefined, an error where a t is no string.
func joined(toks *ast.Array, i, n int) (*ast.Term, error) {
	if i < 0 || n < 1 || i+n > toks.Len() {
		return nil, nil
	}
	if n == 1 {
		return get(toks.Elem(i), keyT), nil
	}
	var b strings.Builder
	for m := i; m < i+n; m++ {
		t := get(toks.Elem(m), keyT)
		if t == nil && n > maxRun {
			continue // the Rego's comprehension left such a token out
		}
		if t == nil {
			return nil, nil
		}
		s, err := builtins.StringOperand(t.Value, 1)
		if err != nil {
			return nil, err
		}
		b.WriteString(string(s))
	}
	return ast.StringTerm(b.String()), nil
}

// maxRun is lexicon.max_run: runs up to it were joined token by token,
// longer ones by a comprehension.
const maxRun = 4

// intOf is t as an int, if it is an integer number.
func intOf(t *ast.Term) (int, bool) {
	n, ok := t.Value.(ast.Number)
	if !ok {
		return 0, false
	}
	return n.Int()
}
