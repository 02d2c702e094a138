package policies

import (
	"math/big"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.held_at(h, c, fields) reports whether the engine's positions h of
// one context (input.listing.lexicon.held[table][name]: before, after and
// sentence, each by field) hold around hit c: h.before[c.field][c.i],
// h.after[c.field][c.i + c.n], or h.sentence[c.field] has the end of the
// sentence of fields[c.field].sentences holding byte c.s (1000000000 where
// none does, as lexicon.sentence_at answers). It is what held_here
// (lib/lexicon.rego) answered in Rego, where each hit's context took
// three clauses and a sentence lookup, several steps each; the word rules
// ask it for every context of every hit. Like the Rego, it fails on a hit
// whose i and n are no numbers, unless h.before holds.
//
// It is registered with OPA with the others (builtins.go), so user
// policies may call it too.
var heldAtBuiltin = &ast.Builtin{
	Name:        "xiaoer.held_at",
	Description: "Whether the engine's positions of a context hold around a hit (see simple_match in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("held", types.A),
			types.Named("hit", types.A),
			types.Named("fields", types.A),
		),
		types.Named("holds", types.B),
	),
}

var (
	keyBefore    = key("before")
	keyAfter     = key("after")
	keySentence  = key("sentence")
	keySentences = key("sentences")
	noSentence   = ast.IntNumberTerm(1000000000)
)

func heldAt(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	holds, err := heldAround(operands[0], operands[1], operands[2])
	if err != nil {
		return err
	}
	return iter(ast.InternedTerm(holds))
}

// heldAround is xiaoer.held_at(h, c, fields)'s answer. It takes no
// BuiltinContext: heldContexts, which asks it for every context of
// every hit, then need not carry one (288 bytes, copied with every
// heldContexts and every value-receiver call on it).
func heldAround(h, c, fields *ast.Term) (bool, error) {
	field, i, n := get(c, keyField), get(c, keyI), get(c, keyN)
	if field != nil && i != nil && truthy(get(get(get(h, keyBefore), field), i)) {
		return true, nil
	}
	after := sum(i, n)
	if after == nil && i != nil && n != nil {
		return false, builtins.NewOperandErr(2, "hit's i and n must be numbers") // as the Rego's c.i + c.n failed
	}
	if field != nil && after != nil && truthy(get(get(get(h, keyAfter), field), after)) {
		return true, nil
	}
	ends, s := get(get(h, keySentence), field), get(c, keyS)
	if field != nil && ends != nil && s != nil {
		e := sentenceEnd(get(get(fields, field), keySentences), s)
		return truthy(get(ends, e)), nil
	}
	return false, nil
}

// sentenceEnd is the end e of the sentence {s, e} holding byte s, or
// noSentence.
func sentenceEnd(sentences, s *ast.Term) *ast.Term {
	for _, sp := range terms(valueOf(sentences)) {
		from, to := get(sp, keyS), get(sp, keyE)
		if from != nil && to != nil && ast.Compare(from.Value, s.Value) <= 0 && ast.Compare(s.Value, to.Value) < 0 {
			return to
		}
	}
	return noSentence
}

// sum is a + b where both are numbers, else nil (the Rego's arithmetic
// failed).
func sum(a, b *ast.Term) *ast.Term {
	x, xok := valueOf(a).(ast.Number)
	y, yok := valueOf(b).(ast.Number)
	if !xok || !yok {
		return nil
	}
	if i, ok := x.Int(); ok {
		if j, ok := y.Int(); ok {
			return ast.IntNumberTerm(i + j)
		}
	}
	return ast.NewTerm(builtins.FloatToNumber(new(big.Float).Add(builtins.NumberToFloat(x), builtins.NumberToFloat(y))))
}

// xiaoer.held_names(held, table, names) are the members of names (an
// array or a set) that held[table] (input.listing.lexicon.held) has an entry for,
// in their order: the contexts of table that can hold around a hit, as
// lexicon.may_hold's comprehension listed them with a step per name, for
// every hit of the word rules. None where held has no entry for table.
var heldNamesBuiltin = &ast.Builtin{
	Name:        "xiaoer.held_names",
	Description: "The context names the engine's held lists for a table (see may_hold in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("held", types.A),
			types.Named("table", types.A),
			types.Named("names", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A))),
		),
		types.Named("held_names", types.NewArray(nil, types.A)),
	),
}

func heldNames(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	names, err := elements(operands[2], 3)
	if err != nil {
		return err
	}
	table := get(operands[0], operands[1])
	out := make([]*ast.Term, 0, len(names))
	for _, name := range names {
		if truthy(get(table, name)) {
			out = append(out, name)
		}
	}
	return iter(ast.ArrayTerm(out...))
}
