package scanner

import (
	"sort"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/xiaoer-dev/xiaoer/listings/facts"
)

// maxLexiconRun is the longest run of tokens a lexicon key can span
// (max_run in policies/lib/lexicon.rego).
const maxLexiconRun = 3

// lexiconKeys is every key of every object data.tables.<table>.<name> of
// the compiled bundle (user data included): the lexicons the library's
// matches(table, name) and evidence markers look words up in, with some
// keys no rule looks up (harmless: the rules still look each key up in
// their own lexicon). It says which token runs are words some table knows,
// a fact about the text; which table, category or exemption applies stays
// a judgment of the policies. Context words (deeper in the tables) are
// looked up around a hit, never over the whole text, so they are left out.
func lexiconKeys(data map[string]any) map[string]bool {
	keys := map[string]bool{}
	tables, _ := data["tables"].(map[string]any)
	for _, table := range tables {
		lexicons, _ := table.(map[string]any)
		for _, lexicon := range lexicons {
			words, _ := lexicon.(map[string]any)
			for word := range words {
				keys[word] = true
			}
		}
	}
	return keys
}

// lexiconFacts is input.listing.lexicon: the runs of 1 to maxLexiconRun
// tokens whose normalised forms concatenate to a known key, and the tokens
// whose first character is a known key (prefixes such as 最). The lexicon
// library walks these instead of every token of every field, so a rule's
// cost follows the hits, not the length of the text.
func lexiconFacts(fields map[string]facts.Field, keys map[string]bool) ast.Value {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names) // a stable document for the same listing
	var runs, prefixed []*ast.Term
	for _, name := range names {
		toks := fields[name].Tokens
		for i, tok := range toks {
			key := ""
			for n := 1; n <= maxLexiconRun && i+n <= len(toks); n++ {
				key += toks[i+n-1].T
				if keys[key] {
					runs = append(runs, lexiconRun(name, i, n, key))
				}
			}
			if first, size := utf8.DecodeRuneInString(tok.T); size > 0 && keys[string(first)] {
				prefixed = append(prefixed, ast.ObjectTerm(
					ast.Item(ast.StringTerm("field"), ast.StringTerm(name)),
					ast.Item(ast.StringTerm("i"), ast.IntNumberTerm(i)),
				))
			}
		}
	}
	return ast.NewObject(
		ast.Item(ast.StringTerm("runs"), ast.NewTerm(ast.NewArray(runs...))),
		ast.Item(ast.StringTerm("prefixed"), ast.NewTerm(ast.NewArray(prefixed...))),
	)
}

func lexiconRun(field string, i, n int, key string) *ast.Term {
	return ast.ObjectTerm(
		ast.Item(ast.StringTerm("field"), ast.StringTerm(field)),
		ast.Item(ast.StringTerm("i"), ast.IntNumberTerm(i)),
		ast.Item(ast.StringTerm("n"), ast.IntNumberTerm(n)),
		ast.Item(ast.StringTerm("key"), ast.StringTerm(key)),
	)
}
