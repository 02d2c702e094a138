package policies

import (
	"math/big"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.matches(found, lexicon, fields, skip) is the set of hits
// lexicon.matches (lib/lexicon.rego) makes of a listing's runs: for each
// run {field, i, n, key} of found outside the skipped fields whose key is
// in lexicon, {field, i, n, s, e, key, word, entry} with s the start of
// its first token and e the end of its last (fields[field].tokens). Built
// in Rego, each hit took two dozen steps, the most of any helper the word
// rules share after the rules' own; here a listing's hits take one. A run
// lacking a field, a token it names or a key the lexicon has is left out,
// as the Rego left it out; skip names fields as the Rego read it (a field
// whose value there is false is not skipped).
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var matchesBuiltin = &ast.Builtin{
	Name:        "xiaoer.matches",
	Description: "The hits of a listing's runs found in a lexicon (see lexicon.matches in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("found", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A))),
			types.Named("lexicon", types.A),
			types.Named("fields", types.A),
			types.Named("skip", types.A),
		),
		types.Named("hits", types.NewSet(types.A)),
	),
}

var (
	keyI      = key("i")
	keyN      = key("n")
	keyKey    = key("key")
	keyWord   = key("word")
	keyTokens = key("tokens")
)

func matches(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	runs, err := elements(operands[0], 1)
	if err != nil {
		return err
	}
	hits, m := ast.NewSet(), runMatcher{lexicon: operands[1], fields: operands[2], skip: operands[3]}
	for _, run := range runs {
		hit, err := m.of(run)
		if err != nil {
			return err
		}
		if hit != nil {
			hits.Add(hit)
		}
	}
	return iter(ast.NewTerm(hits))
}

// runMatcher makes the hits of one call's runs in lexicon (of). A
// listing's runs mostly lie in one field, one after another: whether it
// is skipped and its tokens are looked up again only for a run in
// another field than the run before (two lookups a run, most of them
// the listing's first touch of a field object, were a fifth of a hit).
type runMatcher struct {
	lexicon, fields, skip *ast.Term
	// name is the field of the run before (nil: none yet), skipped and
	// toks what skip and fields hold for it.
	name, toks *ast.Term
	skipped    bool
}

// of is the hit of one run, or nil where the Rego body was undefined;
// offsets that do not add up as numbers are an error wherever the field
// has tokens, as the Rego's arithmetic was.
func (m *runMatcher) of(run *ast.Term) (*ast.Term, error) {
	obj, ok := run.Value.(ast.Object)
	if !ok {
		return nil, nil
	}
	name, key, i, n := obj.Get(keyField), obj.Get(keyKey), obj.Get(keyI), obj.Get(keyN)
	if name != nil && (m.name == nil || !m.name.Equal(name)) {
		m.name, m.skipped = name, skipped(m.skip, name)
		m.toks = nil
		if !m.skipped {
			m.toks = get(get(m.fields, name), keyTokens)
		}
	}
	if name == nil || m.skipped || key == nil {
		return nil, nil
	}
	entry := get(m.lexicon, key)
	if entry == nil || i == nil || n == nil {
		return nil, nil
	}
	toks := m.toks
	if toks == nil {
		return nil, nil
	}
	last, err := lastIndex(i, n)
	if err != nil {
		return nil, err
	}
	s, e := get(get(toks, i), keyS), get(get(toks, last), keyE)
	if s == nil || e == nil {
		return nil, nil
	}
	// The items go in their keys' order, as findingOf's do: sorting the
	// keys when the hit is first compared then moves none.
	return ast.ObjectTerm(
		ast.Item(keyE, e), ast.Item(keyEntry, entry), ast.Item(keyField, name), ast.Item(keyI, i),
		ast.Item(keyKey, key), ast.Item(keyN, n), ast.Item(keyS, s), ast.Item(keyWord, key),
	), nil
}

// skipped reads skip[name] as `not skip[name]` did: defined and not false.
func skipped(skip, name *ast.Term) bool {
	v := get(skip, name)
	return v != nil && ast.Compare(v.Value, ast.Boolean(false)) != 0
}

// get is the reference t[k] as Rego evaluates it, or nil where undefined
// (either is nil where a reference before it was undefined). OPA's
// Term.Get reads it so (an object's or an array's member, k where a set
// holds it) and tells an object by its concrete type first, where a
// switch on the ast.Object interface asked the runtime of each call.
func get(t, k *ast.Term) *ast.Term {
	if t == nil || k == nil {
		return nil
	}
	return t.Get(k)
}

// lastIndex is (i + n) - 1, the index of a run's last token.
func lastIndex(i, n *ast.Term) (*ast.Term, error) {
	in, err := builtins.NumberOperand(i.Value, 1)
	if err != nil {
		return nil, err
	}
	nn, err := builtins.NumberOperand(n.Value, 2)
	if err != nil {
		return nil, err
	}
	if a, ok := in.Int(); ok {
		if b, ok := nn.Int(); ok {
			return ast.IntNumberTerm(a + b - 1), nil
		}
	}
	sum := new(big.Float).Add(builtins.NumberToFloat(in), builtins.NumberToFloat(nn))
	return ast.NewTerm(builtins.FloatToNumber(sum.Sub(sum, big.NewFloat(1)))), nil
}
