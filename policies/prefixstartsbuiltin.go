package policies

import (
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
	"github.com/open-policy-agent/opa/v1/topdown/builtins"
	"github.com/open-policy-agent/opa/v1/types"
)

// xiaoer.prefix_starts(prefixed, table, fields, skip) are the tokens
// {field, i, prefix} of prefixed (lexicon.prefixed: {field, i} each) that
// lexicon.prefix_hits (lib/lexicon.rego) builds a hit at: outside the
// skipped fields, starting with a character that is a key of
// table.prefixes (prefix), and neither a word of table.words nor one of
// the prefix's not_claims. In Rego each token took six steps, though
// most tokens fail (they start with another table's prefix, or are
// words of their own: 最好); ad-absolute asked it of every listing that
// reaches it, at about 110k instructions. The hits themselves
// (prefix_hit) stay in Rego. A token's text that is no string is an
// error, as substring's operand was; tokens the fields lack are left
// out, as the Rego left them out.
//
// It is registered with OPA with the others (builtins.go).
var prefixStartsBuiltin = &ast.Builtin{
	Name:        "xiaoer.prefix_starts",
	Description: "The tokens a table's prefix hits start at (see prefix_hits in lib/lexicon.rego).",
	Decl: types.NewFunction(
		types.Args(
			types.Named("prefixed", types.NewAny(types.NewSet(types.A), types.NewArray(nil, types.A))).Description("lexicon.prefixed"),
			types.Named("table", types.A).Description("data.tables.<table>"),
			types.Named("fields", types.A).Description("input.listing.fields"),
			types.Named("skip", types.A).Description("the skipped fields"),
		),
		types.Named("starts", types.NewArray(nil, types.A)),
	),
}

var (
	keyPrefix    = key("prefix")
	keyPrefixes  = key("prefixes")
	keyNotClaims = key("not_claims")
)

func prefixStarts(_ topdown.BuiltinContext, operands []*ast.Term, iter func(*ast.Term) error) error {
	prefixed, err := elements(operands[0], 1)
	if err != nil {
		return err
	}
	prefixes, words := get(operands[1], keyPrefixes), get(operands[1], lexWords)
	var out []*ast.Term
	for _, p := range prefixed {
		name, i := get(p, keyField), get(p, keyI)
		if name == nil || skipped(operands[3], name) {
			continue
		}
		start, err := prefixStart(get(get(get(get(operands[2], name), keyTokens), i), keyT), prefixes, words)
		if err != nil {
			return err
		}
		if start != nil {
			out = append(out, ast.ObjectTerm(ast.Item(keyField, name), ast.Item(keyI, i), ast.Item(keyPrefix, start)))
		}
	}
	return iter(ast.ArrayTerm(out...))
}

// prefixStart is the prefix token text t starts a hit with, or nil: t's
// first character, a key of prefixes, where t is no word and none of
// the prefix's not_claims.
func prefixStart(t, prefixes, words *ast.Term) (*ast.Term, error) {
	if t == nil {
		return nil, nil
	}
	text, err := builtins.StringOperand(t.Value, 1)
	if err != nil {
		return nil, err
	}
	r, _ := utf8.DecodeRuneInString(string(text))
	prefix := ast.StringTerm("")
	if text != "" {
		prefix = ast.StringTerm(string(r))
	}
	pre := get(prefixes, prefix)
	if pre == nil || truthy(get(words, t)) || truthy(get(get(pre, keyNotClaims), t)) {
		return nil, nil
	}
	return prefix, nil
}
