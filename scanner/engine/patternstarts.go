package engine

import (
	"sort"

	"github.com/open-policy-agent/opa/v1/ast"
)

// patternStarts maps, for every table with word-class patterns
// (data.tables.<table>.patterns, see policies/lib/pattern.rego), each
// word of its pattern_heads to the ids of the patterns that word can
// start: those whose first part is one of the word's classes. The engine
// gives them with every head it finds (the run's "patterns"), so the
// library looks at a head's own patterns instead of testing every pattern
// of the table against every head of the listing, which was the largest
// cost of evaluating a title (measured in issue 13). The index is a fact
// of the data, built once when the policies load.
type patternStarts map[string]map[string]*ast.Term

// patternHeads is the lexicon whose runs carry the ids of the patterns
// they start.
const patternHeads = "pattern_heads"

func newPatternStarts(data map[string]any) patternStarts {
	out := patternStarts{}
	tables, _ := data["tables"].(map[string]any)
	for name, t := range tables {
		table, _ := t.(map[string]any)
		patterns, _ := table["patterns"].(map[string]any)
		heads, _ := table[patternHeads].(map[string]any)
		if len(heads) == 0 {
			continue
		}
		byClass := firstClasses(patterns)
		words := map[string]*ast.Term{}
		for word, h := range heads {
			words[word] = idsTerm(headPatterns(h, byClass))
		}
		out[name] = words
	}
	return out
}

// firstClasses maps a class to the ids of the patterns whose first part
// it is.
func firstClasses(patterns map[string]any) map[string][]string {
	out := map[string][]string{}
	for id, p := range patterns {
		pattern, _ := p.(map[string]any)
		parts, _ := pattern["parts"].([]any)
		if len(parts) == 0 {
			continue
		}
		if first, ok := parts[0].(string); ok {
			out[first] = append(out[first], id)
		}
	}
	return out
}

// headPatterns are the ids of the patterns a head entry ({"classes": [...]})
// can start, sorted and without repeats.
func headPatterns(h any, byClass map[string][]string) []string {
	entry, _ := h.(map[string]any)
	classes, _ := entry["classes"].([]any)
	seen := map[string]bool{}
	var ids []string
	for _, c := range classes {
		cls, _ := c.(string)
		for _, id := range byClass[cls] {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

func idsTerm(ids []string) *ast.Term {
	terms := make([]*ast.Term, len(ids))
	for i, id := range ids {
		terms[i] = ast.StringTerm(id)
	}
	return ast.ArrayTerm(terms...)
}

// run is lexiconRun for a run of lexicon lex; a run of a table's
// pattern_heads also carries the ids of the patterns it can start.
func (ps patternStarts) run(lex lexiconName, field string, i, n int, key string) *ast.Term {
	ids := ps[lex.table][key]
	if lex.lexicon != patternHeads || ids == nil {
		return lexiconRun(field, i, n, key)
	}
	return ast.ObjectTerm(
		ast.Item(keyField, ast.StringTerm(field)),
		ast.Item(keyI, ast.InternedTerm(i)),
		ast.Item(keyN, ast.InternedTerm(n)),
		ast.Item(keyKey, ast.StringTerm(key)),
		ast.Item(keyPatterns, ids),
	)
}

var keyPatterns = ast.StringTerm("patterns")
